import AsyncStorage from '@react-native-async-storage/async-storage';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { gqlError } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { SignInScreen } from './sign-in-screen';

function typeContact(value: string) {
  fireEvent.changeText(screen.getByLabelText('Your email address'), value);
  fireEvent.press(screen.getByRole('button', { name: 'Send me a code' }));
}

describe('SignInScreen', () => {
  beforeEach(() => AsyncStorage.clear());

  it('can be read in Spanish before signing in', async () => {
    await renderScreen(<SignInScreen onCodeSent={jest.fn()} />, { tokens: null });
    fireEvent.press(screen.getByRole('button', { name: 'Leer en español' }));
    expect(screen.getByRole('header', { name: 'Entrar en Kith' })).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Enviarme un código' }));
    expect(screen.getByText('Primero escribe tu correo electrónico.')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Read in English' }));
    expect(screen.getByRole('header', { name: 'Sign in to Kith' })).toBeOnTheScreen();
  });

  it('asks for an email address and says no password is needed', async () => {
    await renderScreen(<SignInScreen onCodeSent={jest.fn()} />, { tokens: null });
    expect(screen.getByRole('header', { name: 'Sign in to Kith' })).toBeOnTheScreen();
    expect(screen.getByText(/You do not need a password/)).toBeOnTheScreen();
    expect(screen.getByLabelText('Your email address')).toBeOnTheScreen();
  });

  it('sends the code and moves on to the next step', async () => {
    const onCodeSent = jest.fn();
    const { api } = await renderScreen(<SignInScreen onCodeSent={onCodeSent} />, {
      tokens: null,
      handlers: { RequestSignInCode: () => ({ data: { requestSignInCode: true } }) },
    });
    typeContact('  ada@example.com ');
    await waitFor(() => expect(onCodeSent).toHaveBeenCalledWith('ada@example.com'));
    expect(api.callsOf('RequestSignInCode')[0]?.variables).toEqual({ email: 'ada@example.com' });
  });

  it('says what to type when the field is empty or not an email, without asking the API', async () => {
    const { api } = await renderScreen(<SignInScreen onCodeSent={jest.fn()} />, { tokens: null });
    typeContact('');
    expect(screen.getByText('Type your email address first.')).toBeOnTheScreen();
    typeContact('ada');
    expect(screen.getByText(/It should look like name@example.com/)).toBeOnTheScreen();
    expect(api.calls).toHaveLength(0);
  });

  it("shows the API's own message for the email field", async () => {
    await renderScreen(<SignInScreen onCodeSent={jest.fn()} />, {
      tokens: null,
      handlers: {
        RequestSignInCode: () =>
          gqlError('BAD_USER_INPUT', 'Bad input', [
            { path: 'email', message: 'Check the email address: it has a space in it.' },
          ]),
      },
    });
    typeContact('ada@example.com');
    expect(
      await screen.findByText('Check the email address: it has a space in it.'),
    ).toBeOnTheScreen();
  });

  it('says to wait when there were too many tries, and to check the connection when offline', async () => {
    let answer = gqlError('RATE_LIMITED');
    await renderScreen(<SignInScreen onCodeSent={jest.fn()} />, {
      tokens: null,
      handlers: { RequestSignInCode: () => answer },
    });
    typeContact('ada@example.com');
    expect(await screen.findByText(/wait 15 minutes/)).toBeOnTheScreen();
    answer = 'network-error';
    fireEvent.press(screen.getByRole('button', { name: 'Send me a code' }));
    expect(await screen.findByText(/Check that you are online/)).toBeOnTheScreen();
  });
});
