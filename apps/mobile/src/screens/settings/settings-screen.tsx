import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Pressable, StyleSheet, View } from 'react-native';

import { useSession } from '../../api/session';
import {
  MyNudgePreferencesDocument,
  UpdateNudgePreferencesDocument,
  type MyNudgePreferencesQuery,
  type NudgeChannel,
  type NudgePreferencesInput,
} from '../../gql/graphql';
import {
  isLanguage,
  LANGUAGES,
  useLanguage,
  useStrings,
  type Language,
  type Strings,
} from '../../i18n/language';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { useDescribeError } from '../../ui/describe-error';
import { Screen } from '../../ui/screen';
import { QueryView } from '../../ui/states';
import { TEXT_SIZES, useTextSize, type TextScale } from '../../ui/text-size';
import { colours, fontSizes, space, TOUCH_MIN } from '../../ui/theme';
import { Choices } from '../profile/choices';
import { profileSettingTitles } from '../profile/profile-setting-screen';
import { PROFILE_SETTINGS, type ProfileSetting } from '../profile/steps';

type Preferences = MyNudgePreferencesQuery['myNudgePreferences'];

const CHANNELS: readonly NudgeChannel[] = ['INBOX', 'PUSH', 'EMAIL', 'SMS'];
const QUIET_STARTS = ['19:00', '20:00', '21:00', '22:00', '23:00'];
const QUIET_ENDS = ['06:00', '07:00', '08:00', '09:00', '10:00'];

const strings: Strings<
  {
    title: string;
    textSize: string;
    textSizeHelp: string;
    sizeName: (scale: TextScale) => string;
    language: string;
    languageHelp: string;
    messagesIn: (name: string) => string;
    messages: string;
    loadingMessages: string;
    channels: string;
    channelsHelp: string;
    quietStart: string;
    quietEnd: string;
    quietHelp: string;
    clock: (hhmm: string) => string;
    profile: string;
    profileHelp: string;
    signOutTitle: string;
    signOutText: string;
    signOut: string;
    leaveTitle: string;
    leaveText: string;
    leave: string;
  } & Record<NudgeChannel, string>
> = {
  en: {
    title: 'Settings',
    textSize: 'Text size',
    textSizeHelp: "Your phone's own text size still applies.",
    sizeName: (scale) => (scale === 1 ? 'Standard' : scale === 1.25 ? 'Large' : 'Largest'),
    language: 'Language',
    languageHelp: 'The app and the messages Kith sends you use this language.',
    messagesIn: (name) => `Messages from Kith come in ${name}. Choose a language to change them.`,
    messages: 'Messages from Kith',
    loadingMessages: 'Getting your message settings',
    channels: 'How we send messages',
    channelsHelp: 'Your Kith inbox always gets them. Choose other ways too if you like.',
    INBOX: 'Kith inbox (always on)',
    PUSH: 'Phone notifications',
    EMAIL: 'Email',
    SMS: 'Text messages',
    quietStart: 'Quiet time starts at',
    quietEnd: 'Quiet time ends at',
    quietHelp: 'We do not send messages to your phone or email in quiet time.',
    clock: (hhmm) => {
      const hour = Number(hhmm.slice(0, 2));
      const minutes = hhmm.slice(3);
      const h12 = hour % 12 === 0 ? 12 : hour % 12;
      return `${h12}${minutes === '00' ? '' : `:${minutes}`}${hour < 12 ? 'am' : 'pm'}`;
    },
    profile: 'Your profile',
    profileHelp: 'What Kith uses to suggest things for you.',
    signOutTitle: 'Sign out',
    signOutText:
      'Signing out removes your details from this phone. You can sign in again with a new code.',
    signOut: 'Sign out',
    leaveTitle: 'Leave Kith',
    leaveText: 'Stop using Kith. We will tell you what happens first.',
    leave: 'Leave Kith',
  },
  es: {
    title: 'Ajustes',
    textSize: 'Tamaño del texto',
    textSizeHelp: 'El tamaño del texto de tu teléfono también cuenta.',
    sizeName: (scale) => (scale === 1 ? 'Normal' : scale === 1.25 ? 'Grande' : 'Muy grande'),
    language: 'Idioma',
    languageHelp: 'La aplicación y los mensajes que te envía Kith usan este idioma.',
    messagesIn: (name) =>
      `Los mensajes de Kith llegan en ${name}. Elige un idioma para cambiarlos.`,
    messages: 'Mensajes de Kith',
    loadingMessages: 'Cargando tus ajustes de mensajes',
    channels: 'Cómo te enviamos mensajes',
    channelsHelp: 'Tu buzón de Kith siempre los recibe. Si quieres, elige otras formas también.',
    INBOX: 'Buzón de Kith (siempre activo)',
    PUSH: 'Avisos en el teléfono',
    EMAIL: 'Correo electrónico',
    SMS: 'Mensajes de texto (SMS)',
    quietStart: 'El tiempo de silencio empieza a las',
    quietEnd: 'El tiempo de silencio termina a las',
    quietHelp: 'No enviamos mensajes a tu teléfono ni a tu correo en el tiempo de silencio.',
    clock: (hhmm) => hhmm,
    profile: 'Tu perfil',
    profileHelp: 'Lo que Kith usa para sugerirte cosas.',
    signOutTitle: 'Salir',
    signOutText:
      'Al salir, tus datos se borran de este teléfono. Puedes volver a entrar con un código nuevo.',
    signOut: 'Salir',
    leaveTitle: 'Dejar Kith',
    leaveText: 'Dejar de usar Kith. Antes te diremos lo que pasa.',
    leave: 'Dejar Kith',
  },
};

