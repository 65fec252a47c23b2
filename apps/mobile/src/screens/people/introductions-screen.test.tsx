import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';

import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { introduction, introductionsPage } from '../../test/fixtures-people';
import { renderScreen } from '../../test/render';
import { IntroductionsScreen } from './introductions-screen';

const ME = { id: 'me', displayName: 'Jo' };
const ANA = { id: 'p1', displayName: 'Ana' };
const BEN = { id: 'p2', displayName: 'Ben' };
const CLEO = { id: 'p3', displayName: 'Cleo' };

const PAGE = introductionsPage(
  [
    introduction('i1', ANA, ME, { message: 'I saw you at the garden club.' }),
    introduction('i2', ME, BEN, { message: 'Shall we walk together?' }),
    introduction('i3', ME, CLEO, { status: 'ACCEPTED' }),
  ],
  'c-i3',
);

function render(handlers: Record<string, FakeHandler> = {}) {
  return renderScreen(<IntroductionsScreen />, {
    handlers: { MyIntroductions: () => PAGE, ...handlers },
  });
}

describe('IntroductionsScreen', () => {
  it('shows introductions received and sent, with their messages', async () => {
    const { api } = await render();
    expect(await screen.findByText('Ana would like to meet you')).toBeOnTheScreen();
    expect(screen.getByText('I saw you at the garden club.')).toBeOnTheScreen();
    expect(screen.getByText('You asked to meet Ben')).toBeOnTheScreen();
    expect(screen.getByText('Shall we walk together?')).toBeOnTheScreen();
    expect(screen.getByText('Waiting for Ben to answer.')).toBeOnTheScreen();
    expect(screen.getByText('Cleo said yes. They are in your people now.')).toBeOnTheScreen();
    expect(api.callsOf('MyIntroductions')[0]?.variables).toEqual({ first: 20, after: null });
  });

  it('accepts a received introduction', async () => {
    const { api } = await render({
      RespondToIntroduction: (v) => ({
        data: { respondToIntroduction: { id: v.id, status: v.accept ? 'ACCEPTED' : 'DECLINED' } },
      }),
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Yes, I would like to meet Ana' }));
    expect(await screen.findByText('You said yes. They are in your people now.')).toBeOnTheScreen();
    expect(api.callsOf('RespondToIntroduction')[0]?.variables).toEqual({ id: 'i1', accept: true });
  });

  it('declines a received introduction kindly', async () => {
    const { api } = await render({
      RespondToIntroduction: (v) => ({
        data: { respondToIntroduction: { id: v.id, status: 'DECLINED' } },
      }),
    });
    fireEvent.press(await screen.findByRole('button', { name: 'No, thank you' }));
    expect(await screen.findByText('You said no, thank you.')).toBeOnTheScreen();
    expect(api.callsOf('RespondToIntroduction')[0]?.variables).toEqual({ id: 'i1', accept: false });
    expect(screen.queryByRole('button', { name: /Yes, I would like/ })).toBeNull();
  });

  it('says what to do when an answer is refused', async () => {
    await render({ RespondToIntroduction: () => gqlError('CONFLICT') });
    fireEvent.press(await screen.findByRole('button', { name: 'No, thank you' }));
    const card = within(screen.getByTestId('introduction-i1'));
    expect(await card.findByText(/This changed while you were looking/)).toBeOnTheScreen();
  });

  it('shows older introductions a page at a time', async () => {
    const older = introductionsPage([introduction('i4', BEN, ME, { status: 'DECLINED' })]);
    const { api } = await render({
      MyIntroductions: (v) => (v.after === 'c-i3' ? older : PAGE),
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Show older introductions' }));
    expect(await screen.findByText('Ben would like to meet you')).toBeOnTheScreen();
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Show older introductions' })).toBeNull(),
    );
    expect(api.callsOf('MyIntroductions')[1]?.variables).toEqual({ first: 20, after: 'c-i3' });
  });

  it('is gentle when there are none', async () => {
    await render({ MyIntroductions: () => introductionsPage([]) });
    expect(await screen.findByText('No introductions yet')).toBeOnTheScreen();
  });

  it('shows loading, error and offline states', async () => {
    const loading = await render({
      MyIntroductions: () => new Promise<FakeAnswer>(() => undefined),
    });
    expect(screen.getByLabelText('Getting your introductions')).toBeOnTheScreen();
    loading.unmount();
    const failing = await render({ MyIntroductions: () => gqlError('INTERNAL_SERVER_ERROR') });
    expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
    failing.unmount();
    onlineManager.setOnline(false);
    await render();
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
  });
});
