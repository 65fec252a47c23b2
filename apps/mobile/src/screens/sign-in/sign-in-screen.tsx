import { useState } from 'react';

import { RequestSignInCodeDocument } from '../../gql/graphql';
import { useLanguage, useStrings, type Strings } from '../../i18n/language';
import { useApiMutation } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { useDescribeError } from '../../ui/describe-error';
import { Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';
import { checkContact, type ContactProblem } from './contact';

const strings: Strings<
  {
    title: string;
    intro: string;
    label: string;
    help: string;
    send: string;
    otherLanguage: string;
  } & Record<ContactProblem, string>
> = {
  en: {
    title: 'Sign in to Kith',
    intro: 'We will send you a code to sign in. You do not need a password.',
    label: 'Your email address',
    help: 'Type the email address you gave Kith, or a new one to join.',
    send: 'Send me a code',
    otherLanguage: 'Leer en español',
    EMPTY: 'Type your email address first.',
    NOT_EMAIL: 'This does not look like an email address. It should look like name@example.com.',
  },
  es: {
    title: 'Entrar en Kith',
    intro: 'Te enviaremos un código para entrar. No necesitas contraseña.',
    label: 'Tu correo electrónico',
    help: 'Escribe el correo que diste a Kith, o uno nuevo para unirte.',
    send: 'Enviarme un código',
    otherLanguage: 'Read in English',
    EMPTY: 'Primero escribe tu correo electrónico.',
    NOT_EMAIL: 'Esto no parece un correo electrónico. Debe ser como nombre@ejemplo.com.',
  },
};

/** Step one of signing in: where to send the code. */
export function SignInScreen({ onCodeSent }: { onCodeSent: (contact: string) => void }) {
  const t = useStrings(strings);
  const { language, setLanguage } = useLanguage();
  const describe = useDescribeError();
  const [contact, setContact] = useState('');
  const [problem, setProblem] = useState<string>();
  const send = useApiMutation(RequestSignInCodeDocument, {
    onSuccess: (_data, variables) => onCodeSent(variables.email),
    onError: (error) => setProblem(error.fieldMessage('email') ?? describe(error)),
  });

  function submit() {
    const check = checkContact(contact);
    if (!check.ok) {
      setProblem(t[check.problem]);
      return;
    }
    setProblem(undefined);
    send.mutate({ email: check.value });
  }

  return (
    <Screen title={t.title}>
      <AppText>{t.intro}</AppText>
      <TextField
        label={t.label}
        help={t.help}
        value={contact}
        onChangeText={setContact}
        keyboardType="email-address"
        inputMode="email"
        autoComplete="email"
        textContentType="emailAddress"
        autoCapitalize="none"
        onSubmitEditing={submit}
        error={problem}
        testID="contact"
      />
      <Button label={t.send} onPress={submit} busy={send.isPending} />
      <Button
        label={t.otherLanguage}
        variant="secondary"
        onPress={() => setLanguage(language === 'en' ? 'es' : 'en')}
      />
    </Screen>
  );
}
