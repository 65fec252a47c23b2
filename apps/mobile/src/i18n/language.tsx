import AsyncStorage from '@react-native-async-storage/async-storage';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';

/** The languages every screen speaks. The API's nudges speak the same two. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

/**
 * A screen's words in every language: `en` says what there is to say, and every other language
 * must say all of it (the type checker refuses a missing string). A value may be a function for
 * words that hold a number or a name.
 */
export type Strings<T extends Record<string, unknown>> = Record<Language, T>;

/** Where the chosen language is kept on the phone; absent until the member (or their record) chooses. */
export const LANGUAGE_KEY = 'kith.language';

interface LanguageValue {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageValue>({
  language: 'en',
  setLanguage: () => undefined,
});

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

/** The app's language, kept on the device; English until the member chooses. */
export function LanguageProvider({
  children,
  initialLanguage = 'en',
}: {
  children: ReactNode;
  initialLanguage?: Language;
}) {
  const [language, setState] = useState<Language>(initialLanguage);
  useEffect(() => {
    let live = true;
    AsyncStorage.getItem(LANGUAGE_KEY)
      .then((kept) => {
        if (live && isLanguage(kept)) setState(kept);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const setLanguage = useCallback((next: Language) => {
    setState(next);
    AsyncStorage.setItem(LANGUAGE_KEY, next).catch(() => undefined);
  }, []);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageValue {
  return useContext(LanguageContext);
}

/** The words of `strings` in the member's language. */
export function useStrings<T extends Record<string, unknown>>(strings: Strings<T>): T {
  return strings[useLanguage().language];
}
