import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react-native';

import { gqlError, type FakeAnswer } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { MetScreen } from './met-screen';

const CAME = {
  data: {
    othersWhoCame: [
      { id: 'p1', displayName: 'Ana' },
      { id: 'p2', displayName: 'Ben' },
      { id: 'p3', displayName: 'Cleo' },
    ],
    session: {
      id: 's1',
      startsAt: '2026-12-01T10:30:00.000Z',
      activity: { id: 'a1', title: 'Garden club' },
    },
  },
};

function render(handlers: Record<string, () => FakeAnswer | Promise<FakeAnswer>> = {}) {
  const onDone = jest.fn();
  return renderScreen(<MetScreen sessionId="s1" onDone={onDone} />, {
    handlers: { OthersWhoCame: () => CAME, ...handlers },
  }).then((r) => ({ ...r, onDone }));
}

describe('MetScreen', () => {
  it('lists the first names of others who came, and records the ones chosen', async () => {
    const { api } = await render({ RecordContacts: () => ({ data: { recordContacts: 2 } }) });
    expect(await screen.findByText('Garden club, Tuesday 1 December, 10:30am')).toBeOnTheScreen();
    expect(api.callsOf('OthersWhoCame')[0]?.variables).toEqual({ sessionId: 's1' });
    fireEvent.press(screen.getByRole('checkbox', { name: 'Cleo' }));
    fireEvent.press(screen.getByRole('checkbox', { name: 'Ana' }));
    expect(screen.getByRole('checkbox', { name: 'Ana' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Ben' })).not.toBeChecked();
    fireEvent.press(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('2 new people are in your people now.')).toBeOnTheScreen();
    expect(api.callsOf('RecordContacts')[0]?.variables).toEqual({
      sessionId: 's1',
      personIds: ['p1', 'p3'],
    });
  });

  it('asks for a name before saving, without calling the API', async () => {
    const { api } = await render();
    fireEvent.press(await screen.findByRole('button', { name: 'Save' }));
    expect(screen.getByText(/Choose at least one name/)).toBeOnTheScreen();
    expect(api.callsOf('RecordContacts')).toHaveLength(0);
  });

  it('lets the member go back without naming anyone', async () => {
    const { onDone } = await render();
    fireEvent.press(await screen.findByRole('button', { name: 'Go back' }));
    expect(onDone).toHaveBeenCalled();
  });

  it('shows the API’s message when a name is refused', async () => {
    await render({
      RecordContacts: () =>
        gqlError('BAD_USER_INPUT', 'bad', [
          { path: 'personIds', message: 'Ben did not come to this session.' },
        ]),
    });
    fireEvent.press(await screen.findByRole('checkbox', { name: 'Ben' }));
    fireEvent.press(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Ben did not come to this session.')).toBeOnTheScreen();
  });

  it('is calm when there are no names', async () => {
    await render({ OthersWhoCame: () => ({ data: { othersWhoCame: [], session: null } }) });
    expect(await screen.findByText('No names to show')).toBeOnTheScreen();
  });

  it('shows loading, error and offline states', async () => {
    const loading = await render({ OthersWhoCame: () => new Promise<FakeAnswer>(() => undefined) });
    expect(screen.getByLabelText('Getting who came')).toBeOnTheScreen();
    loading.unmount();
    const failing = await render({ OthersWhoCame: () => gqlError('FORBIDDEN') });
    expect(await screen.findByText(/Your Kith coordinator can help/)).toBeOnTheScreen();
    failing.unmount();
    onlineManager.setOnline(false);
    await render();
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
  });
});
