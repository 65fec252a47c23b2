import AsyncStorage from '@react-native-async-storage/async-storage';
import { useEffect, useState } from 'react';

import { useMyProfile } from '../profile/use-profile';

function key(personId: string): string {
  return `kith.onboarding.seen.${personId}`;
}

/** Remembers on this phone that the member has been through onboarding (or chose not to). */
export async function markOnboardingSeen(personId: string): Promise<void> {
  await AsyncStorage.setItem(key(personId), 'yes');
}

/**
 * Whether to take the member through onboarding: they have no home or no interests yet and have
 * not been through it on this phone. Undefined until both are known (and while offline with
 * nothing kept), so nobody is sent there on a guess.
 */
export function useNeedsOnboarding(): boolean | undefined {
  const profile = useMyProfile();
  const me = profile.data?.me;
  const [seen, setSeen] = useState<{ personId: string; seen: boolean }>();
  useEffect(() => {
    if (!me) return;
    let live = true;
    AsyncStorage.getItem(key(me.id))
      .then((value) => {
        if (live) setSeen({ personId: me.id, seen: value === 'yes' });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [me]);
  if (!me || seen?.personId !== me.id) return undefined;
  if (seen.seen) return false;
  const mine = me.memberProfile;
  return !mine || !mine.hasHome || mine.interests.length === 0;
}

/** Ends onboarding (finished or put off): remembered on this phone, then `then` runs. */
export function useEndOnboarding(then: () => void): () => void {
  const personId = useMyProfile().data?.me.id;
  return () => {
    if (!personId) {
      then();
      return;
    }
    markOnboardingSeen(personId).then(then, then);
  };
}