function TextSizeChoice() {
  const t = useStrings(strings);
  const { scale, setScale } = useTextSize();
  return (
    <View style={styles.group} accessibilityRole="radiogroup" accessibilityLabel={t.textSize}>
      <AppText variant="heading">{t.textSize}</AppText>
      <AppText variant="muted">{t.textSizeHelp}</AppText>
      {TEXT_SIZES.map((size) => {
        const selected = size.scale === scale;
        const name = t.sizeName(size.scale);
        return (
          <Pressable
            key={size.label}
            accessibilityRole="radio"
            accessibilityLabel={name}
            accessibilityState={{ checked: selected }}
            aria-checked={selected}
            onPress={() => setScale(size.scale)}
            style={[styles.option, selected && styles.selected]}
          >
            <View style={[styles.dot, selected && styles.dotSelected]} />
            <AppText style={{ fontSize: fontSizes.body * size.scale }} accessibilityRole="none">
              {name}
            </AppText>
          </Pressable>
        );
      })}
    </View>
  );
}

/** Saves nudge preferences, and keeps what the API answered as what is shown. */
function useSavePreferences() {
  const queryClient = useQueryClient();
  return useApiMutation(UpdateNudgePreferencesDocument, {
    onSuccess: (data) =>
      queryClient.setQueryData<MyNudgePreferencesQuery>(
        apiQueryKey(MyNudgePreferencesDocument, {}),
        { myNudgePreferences: data.updateNudgePreferences },
      ),
  });
}

