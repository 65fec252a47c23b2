import { router } from 'expo-router';

import { SignInScreen } from '../../src/screens/sign-in/sign-in-screen';

export default function SignInRoute() {
  return (
    <SignInScreen
      onCodeSent={(contact) => router.push({ pathname: '/sign-in/code', params: { contact } })}
    />
  );
}
