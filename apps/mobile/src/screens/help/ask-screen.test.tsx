import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { SKILLS } from '../../test/fixtures-people';
import { renderScreen } from '../../test/render';
import { AskScreen } from './ask-screen';

const CREATED: FakeAnswer = { data: { createHelpRequest: { id: 'r1', status: 'OPEN' } } };

function render(handlers: Record<string, FakeHandler> = {}) {
  const onDone = jest.fn();
  return renderScreen(<AskScreen onDone={onDone} />, {
    handlers: { Skills: () => SKILLS, CreateHelpRequest: () => CREATED, ...handlers },
  }).then((r) => ({ ...r, onDone }));
}

describe('AskScreen', () => {
  it('sends what, how long, at home and any time by default', async () => {
    const { api, onDone } = await render();
    fireEvent.press(await screen.findByRole('radio', { name: 'Small jobs at home' }));
    fireEvent.changeText(screen.getByLabelText('Tell us a little more'), ' Change a bulb ');
    fireEvent.press(screen.getByRole('button', { name: 'Ask for help' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.callsOf('CreateHelpRequest')[0]?.variables).toEqual({
      input: {
        skillId: 'sk-diy',
        description: 'Change a bulb',
        durationMinutes: 60,
        atHome: true,
        meetingPlace: null,
        preferredWindows: null,
      },
    });
  });

  it('sends a meeting place, how long and the times chosen', async () => {
    const { api, onDone } = await render();
    fireEvent.press(await screen.findByRole('radio', { name: 'Phones and computers' }));
    fireEvent.changeText(screen.getByLabelText('Tell us a little more'), 'Set up my phone');
    fireEvent.press(screen.getByRole('radio', { name: '1 hour 30 minutes' }));
    fireEvent.press(screen.getByRole('radio', { name: 'Somewhere else' }));
    fireEvent.changeText(screen.getByLabelText('Where shall you meet?'), 'The library');
    fireEvent.press(screen.getByRole('checkbox', { name: 'Tuesday' }));
    fireEvent.press(screen.getByRole('checkbox', { name: 'Morning (9am to 12 noon)' }));
    fireEvent.press(screen.getByRole('button', { name: 'Ask for help' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.callsOf('CreateHelpRequest')[0]?.variables).toEqual({
      input: {
        skillId: 'sk-tech',
        description: 'Set up my phone',
        durationMinutes: 90,
        atHome: false,
        meetingPlace: 'The library',
        preferredWindows: [{ weekday: 'TUE', start: '09:00', end: '12:00' }],
      },
    });
  });

  it('says what is missing before sending anything', async () => {
    const { api } = await render();
    fireEvent.press(await screen.findByRole('radio', { name: 'Somewhere else' }));
    fireEvent.press(screen.getByRole('button', { name: 'Ask for help' }));
    expect(screen.getByText('Choose what you need help with.')).toBeOnTheScreen();
    expect(screen.getByText('Write a few words about what you need.')).toBeOnTheScreen();
    expect(screen.getByText('Write where you would like to meet.')).toBeOnTheScreen();
    expect(api.callsOf('CreateHelpRequest')).toHaveLength(0);
  });

  it('shows the API’s message beside the answer it is about', async () => {
    const { onDone } = await render({
      CreateHelpRequest: () =>
        gqlError('BAD_USER_INPUT', 'The request was not made', [
          { path: 'input.description', message: 'Keep it under 2000 characters.' },
        ]),
    });
    fireEvent.press(await screen.findByRole('radio', { name: 'Shopping' }));
    fireEvent.changeText(screen.getByLabelText('Tell us a little more'), 'Milk and bread');
    fireEvent.press(screen.getByRole('button', { name: 'Ask for help' }));
    expect(await screen.findByText('Keep it under 2000 characters.')).toBeOnTheScreen();
    expect(screen.getByText('Please look at the answers marked above.')).toBeOnTheScreen();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('says when Kith cannot be reached', async () => {
    await render({ CreateHelpRequest: () => 'network-error' });
    fireEvent.press(await screen.findByRole('radio', { name: 'Shopping' }));
    fireEvent.changeText(screen.getByLabelText('Tell us a little more'), 'Milk and bread');
    fireEvent.press(screen.getByRole('button', { name: 'Ask for help' }));
    expect(await screen.findByText(/Check that you are online/)).toBeOnTheScreen();
  });

  it('shows loading, error and offline states', async () => {
    const loading = await render({ Skills: () => new Promise<FakeAnswer>(() => undefined) });
    expect(screen.getByLabelText('Getting what helpers can do')).toBeOnTheScreen();
    loading.unmount();
    const failing = await render({ Skills: () => gqlError('INTERNAL_SERVER_ERROR') });
    expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
    failing.unmount();
    onlineManager.setOnline(false);
    await render();
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
  });
});
