import AsyncStorage from '@react-native-async-storage/async-storage';
import { onlineManager, QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';

import { gqlError, type FakeAnswer } from '../../test/fake-api';
import { contact, network, recentSessions } from '../../test/fixtures-people';
import { renderScreen } from '../../test/render';
import { PeopleScreen } from './people-screen';

const NETWORK = network(
  [
    contact('p1', 'Ana', { circle: 1, sources: ['CO_ATTENDANCE', 'INTRODUCTION'] }),
    contact('p2', 'Ben', { sources: ['HELP'] }),
  ],
  ['You know 2 more people than a month ago'],
);
const RECENT = recentSessions([
  { id: 'b1', status: 'ATTENDED', sessionId: 's1', title: 'Garden club' },
  { id: 'b2', status: 'NO_SHOW', sessionId: 's2', title: 'Choir' },
]);

function render(
  handlers: Record<string, (v: Record<string, unknown>) => FakeAnswer | Promise<FakeAnswer>> = {},
) {
  const props = { onMeet: jest.fn(), onOpenSuggested: jest.fn(), onOpenIntroductions: jest.fn() };
  return renderScreen(<PeopleScreen {...props} />, {
    handlers: { MyNetwork: () => NETWORK, RecentSessions: () => RECENT, ...handlers },
  }).then((r) => ({ ...r, props }));
}

describe('PeopleScreen', () => {
  it('shows contacts, how they met, their circle and the gains in words', async () => {
    await render();
    expect(await screen.findByText('Ana')).toBeOnTheScreen();
    expect(screen.getByText('How you met: at a session, an introduction')).toBeOnTheScreen();
    expect(screen.getByText('How you met: through help')).toBeOnTheScreen();
    expect(screen.getByText('• You know 2 more people than a month ago')).toBeOnTheScreen();
    const ana = within(screen.getByTestId('contact-p1'));
    expect(ana.getByRole('radio', { name: 'Very close' })).toBeChecked();
    expect(ana.getByRole('radio', { name: 'Close' })).not.toBeChecked();
  });

  it('puts a contact in the circle the member chooses', async () => {
    const { api } = await render({
      SetContactCircle: (v) => ({
        data: { setContactCircle: { circle: v.circle, person: { id: v.personId } } },
      }),
    });
    const ben = within(await screen.findByTestId('contact-p2'));
    fireEvent.press(ben.getByRole('radio', { name: 'Someone I know' }));
    await waitFor(() => expect(ben.getByRole('radio', { name: 'Someone I know' })).toBeChecked());
    expect(api.callsOf('SetContactCircle')[0]?.variables).toEqual({ personId: 'p2', circle: 3 });
  });

  it('hides a contact after asking, and can be stopped', async () => {
    const { api } = await render({ HideContact: () => ({ data: { hideContact: true } }) });
    fireEvent.press(await screen.findByRole('button', { name: 'Hide Ben' }));
    expect(screen.getByText(/Hide Ben from your list\?/)).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Keep' }));
    expect(api.callsOf('HideContact')).toHaveLength(0);
    fireEvent.press(screen.getByRole('button', { name: 'Hide Ben' }));
    fireEvent.press(screen.getByRole('button', { name: 'Yes, hide' }));
    await waitFor(() => expect(api.callsOf('HideContact')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('contact-p2')).toBeNull());
    expect(screen.getByRole('button', { name: 'Show Ben again' })).toBeOnTheScreen();
    expect(api.callsOf('HideContact')[0]?.variables).toEqual({ personId: 'p2' });
  });

  it('says what went wrong when a circle is not saved', async () => {
    await render({ SetContactCircle: () => gqlError('NOT_FOUND') });
    const ana = within(await screen.findByTestId('contact-p1'));
    fireEvent.press(ana.getByRole('radio', { name: 'Close' }));
    expect(await ana.findByText(/We could not find this/)).toBeOnTheScreen();
  });

  it('asks who they met at sessions they went to, and opens the others', async () => {
    const { props, api } = await render();
    fireEvent.press(
      await screen.findByRole('button', { name: 'Who did you meet at Garden club?' }),
    );
    expect(props.onMeet).toHaveBeenCalledWith('s1');
    expect(screen.queryByText(/Choir/)).toBeNull();
    expect(api.callsOf('RecentSessions')[0]?.variables).toEqual({ first: 10 });
    fireEvent.press(screen.getByRole('button', { name: 'People you might like to meet' }));
    expect(props.onOpenSuggested).toHaveBeenCalled();
    fireEvent.press(screen.getByRole('button', { name: 'Introductions' }));
    expect(props.onOpenIntroductions).toHaveBeenCalled();
  });

  it('is gentle when there is no one yet', async () => {
    await render({ MyNetwork: () => network([]) });
    expect(await screen.findByText('No one here yet')).toBeOnTheScreen();
    expect(screen.getByText(/When you meet people at sessions/)).toBeOnTheScreen();
  });

  it('shows that it is loading', async () => {
    await render({ MyNetwork: () => new Promise<FakeAnswer>(() => undefined) });
    expect(screen.getByLabelText('Getting your people')).toBeOnTheScreen();
  });

  it('says what went wrong and tries again', async () => {
    let answer: FakeAnswer = gqlError('INTERNAL_SERVER_ERROR');
    await render({ MyNetwork: () => answer });
    expect(await screen.findByText(/Please try again in a few minutes/)).toBeOnTheScreen();
    answer = NETWORK;
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Ana')).toBeOnTheScreen();
  });

  it('says it is offline with nothing kept, and shows the kept list when there is one', async () => {
    onlineManager.setOnline(false);
    const first = await render();
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
    first.unmount();

    const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
    queryClient.setQueryData(['MyNetwork', {}], NETWORK.data);
    await renderScreen(
      <PeopleScreen
        onMeet={jest.fn()}
        onOpenSuggested={jest.fn()}
        onOpenIntroductions={jest.fn()}
      />,
      { queryClient },
    );
    expect(screen.getByText('Ana')).toBeOnTheScreen();
    expect(screen.getByText(/You are offline. This is from/)).toBeOnTheScreen();
  });

  it('speaks Spanish when the member chose it', async () => {
    await AsyncStorage.setItem('kith.language', 'es');
    await render();
    expect(await screen.findByText('Mi gente')).toBeOnTheScreen();
    expect(await screen.findByText('Cómo os conocisteis: con una ayuda')).toBeOnTheScreen();
    expect(
      screen.getByRole('button', { name: '¿A quién conociste en Garden club?' }),
    ).toBeOnTheScreen();
    await AsyncStorage.removeItem('kith.language');
  });

  it('lists hidden people and shows one again', async () => {
    const { api } = await render({
      MyNetwork: () => network([contact('p1', 'Ana')], [], [{ id: 'p9', displayName: 'Dan' }]),
      UnhideContact: () => ({ data: { unhideContact: contact('p9', 'Dan', { circle: 2 }) } }),
    });
    expect(await screen.findByText('People you hid')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Show Dan again' }));
    expect(await screen.findByTestId('contact-p9')).toBeOnTheScreen();
    expect(screen.queryByText('People you hid')).toBeNull();
    expect(api.callsOf('UnhideContact')[0]?.variables).toEqual({ personId: 'p9' });
  });
});
