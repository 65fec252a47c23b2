import AsyncStorage from '@react-native-async-storage/async-storage';
import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { useSession } from '../../api/session';
import { AppText } from '../../ui/app-text';
import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { myNudgePreferences, nudgePreferences } from '../../test/fixtures-profile';
import { renderScreen } from '../../test/render';
import { expectWebChecked } from '../../test/web-checked';
import { SettingsScreen } from './settings-screen';

function SessionStatus() {
  return <AppText>{`status: ${useSession().status}`}</AppText>;
}

/** The API's answer to updateNudgePreferences: what was kept, with the changes made. */
function updating(from = nudgePreferences()): FakeHandler {
  let now = from;
  return (variables) => {
    now = { ...now, ...(variables.input as object) };
    return { data: { updateNudgePreferences: now } };
  };
}

async function open(handlers: Record<string, FakeHandler> = {}) {
  const onOpenSetting = jest.fn();
  const onLeaveKith = jest.fn();
  const rendered = await renderScreen(
    <>
      <SettingsScreen onOpenSetting={onOpenSetting} onLeaveKith={onLeaveKith} />
      <SessionStatus />
    </>,
    {
      handlers: {
        MyNudgePreferences: () => myNudgePreferences(),
        UpdateNudgePreferences: updating(),
        SignOut: () => ({ data: { signOut: true } }),
        ...handlers,
      },
    },
  );
  return { ...rendered, onOpenSetting, onLeaveKith };
}

function sentPreferences(api: Awaited<ReturnType<typeof open>>['api']) {
  return api.callsOf('UpdateNudgePreferences').map((c) => c.variables.input);
}

