import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';

import { gqlError, type FakeAnswer } from '../../test/fake-api';
import { peer } from '../../test/fixtures-people';
import { renderScreen } from '../../test/render';
import { SuggestedScreen } from './suggested-screen';

const PEERS = {
  data: {
    suggestedPeers: [
      peer('p1', 'Ana', ['You both like gardening', 'You are both free on Tuesdays']),
      peer('p2', 'Ben'),
    ],
  },
};
const ASKED: FakeAnswer = {
  data: { requestIntroduction: { id: 'i1', status: 'PENDING' } },
};

function render(handlers: Record<string, () => FakeAnswer | Promise<FakeAnswer>> = {}) {
  return renderScreen(<SuggestedScreen />, {
    handlers: { SuggestedPeers: () => PEERS, ...handlers },
  });
}

describe('SuggestedScreen', () => {
  it('shows each person with how far and the reasons', async () => {
    const { api } = await render();
    expect(await screen.findByText('Ana')).toBeOnTheScreen();
    expect(screen.getAllByText('Lives under 1 km from you')).toHaveLength(2);
    expect(screen.getByText('• You both like gardening')).toBeOnTheScreen();
    expect(api.callsOf('SuggestedPeers')[0]?.variables).toEqual({ first: 10 });
  });

  it('asks for an introduction with a message', async () => {
    const { api } = await render({ RequestIntroduction: () => ASKED });
    fireEvent.press(await screen.findByRole('button', { name: 'Ask to meet Ana' }));
    const ana = within(screen.getByTestId('peer-p1'));
    fireEvent.changeText(
      ana.getByLabelText('A short message (you can leave this empty)'),
      ' Shall we go together? ',
    );
    fireEvent.press(ana.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText(/We have asked Ana/)).toBeOnTheScreen();
    expect(api.callsOf('RequestIntroduction')[0]?.variables).toEqual({
      personId: 'p1',
      message: 'Shall we go together?',
    });
  });

  it('sends no message when the member writes none, and can stop', async () => {
    const { api } = await render({ RequestIntroduction: () => ASKED });
    fireEvent.press(await screen.findByRole('button', { name: 'Ask to meet Ben' }));
    fireEvent.press(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    fireEvent.press(screen.getByRole('button', { name: 'Ask to meet Ben' }));
    fireEvent.press(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(api.callsOf('RequestIntroduction')[0]?.variables).toEqual({
        personId: 'p2',
        message: null,
      }),
    );
  });

  it('says what to do when the API refuses', async () => {
    await render({
      RequestIntroduction: () =>
        gqlError('BAD_USER_INPUT', 'bad', [
          { path: 'message', message: 'Keep the message under 500 characters.' },
        ]),
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Ask to meet Ana' }));
    fireEvent.press(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Keep the message under 500 characters.')).toBeOnTheScreen();
  });

  it('says when too many were asked this week', async () => {
    await render({ RequestIntroduction: () => gqlError('RATE_LIMITED') });
    fireEvent.press(await screen.findByRole('button', { name: 'Ask to meet Ana' }));
    fireEvent.press(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText(/You have tried many times/)).toBeOnTheScreen();
  });

  it('is gentle when there is no one, and checks again', async () => {
    const { api } = await render({ SuggestedPeers: () => ({ data: { suggestedPeers: [] } }) });
    expect(await screen.findByText('No one to suggest just now')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(api.callsOf('SuggestedPeers')).toHaveLength(2));
  });

  it('shows loading, error and offline states', async () => {
    const loading = await render({
      SuggestedPeers: () => new Promise<FakeAnswer>(() => undefined),
    });
    expect(screen.getByLabelText('Looking for people near you')).toBeOnTheScreen();
    loading.unmount();
    const failing = await render({ SuggestedPeers: () => gqlError('INTERNAL_SERVER_ERROR') });
    expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
    failing.unmount();
    onlineManager.setOnline(false);
    await render();
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
  });
});
