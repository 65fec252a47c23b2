import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { LanguageProvider } from '../../i18n/language';
import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { findChoices, findSession, sessionsPage } from '../../test/fixtures-find';
import { renderScreen } from '../../test/render';
import { expectWebChecked } from '../../test/web-checked';
import { dayRange } from './day-range';
import { FindScreen } from './find-screen';

const FIRST = sessionsPage(
  [
    findSession('s1', 'Garden club'),
    findSession('s2', 'Choir', { placesLeft: 0, waitlistLength: 2, distanceBand: '1–2 km' }),
  ],
  'c-s2',
);
const SECOND = sessionsPage([findSession('s3', 'Walking group')]);

function render(handlers: Record<string, FakeHandler>) {
  const onOpenSession = jest.fn();
  const onAddHome = jest.fn();
  const rendered = renderScreen(
    <FindScreen onOpenSession={onOpenSession} onAddHome={onAddHome} />,
    {
      handlers: { FindChoices: () => findChoices(), ...handlers },
    },
  );
  return rendered.then((r) => ({ ...r, onOpenSession, onAddHome }));
}

describe('FindScreen', () => {
  it('shows sessions this week near home, within the travel radius, by London days', async () => {
    const { api } = await render({ FindSessions: () => FIRST });
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
    expect(screen.getAllByText('Tuesday 8 December, 10:30am to 12:00pm')).toHaveLength(2);
    expect(screen.getByText('St Mary’s Hall, under 500 m from you')).toBeOnTheScreen();
    expect(screen.getByText('St Mary’s Hall, 1–2 km from you')).toBeOnTheScreen();
    expect(screen.getByText('4 places left')).toBeOnTheScreen();
    expect(screen.getByText('It is full. 2 people are on the waiting list.')).toBeOnTheScreen();
    expect(screen.getByRole('radio', { name: 'This week' })).toBeChecked();
    const { from, to } = dayRange('thisWeek', new Date());
    expect(api.callsOf('FindSessions')[0]?.variables).toEqual({
      filter: { withinMetres: 2000, from, to },
      first: 20,
      after: null,
    });
  });

  it('speaks Spanish when the member chose it', async () => {
    await renderScreen(
      <LanguageProvider initialLanguage="es">
        <FindScreen onOpenSession={jest.fn()} onAddHome={jest.fn()} />
      </LanguageProvider>,
      { handlers: { FindChoices: () => findChoices(), FindSessions: () => FIRST } },
    );
    expect(await screen.findByText('Quedan 4 plazas')).toBeOnTheScreen();
    expect(screen.getByRole('radio', { name: 'Esta semana' })).toBeChecked();
    expect(screen.getByText('St Mary’s Hall, a entre 1 y 2 km de ti')).toBeOnTheScreen();
    expect(screen.getByText('Está lleno. Hay 2 personas en la lista de espera.')).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Elegir un interés' })).toBeOnTheScreen();
  });

  it('opens a session when it is pressed', async () => {
    const { onOpenSession } = await render({ FindSessions: () => FIRST });
    fireEvent.press(await screen.findByRole('button', { name: /^Garden club/ }));
    expect(onOpenSession).toHaveBeenCalledWith('s1');
  });

  it('asks again for the day, the interest and places left that the member chooses', async () => {
    const { api } = await render({ FindSessions: () => FIRST });
    await screen.findByText('Garden club');
    fireEvent.press(screen.getByRole('radio', { name: 'Tomorrow' }));
    await waitFor(() => expect(api.callsOf('FindSessions')).toHaveLength(2));
    expect(screen.getByRole('radio', { name: 'Tomorrow' })).toBeChecked();
    const tomorrow = dayRange('tomorrow', new Date());
    expect(api.callsOf('FindSessions')[1]?.variables.filter).toEqual({
      withinMetres: 2000,
      ...tomorrow,
    });

    fireEvent.press(screen.getByRole('button', { name: 'Choose an interest' }));
    fireEvent.press(screen.getByRole('radio', { name: 'Walking' }));
    await waitFor(() => expect(api.callsOf('FindSessions')).toHaveLength(3));
    // Folded away again, saying what was chosen.
    expect(screen.queryByRole('radio', { name: 'Walking' })).toBeNull();
    expect(screen.getByText('Walking')).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Choose another interest' })).toBeOnTheScreen();
    expect(api.callsOf('FindSessions')[2]?.variables.filter).toEqual({
      withinMetres: 2000,
      ...tomorrow,
      interestIds: ['i-walk'],
    });

    fireEvent.press(screen.getByRole('checkbox', { name: 'Only show ones with places left' }));
    await waitFor(() => expect(api.callsOf('FindSessions')).toHaveLength(4));
    expect(api.callsOf('FindSessions')[3]?.variables.filter).toEqual({
      withinMetres: 2000,
      ...tomorrow,
      interestIds: ['i-walk'],
      hasPlaces: true,
    });
    expect(screen.getByRole('checkbox', { name: 'Only show ones with places left' })).toBeChecked();
    expectWebChecked({
      Tomorrow: true,
      'This week': false,
      'Only show ones with places left': true,
    });
  });

  it('lists the member’s own interests first, and the others when asked', async () => {
    await render({ FindSessions: () => FIRST });
    await screen.findByText('Garden club');
    const shown = () =>
      screen
        .getAllByRole('radio')
        .map((radio) => (radio.props as { accessibilityLabel?: string }).accessibilityLabel);
    // Folded away at first, so the sessions show without scrolling past every interest.
    expect(shown()).toEqual(['Today', 'Tomorrow', 'This week', 'Next week']);
    expect(screen.getByText('Anything')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Choose an interest' }));
    expect(shown().slice(4)).toEqual(['Anything', 'Walking']);
    fireEvent.press(screen.getByRole('button', { name: 'Show other interests' }));
    expect(shown().slice(4)).toEqual(['Anything', 'Walking', 'Gardening', 'Singing', 'Cooking']);
    fireEvent.press(screen.getByRole('radio', { name: 'Cooking' }));
    expect(screen.getByText('Cooking')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Choose another interest' }));
    expect(screen.getByRole('radio', { name: 'Cooking' })).toBeChecked();
    fireEvent.press(screen.getByRole('button', { name: 'Show only mine' }));
    // The choice the member made does not vanish: it goes back to Anything.
    expect(screen.getByRole('radio', { name: 'Anything' })).toBeChecked();
  });

  it('lists every interest when the member has chosen none', async () => {
    await render({ FindChoices: () => findChoices({ mine: [] }), FindSessions: () => FIRST });
    await screen.findByText('Garden club');
    fireEvent.press(screen.getByRole('button', { name: 'Choose an interest' }));
    expect(screen.getByRole('radio', { name: 'Cooking' })).toBeOnTheScreen();
    expect(screen.queryByRole('button', { name: 'Show other interests' })).toBeNull();
  });

  it('shows more a page at a time', async () => {
    const { api } = await render({
      FindSessions: ({ after }) => (after === 'c-s2' ? SECOND : FIRST),
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Walking group')).toBeOnTheScreen();
    expect(screen.getByText('Garden club')).toBeOnTheScreen();
    expect(api.callsOf('FindSessions').map((c) => c.variables.after)).toEqual([null, 'c-s2']);
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('asks a member with no home for their postcode, without looking', async () => {
    const { api, onAddHome } = await render({
      FindChoices: () => findChoices({ hasHome: false }),
    });
    expect(await screen.findByText('Add your postcode to see what is near you')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Add your postcode' }));
    expect(onAddHome).toHaveBeenCalled();
    expect(api.callsOf('FindSessions')).toHaveLength(0);
  });

  it('asks for the postcode when the API says there is no home to measure from', async () => {
    const { onAddHome } = await render({
      FindSessions: () =>
        gqlError('BAD_USER_INPUT', 'bad input', [
          { path: 'filter.near', message: 'give a point, or set your home in your profile' },
        ]),
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Add your postcode' }));
    expect(onAddHome).toHaveBeenCalled();
  });

  it('says when nothing matches, and widens the search', async () => {
    const { api } = await render({
      FindSessions: ({ filter }) =>
        (filter as { interestIds?: string[] }).interestIds ? sessionsPage([]) : FIRST,
    });
    await screen.findByText('Garden club');
    fireEvent.press(screen.getByRole('button', { name: 'Choose an interest' }));
    fireEvent.press(screen.getByRole('radio', { name: 'Walking' }));
    expect(await screen.findByText('Nothing found')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Show everything near me' }));
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Choose an interest' })).toBeOnTheScreen();
    // Shown at once from before, and asked again.
    await waitFor(() => expect(api.callsOf('FindSessions')).toHaveLength(3));
    expect(api.callsOf('FindSessions')[2]?.variables.filter).not.toHaveProperty('interestIds');
  });

  it('shows that it is loading', async () => {
    await render({ FindSessions: () => new Promise<FakeAnswer>(() => undefined) });
    expect(await screen.findByLabelText('Looking for sessions near you')).toBeOnTheScreen();
  });

  it('says what went wrong, using the API’s words for bad input, and tries again', async () => {
    let answer: FakeAnswer = gqlError('BAD_USER_INPUT', 'bad', [
      { path: 'filter.withinMetres', message: 'must be at most 50000' },
    ]);
    await render({ FindSessions: () => answer });
    expect(await screen.findByText('must be at most 50000')).toBeOnTheScreen();
    answer = FIRST;
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
  });

  it('says what went wrong when the choices cannot be had', async () => {
    let answer: FakeAnswer = 'network-error';
    await render({ FindChoices: () => answer, FindSessions: () => FIRST });
    expect(await screen.findByText(/Check that you are online/)).toBeOnTheScreen();
    answer = findChoices();
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
  });

  it('says it is offline when nothing was kept', async () => {
    onlineManager.setOnline(false);
    const { api } = await render({ FindSessions: () => FIRST });
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
    expect(api.calls).toHaveLength(0);
  });
});
