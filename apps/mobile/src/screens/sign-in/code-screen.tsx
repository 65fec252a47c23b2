import { useState } from 'react';

import { useSession } from '../../api/session';
import { RequestSignInCodeDocument, SignInDocument } from '../../gql/graphql';
import { useApiMutation } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';

/** Step two of signing in: the code that was sent. There is no time limit on this screen. */
export function CodeScreen({
  contact,
  onChangeContact,
}: {
  contact: string;
  onChangeContact: () => void;
}) {
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
            ? 'That code did not work. Check it and type it again, or ask for a new code.'
            : describeError(error)),
      ),
  });
  const resend = useApiMutation(RequestSignInCodeDocument, {
    onSuccess: () => {
      setResent(true);
      setProblem(undefined);
    },
    onError: (error) => setProblem(describeError(error)),
  });

  function submit() {
    const value = code.trim();
    if (value === '') {
      setProblem('Type the code from the email first.');
      return;
    }
    setProblem(undefined);
    signIn.mutate({ email: contact, code: value });
  }

  return (
    <Screen title="Check your email">
      <AppText>
        We sent a code to {contact}. It can take a few minutes to arrive. Look in your spam folder
        too.
      </AppText>
      <TextField
        label="Your code"
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
      <Button label="Sign in" onPress={submit} busy={signIn.isPending} />
      {resent ? <AppText accessibilityLiveRegion="polite">We sent you a new code.</AppText> : null}
      <Button
        label="Send me a new code"
        variant="secondary"
        onPress={() => resend.mutate({ email: contact })}
        busy={resend.isPending}
      />
      <Button label="Use a different email" variant="secondary" onPress={onChangeContact} />
    </Screen>
  );
}
