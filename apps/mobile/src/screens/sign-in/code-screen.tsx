import { useState } from 'react';

import { useSession } from '../../api/session';
import { RequestSignInCodeDocument, SignInDocument } from '../../gql/graphql';
import { useStrings, type Strings } from '../../i18n/language';
import { useApiMutation } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { useDescribeError } from '../../ui/describe-error';
import { Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';

const strings: Strings<{
  title: string;
  sent: (contact: string) => string;
  label: string;
  wrong: string;
  empty: string;
  signIn: string;
  resent: string;
  resend: string;
  change: string;
}> = {
  en: {
    title: 'Check your email',
    sent: (contact) =>
      `We sent a code to ${contact}. It can take a few minutes to arrive. Look in your spam folder too.`,
    label: 'Your code',
    wrong: 'That code did not work. Check it and type it again, or ask for a new code.',
    empty: 'Type the code from the email first.',
    signIn: 'Sign in',
    resent: 'We sent you a new code.',
    resend: 'Send me a new code',
    change: 'Use a different email',
  },
  es: {
    title: 'Mira tu correo',
    sent: (contact) =>
      `Enviamos un código a ${contact}. Puede tardar unos minutos en llegar. Mira también en la carpeta de correo no deseado.`,
    label: 'Tu código',
    wrong: 'Ese código no funcionó. Revísalo y escríbelo otra vez, o pide un código nuevo.',
    empty: 'Primero escribe el código del correo.',
    signIn: 'Entrar',
    resent: 'Te enviamos un código nuevo.',
    resend: 'Enviarme un código nuevo',
    change: 'Usar otro correo',
  },
};

/** Step two of signing in: the code that was sent. There is no time limit on this screen. */
export function CodeScreen({
  contact,
  onChangeContact,
}: {
  contact: string;
  onChangeContact: () => void;
}) {
  const t = useStrings(strings);
  const describe = useDescribeError();
  const session = useSession();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const [resent, setResent] = useState(false);

  const signIn = useApiMutation(SignInDocument, {
    onSuccess: (data) =>
      session.signIn({
        accessToken: data.signIn.accessToken,
        refreshToken: data.signIn.refreshToken,
      }),
    onError: (error) =>
      setProblem(
        error.fieldMessage('code') ??
          (error.code === 'BAD_USER_INPUT' || error.code === 'UNAUTHENTICATED'
            ? t.wrong
            : describe(error)),
      ),
  });
  const resend = useApiMutation(RequestSignInCodeDocument, {
    onSuccess: () => {
      setResent(true);
      setProblem(undefined);
    },
    onError: (error) => setProblem(describe(error)),
  });

  function submit() {
    const value = code.trim();
    if (value === '') {
      setProblem(t.empty);
      return;
    }
    setProblem(undefined);
    signIn.mutate({ email: contact, code: value });
  }

  return (
    <Screen title={t.title}>
      <AppText>{t.sent(contact)}</AppText>
      <TextField
        label={t.label}
        value={code}
        onChangeText={setCode}
        keyboardType="number-pad"
        inputMode="numeric"
        autoComplete="one-time-code"
        textContentType="oneTimeCode"
        onSubmitEditing={submit}
        error={problem}
        testID="code"
      />
      <Button label={t.signIn} onPress={submit} busy={signIn.isPending} />
      {resent ? <AppText accessibilityLiveRegion="polite">{t.resent}</AppText> : null}
      <Button
        label={t.resend}
        variant="secondary"
        onPress={() => resend.mutate({ email: contact })}
        busy={resend.isPending}
      />
      <Button label={t.change} variant="secondary" onPress={onChangeContact} />
    </Screen>
  );
}
