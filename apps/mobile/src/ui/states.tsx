import type { ReactNode } from 'react';
import { ActivityIndicator, StyleSheet, View } from 'react-native';

import type { ApiError } from '../api/api-error';
import { useLanguage, useStrings, type Strings } from '../i18n/language';
import { useOnline } from '../query/online';
import { AppText } from './app-text';
import { Button } from './button';
import { describeError } from './describe-error';
import { colours, space } from './theme';

const strings: Strings<{
  sorry: string;
  tryAgain: string;
  offline: string;
  offlineText: string;
  offlineNow: string;
  unreachable: string;
  from: (when: string) => string;
  mayBeOld: string;
}> = {
  en: {
    sorry: 'Sorry, that did not work',
    tryAgain: 'Try again',
    offline: 'You are offline',
    offlineText: 'This will show when your phone is online again. Check your Wi-Fi or mobile data.',
    offlineNow: 'You are offline. ',
    unreachable: 'We could not reach Kith. ',
    from: (when) => `This is from ${when}.`,
    mayBeOld: 'This may be out of date.',
  },
  es: {
    sorry: 'Lo sentimos, no funcionó',
    tryAgain: 'Intentar otra vez',
    offline: 'No tienes conexión',
    offlineText:
      'Esto se verá cuando tu teléfono tenga conexión otra vez. Mira tu wifi o tus datos móviles.',
    offlineNow: 'No tienes conexión. ',
    unreachable: 'No pudimos conectar con Kith. ',
    from: (when) => `Esto es del ${when}.`,
    mayBeOld: 'Puede que esto no esté al día.',
  },
};

export function LoadingState({ text }: { text: string }) {
  return (
    <View style={styles.centre} accessibilityRole="progressbar" accessibilityLabel={text}>
      <ActivityIndicator size="large" color={colours.primary} />
      <AppText>{text}</AppText>
    </View>
  );
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const t = useStrings(strings);
  const { language } = useLanguage();
  return (
    <View style={styles.box} accessibilityRole="alert">
      <AppText variant="heading">{t.sorry}</AppText>
      <AppText>{describeError(error, language)}</AppText>
      <Button label={t.tryAgain} onPress={onRetry} />
    </View>
  );
}

/** No signal and nothing kept from before. */
export function OfflineState() {
  const t = useStrings(strings);
  return (
    <View style={styles.box} accessibilityRole="alert">
      <AppText variant="heading">{t.offline}</AppText>
      <AppText>{t.offlineText}</AppText>
    </View>
  );
}

function timeOf(ms: number, language: string): string {
  return new Date(ms).toLocaleString(language === 'es' ? 'es-ES' : 'en-GB', {
    timeZone: 'Europe/London',
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** Shown above what was kept from before, while there is no signal or Kith cannot be reached. */
export function StaleNotice({ updatedAt, offline }: { updatedAt: number; offline: boolean }) {
  const t = useStrings(strings);
  const { language } = useLanguage();
  return (
    <View style={styles.notice} accessibilityRole="alert">
      <AppText>
        {offline ? t.offlineNow : t.unreachable}
        {updatedAt > 0 ? t.from(timeOf(updatedAt, language)) : t.mayBeOld}
      </AppText>
    </View>
  );
}

export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View style={styles.box}>
      <AppText variant="heading">{title}</AppText>
      {children}
    </View>
  );
}

/**
 * Every screen's four states in one place: loading, offline with nothing kept, error, and the data
 * (with a notice when it is what was kept from before).
 */
/** What QueryView reads of a query (useQuery's or useInfiniteQuery's result). */
export interface QueryLike<T> {
  data: T | undefined;
  error: ApiError | null;
  dataUpdatedAt: number;
  refetch(): Promise<unknown>;
}

export function QueryView<T>({
  query,
  loadingText,
  children,
}: {
  query: QueryLike<T>;
  loadingText: string;
  children: (data: T) => ReactNode;
}) {
  const online = useOnline();
  if (query.data !== undefined) {
    const stale = !online || query.error?.code === 'NETWORK';
    return (
      <>
        {stale ? <StaleNotice updatedAt={query.dataUpdatedAt} offline={!online} /> : null}
        {children(query.data)}
      </>
    );
  }
  if (!online) return <OfflineState />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <LoadingState text={loadingText} />;
}

const styles = StyleSheet.create({
  centre: { alignItems: 'center', gap: space.m, paddingVertical: space.xl },
  box: { gap: space.m },
  notice: { backgroundColor: colours.notice, padding: space.m, borderRadius: 8 },
});
