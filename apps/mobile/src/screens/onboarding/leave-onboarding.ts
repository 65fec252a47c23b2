import { router } from 'expo-router';

/** Leaves onboarding for For you, with its steps gone from the stack so back does not return. */
export function goToForYou(): void {
  if (router.canDismiss()) router.dismissAll();
  router.replace('/');
}