describe('SettingsScreen', () => {
  beforeEach(() => AsyncStorage.clear());

  it('makes all text larger with the text size setting', async () => {
    await open();
    const title = () => screen.getByRole('header', { name: 'Settings' });
    expect(title()).toHaveStyle({ fontSize: 28 });
    expect(screen.getByRole('radio', { name: 'Standard' })).toBeChecked();
    fireEvent.press(screen.getByRole('radio', { name: 'Largest' }));
    expect(screen.getByRole('radio', { name: 'Largest' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Standard' })).not.toBeChecked();
    expectWebChecked({ Largest: true, Standard: false });
    expect(title()).toHaveStyle({ fontSize: 42 });
  });

  it('changes the language of the app and of the messages Kith sends', async () => {
    const { api } = await open();
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    fireEvent.press(screen.getByRole('radio', { name: 'Español' }));
    expect(await screen.findByRole('header', { name: 'Ajustes' })).toBeOnTheScreen();
    expect(screen.getByRole('radio', { name: 'Español' })).toBeChecked();
    await waitFor(() => expect(sentPreferences(api)).toEqual([{ language: 'es' }]));
    expect(await AsyncStorage.getItem('kith.language')).toBe('es');
    expect(screen.getByRole('button', { name: 'Salir' })).toBeOnTheScreen();
  });

  it('says when messages come in another language than the app', async () => {
    await open({ MyNudgePreferences: () => myNudgePreferences({ language: 'es' }) });
    expect(
      await screen.findByText(
        'Messages from Kith come in Español. Choose a language to change them.',
      ),
    ).toBeOnTheScreen();
  });

  it('shows how messages are sent, with the inbox always on, and saves a change', async () => {
    const { api } = await open();
    const inbox = await screen.findByRole('checkbox', { name: 'Kith inbox (always on)' });
    expect(inbox).toBeChecked();
    expect(inbox).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Email' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Text messages' })).not.toBeChecked();
    expectWebChecked({ Email: true, 'Text messages': false });
    fireEvent.press(screen.getByRole('checkbox', { name: 'Phone notifications' }));
    await waitFor(() =>
      expect(screen.getByRole('checkbox', { name: 'Phone notifications' })).toBeChecked(),
    );
    fireEvent.press(screen.getByRole('checkbox', { name: 'Email' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Email' })).not.toBeChecked());
    expect(sentPreferences(api)).toEqual([
      { channels: ['INBOX', 'EMAIL', 'PUSH'] },
      { channels: ['INBOX', 'PUSH'] },
    ]);
  });

  it('shows the quiet hours and saves a new start and end as HH:MM', async () => {
    const { api } = await open();
    expect(await screen.findByRole('radio', { name: '9pm' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '8am' })).toBeChecked();
    fireEvent.press(screen.getByRole('radio', { name: '10pm' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: '10pm' })).toBeChecked());
    fireEvent.press(screen.getByRole('radio', { name: '7am' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: '7am' })).toBeChecked());
    expect(sentPreferences(api)).toEqual([
      { quietHoursStart: '22:00' },
      { quietHoursEnd: '07:00' },
    ]);
  });

  it('keeps quiet hours set some other way as a choice', async () => {
    await open({
      MyNudgePreferences: () => myNudgePreferences({ quietHoursStart: '21:30' }),
    });
    expect(await screen.findByRole('radio', { name: '9:30pm' })).toBeChecked();
  });

  it('says why a change was not saved, and shows what is kept', async () => {
    await open({
      UpdateNudgePreferences: () =>
        gqlError('BAD_USER_INPUT', 'x', [
          { path: 'input.channels', message: 'Add a phone number first to get text messages.' },
        ]),
    });
    fireEvent.press(await screen.findByRole('checkbox', { name: 'Text messages' }));
    expect(
      await screen.findByText('Add a phone number first to get text messages.'),
    ).toBeOnTheScreen();
    expect(screen.getByRole('checkbox', { name: 'Text messages' })).not.toBeChecked();
  });

  it('shows that message settings are loading, and what went wrong', async () => {
    let answer: FakeAnswer | Promise<FakeAnswer> = new Promise<FakeAnswer>(() => undefined);
    await open({ MyNudgePreferences: () => answer });
    expect(screen.getByLabelText('Getting your message settings')).toBeOnTheScreen();
    answer = gqlError('INTERNAL_SERVER_ERROR');
    await renderScreen(<SettingsScreen onOpenSetting={jest.fn()} onLeaveKith={jest.fn()} />, {
      handlers: { MyNudgePreferences: () => answer },
    });
    expect(await screen.findByText(/Please try again in a few minutes/)).toBeOnTheScreen();
  });

  it('says message settings show when online, and keeps the rest working offline', async () => {
    onlineManager.setOnline(false);
    await open();
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
    expect(screen.getByRole('radio', { name: 'Standard' })).toBeOnTheScreen();
  });

  it('opens each part of the profile', async () => {
    const { onOpenSetting } = await open();
    fireEvent.press(screen.getByRole('button', { name: 'Where you live' }));
    expect(onOpenSetting).toHaveBeenLastCalledWith('home');
    fireEvent.press(screen.getByRole('button', { name: 'How far you will go' }));
    expect(onOpenSetting).toHaveBeenLastCalledWith('distance');
    for (const name of [
      'Your first name',
      'What you enjoy',
      'When you are free',
      'What you need to take part',
      'What you hope for',
    ])
      expect(screen.getByRole('button', { name })).toBeOnTheScreen();
  });

  it('opens leaving Kith without doing it', async () => {
    const { api, onLeaveKith } = await open();
    fireEvent.press(screen.getByRole('button', { name: 'Leave Kith' }));
    expect(onLeaveKith).toHaveBeenCalled();
    expect(api.callsOf('LeaveKith')).toHaveLength(0);
  });

  it('signs out: tells the API, forgets the tokens and the kept data', async () => {
    const { api, storage, queryClient } = await open();
    queryClient.setQueryData(['MyBookings', { upcoming: true }], { myBookings: [] });
    expect(screen.getByText('status: signedIn')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('status: signedOut')).toBeOnTheScreen();
    expect(api.callsOf('SignOut')[0]?.authorization).toBe('Bearer access-1');
    expect(storage.tokens).toBeNull();
    // The screen is still mounted here, so only what it does not watch is gone for good.
    await waitFor(() =>
      expect(queryClient.getQueryData(['MyBookings', { upcoming: true }])).toBeUndefined(),
    );
  });

  it('signs out on this phone even with no signal', async () => {
    const { storage } = await open({ SignOut: () => 'network-error' });
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(storage.tokens).toBeNull());
  });
});
