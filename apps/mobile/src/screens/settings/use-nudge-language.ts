import AsyncStorage from '@react-native-async-storage/async-storage';
import { useEffect } from 'react';

import { MyNudgePreferencesDocument } from '../../gql/graphql';
import { isLanguage, LANGUAGE_KEY, useLanguage } from '../../i18n/language';
import { useApiQuery } from '../../query/use-api-query';

/**
 * On a phone where no language was ever chosen, the app starts in the language Kith's messages
 * use for this member (set on another phone, or by their coordinator). A choice made on this phone
 * is never overridden.
 */
export function useAdoptNudgeLanguage(): void {
  const preferences = useApiQuery(MyNudgePreferencesDocument, {}, { meta: { persist: true } });
  const theirs = preferences.data?.myNudgePreferences.language;
  const { language, setLanguage } = useLanguage();
  useEffect(() => {
    if (!isLanguage(theirs) || theirs === language) return;
    let live = true;
    AsyncStorage.getItem(LANGUAGE_KEY)
      .then((kept) => {
        if (live && kept === null) setLanguage(theirs);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [theirs, language, setLanguage]);
}