function LanguageChoice({ preferences }: { preferences: Preferences | undefined }) {
  const t = useStrings(strings);
  const describe = useDescribeError();
  const { language, setLanguage } = useLanguage();
  const save = useSavePreferences();
  const nudgeLanguage =
    (save.isPending ? save.variables?.input.language : undefined) ?? preferences?.language;
  const differs = isLanguage(nudgeLanguage) && nudgeLanguage !== language;
  function choose(next: Language) {
    setLanguage(next);
    save.mutate({ input: { language: next } });
  }
  return (
    <View style={styles.group}>
      <Choices
        label={t.language}
        help={t.languageHelp}
        choices={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
        selected={[language]}
        onToggle={choose}
      />
      {differs ? (
        <AppText variant="muted">
          {t.messagesIn(LANGUAGES.find((l) => l.code === nudgeLanguage)?.name ?? nudgeLanguage)}
        </AppText>
      ) : null}
      {save.error ? (
        <AppText variant="error" accessibilityRole="alert">
          {describe(save.error)}
        </AppText>
      ) : null}
    </View>
  );
}

/** Each choice is saved as it is made; while it is saved, the choice made is what is shown. */
function MessageChoices({ preferences }: { preferences: Preferences }) {
  const t = useStrings(strings);
  const describe = useDescribeError();
  const save = useSavePreferences();
  const pending: NudgePreferencesInput = save.isPending ? (save.variables?.input ?? {}) : {};
  const channels = pending.channels ?? preferences.channels;
  const start = pending.quietHoursStart ?? preferences.quietHoursStart;
  const end = pending.quietHoursEnd ?? preferences.quietHoursEnd;
  const times = (list: string[], now: string) =>
    [...new Set([...list, now])].sort().map((hhmm) => ({ value: hhmm, label: t.clock(hhmm) }));
  return (
    <>
      <Choices
        multiple
        label={t.channels}
        help={t.channelsHelp}
        choices={CHANNELS.map((c) => ({ value: c, label: t[c] }))}
        selected={[...new Set<NudgeChannel>(['INBOX', ...channels])]}
        disabled={['INBOX']}
        onToggle={(channel) =>
          save.mutate({
            input: {
              channels: channels.includes(channel)
                ? channels.filter((c) => c !== channel)
                : [...channels, channel],
            },
          })
        }
      />
      <AppText variant="muted">{t.quietHelp}</AppText>
      <Choices
        label={t.quietStart}
        choices={times(QUIET_STARTS, start)}
        selected={[start]}
        onToggle={(hhmm) => save.mutate({ input: { quietHoursStart: hhmm } })}
      />
      <Choices
        label={t.quietEnd}
        choices={times(QUIET_ENDS, end)}
        selected={[end]}
        onToggle={(hhmm) => save.mutate({ input: { quietHoursEnd: hhmm } })}
      />
      {save.error ? (
        <AppText variant="error" accessibilityRole="alert">
          {describe(save.error)}
        </AppText>
      ) : null}
    </>
  );
}

export function SettingsScreen({
  onOpenSetting,
  onLeaveKith,
}: {
  onOpenSetting: (setting: ProfileSetting) => void;
  onLeaveKith: () => void;
}) {
  const t = useStrings(strings);
  const titles = useStrings(profileSettingTitles);
  const session = useSession();
  const preferences = useApiQuery(MyNudgePreferencesDocument, {}, { meta: { persist: true } });
  const [signingOut, setSigningOut] = useState(false);
  return (
    <Screen title={t.title}>
      <TextSizeChoice />
      <LanguageChoice preferences={preferences.data?.myNudgePreferences} />
      <View style={styles.group}>
        <AppText variant="heading">{t.messages}</AppText>
        <QueryView query={preferences} loadingText={t.loadingMessages}>
          {(data) => <MessageChoices preferences={data.myNudgePreferences} />}
        </QueryView>
      </View>
      <View style={styles.group}>
        <AppText variant="heading">{t.profile}</AppText>
        <AppText variant="muted">{t.profileHelp}</AppText>
        {PROFILE_SETTINGS.map((setting) => (
          <Button
            key={setting}
            variant="secondary"
            label={titles[setting]}
            onPress={() => onOpenSetting(setting)}
          />
        ))}
      </View>
      <View style={styles.group}>
        <AppText variant="heading">{t.signOutTitle}</AppText>
        <AppText>{t.signOutText}</AppText>
        <Button
          label={t.signOut}
          busy={signingOut}
          onPress={() => {
            setSigningOut(true);
            void session.signOut().finally(() => setSigningOut(false));
          }}
        />
      </View>
      <View style={styles.group}>
        <AppText variant="heading">{t.leaveTitle}</AppText>
        <AppText>{t.leaveText}</AppText>
        <Button label={t.leave} variant="secondary" onPress={onLeaveKith} />
      </View>
    </Screen>
  );
}

const styles = StyleSheet.create({
  group: { gap: space.m },
  option: {
    minHeight: TOUCH_MIN,
    flexDirection: 'row',
    alignItems: 'center',
    gap: space.m,
    paddingHorizontal: space.m,
    borderRadius: 12,
    borderWidth: 2,
    borderColor: colours.border,
  },
  selected: { borderColor: colours.primary, borderWidth: 3, backgroundColor: colours.surface },
  dot: {
    width: 24,
    height: 24,
    borderRadius: 12,
    borderWidth: 2,
    borderColor: colours.border,
  },
  dotSelected: { backgroundColor: colours.primary, borderColor: colours.primary },
});
