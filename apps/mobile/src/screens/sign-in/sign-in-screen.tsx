import { useState } from 'react';

import { RequestSignInCodeDocument } from '../../gql/graphql';
import { useApiMutation } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';
import { checkContact } from './contact';

/** Step one of signing in: where to send the code. */
export function SignInScreen({ onCodeSent }: { onCodeSent: (contact: string) => void }) {
  const [contact, setContact] = useState('');
  const [problem, setProblem] = useState<string>();
  const send = useApiMutation(RequestSignInCodeDocument, {
    onSuccess: (_data, variables) => onCodeSent(variables.email),
    onError: (error) => setProblem(error.fieldMessage('email') ?? describeError(error)),
  });

  function submit() {
    const check = checkContact(contact);
    if (!check.ok) {
      setProblem(check.problem);
      return;
    }
    setProblem(undefined);
    send.mutate({ email: check.value });
  }

  return (
    <Screen title="Sign in to Kith">
      <AppText>We will send you a code to sign in. You do not need a password.</AppText>
      <TextField
        label="Your email address"
        help="Type the email address you gave Kith, or a new one to join."
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
      <Button label="Send me a code" onPress={submit} busy={send.isPending} />
    </Screen>
  );
}
