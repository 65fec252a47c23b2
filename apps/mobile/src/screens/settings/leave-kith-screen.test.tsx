import AsyncStorage from '@react-native-async-storage/async-storage';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { type FakeAnswer } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { LeaveKithScreen } from './leave-kith-screen';

describe('LeaveKithScreen', () => {
  beforeEach(() => AsyncStorage.clear());

  it('says what happens before anything is done, and lets the member stay', async () => {
    const onStay = jest.fn();
    const { api } = await renderScreen(<LeaveKithScreen onStay={onStay} />);
    expect(screen.getByRole('header', { name: 'Leave Kith?' })).toBeOnTheScreen();
    expect(screen.getByText(/Your places at things coming up are given up/)).toBeOnTheScreen();
    expect(screen.getByText(/any more messages or reminders/)).toBeOnTheScreen();
    expect(screen.getByText(/Nobody will be introduced to you/)).toBeOnTheScreen();
    expect(screen.getByText(/Nothing happens until you press the button/)).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'No, stay in Kith' }));
    expect(onStay).toHaveBeenCalled();
    expect(api.calls).toHaveLength(0);
  });

  it('leaves when asked, says it is done, and signs out', async () => {
    const { api, storage } = await renderScreen(<LeaveKithScreen onStay={jest.fn()} />, {
      handlers: {
        LeaveKith: () => ({ data: { leaveKith: true } }),
        SignOut: () => ({ data: { signOut: true } }),
      },
    });
    fireEvent.press(screen.getByRole('button', { name: 'Yes, leave Kith' }));
    expect(await screen.findByRole('header', { name: 'You have left Kith' })).toBeOnTheScreen();
    expect(api.callsOf('LeaveKith')).toHaveLength(1);
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(storage.tokens).toBeNull());
  });

  it('says what went wrong and can be tried again', async () => {
    let answer: FakeAnswer = 'network-error';
    await renderScreen(<LeaveKithScreen onStay={jest.fn()} />, {
      handlers: { LeaveKith: () => answer },
    });
    fireEvent.press(screen.getByRole('button', { name: 'Yes, leave Kith' }));
    expect(await screen.findByText(/Check that you are online/)).toBeOnTheScreen();
    answer = { data: { leaveKith: true } };
    fireEvent.press(screen.getByRole('button', { name: 'Yes, leave Kith' }));
    expect(await screen.findByText('You have left Kith')).toBeOnTheScreen();
  });

  it('speaks Spanish when the member chose it', async () => {
    await AsyncStorage.setItem('kith.language', 'es');
    await renderScreen(<LeaveKithScreen onStay={jest.fn()} />);
    expect(await screen.findByRole('header', { name: '¿Dejar Kith?' })).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Sí, dejar Kith' })).toBeOnTheScreen();
  });
});
