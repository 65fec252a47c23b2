import AsyncStorage from '@react-native-async-storage/async-storage';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { gqlError } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { CodeScreen } from './code-screen';

const SIGNED_IN = {
  data: {
    signIn: {
      accessToken: 'new-access',
      refreshToken: 'new-refresh',
      person: { id: 'p1', displayName: 'Ada' },
    },
  },
};

function enterCode(code: string) {
  fireEvent.changeText(screen.getByLabelText('Your code'), code);
  fireEvent.press(screen.getByRole('button', { name: 'Sign in' }));
}

describe('CodeScreen', () => {
  beforeEach(() => AsyncStorage.clear());

  it('speaks Spanish when the member chose it, errors too', async () => {
    await AsyncStorage.setItem('kith.language', 'es');
    await renderScreen(<CodeScreen contact="ada@example.com" onChangeContact={jest.fn()} />, {
      tokens: null,
      handlers: { SignIn: () => 'network-error' },
    });
    expect(await screen.findByRole('header', { name: 'Mira tu correo' })).toBeOnTheScreen();
    fireEvent.changeText(screen.getByLabelText('Tu código'), '123456');
    fireEvent.press(screen.getByRole('button', { name: 'Entrar' }));
    expect(await screen.findByText(/Mira si tienes conexión/)).toBeOnTheScreen();
  });

  it('says where the code went and that it can take a while', async () => {
    await renderScreen(<CodeScreen contact="ada@example.com" onChangeContact={jest.fn()} />, {
      tokens: null,
    });
    expect(screen.getByText(/We sent a code to ada@example.com/)).toBeOnTheScreen();
    expect(screen.getByText(/spam folder/)).toBeOnTheScreen();
  });

  it('signs in with the code and keeps the tokens for the next start', async () => {
    const { api, storage } = await renderScreen(
      <CodeScreen contact="ada@example.com" onChangeContact={jest.fn()} />,
      { tokens: null, handlers: { SignIn: () => SIGNED_IN } },
    );
    enterCode(' 123456 ');
    await waitFor(() =>
      expect(storage.tokens).toEqual({ accessToken: 'new-access', refreshToken: 'new-refresh' }),
    );
    expect(api.callsOf('SignIn')[0]?.variables).toEqual({
      email: 'ada@example.com',
      code: '123456',
    });
  });

  it('says what to do when the code is wrong, using the API message when there is one', async () => {
    let answer = gqlError('BAD_USER_INPUT', 'Bad input');
    await renderScreen(<CodeScreen contact="ada@example.com" onChangeContact={jest.fn()} />, {
      tokens: null,
      handlers: { SignIn: () => answer },
    });
    enterCode('000000');
    expect(await screen.findByText(/That code did not work/)).toBeOnTheScreen();
    answer = gqlError('BAD_USER_INPUT', 'Bad input', [
      { path: 'code', message: 'This code has expired. Ask for a new one.' },
    ]);
    enterCode('111111');
    expect(await screen.findByText('This code has expired. Ask for a new one.')).toBeOnTheScreen();
  });

  it('asks for the code before sending an empty one', async () => {
    const { api } = await renderScreen(
      <CodeScreen contact="ada@example.com" onChangeContact={jest.fn()} />,
      { tokens: null },
    );
    enterCode('   ');
    expect(screen.getByText('Type the code from the email first.')).toBeOnTheScreen();
    expect(api.calls).toHaveLength(0);
  });

  it('sends a new code, and goes back to change the email', async () => {
    const onChangeContact = jest.fn();
    const { api } = await renderScreen(
      <CodeScreen contact="ada@example.com" onChangeContact={onChangeContact} />,
      {
        tokens: null,
        handlers: { RequestSignInCode: () => ({ data: { requestSignInCode: true } }) },
      },
    );
    fireEvent.press(screen.getByRole('button', { name: 'Send me a new code' }));
    expect(await screen.findByText('We sent you a new code.')).toBeOnTheScreen();
    expect(api.callsOf('RequestSignInCode')[0]?.variables).toEqual({ email: 'ada@example.com' });
    fireEvent.press(screen.getByRole('button', { name: 'Use a different email' }));
    expect(onChangeContact).toHaveBeenCalled();
  });

  it('says to check the connection when Kith cannot be reached', async () => {
    await renderScreen(<CodeScreen contact="ada@example.com" onChangeContact={jest.fn()} />, {
      tokens: null,
      handlers: { SignIn: () => 'network-error' },
    });
    enterCode('123456');
    expect(await screen.findByText(/Check that you are online/)).toBeOnTheScreen();
  });
});
