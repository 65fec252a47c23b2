import { useQueryClient } from '@tanstack/react-query';
import { StyleSheet, View } from 'react-native';

import { useSession } from '../../api/session';
import { LeaveKithDocument } from '../../gql/graphql';
import { useStrings, type Strings } from '../../i18n/language';
import { useApiMutation } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { useDescribeError } from '../../ui/describe-error';
import { Screen } from '../../ui/screen';
import { space } from '../../ui/theme';

const strings: Strings<{
  title: string;
  ifYouLeave: string;
  places: string;
  nudges: string;
  introductions: string;
  survey: string;
  noRush: string;
  leave: string;
  stay: string;
  leftTitle: string;
  left: string;
  changeMind: string;
  signOut: string;
}> = {
  en: {
    title: 'Leave Kith?',
    ifYouLeave: 'If you leave Kith:',
    places: '• Your places at things coming up are given up, so someone else can have them.',
    nudges: '• We will not send you any more messages or reminders.',
    introductions:
      '• Nobody will be introduced to you. Introductions still waiting for an answer are stopped.',
    survey:
      'We may ask you a few short questions about your time with Kith. You do not have to answer.',
    noRush: 'Take your time. Nothing happens until you press the button.',
    leave: 'Yes, leave Kith',
    stay: 'No, stay in Kith',
    leftTitle: 'You have left Kith',
    left: 'Your places are given up and we will not send you any more messages. Thank you for being part of Kith.',
    changeMind: 'If you change your mind, talk to your Kith coordinator.',
    signOut: 'Sign out',
  },
  es: {
    title: '¿Dejar Kith?',
    ifYouLeave: 'Si dejas Kith:',
    places: '• Dejas tus plazas en las próximas actividades, para que otra persona las pueda usar.',
    nudges: '• No te enviaremos más mensajes ni recordatorios.',
    introductions:
      '• Ya no te presentaremos a nadie. Las presentaciones que esperan respuesta se cancelan.',
    survey:
      'Puede que te hagamos unas preguntas cortas sobre tu tiempo en Kith. No tienes que contestar.',
    noRush: 'Tómate tu tiempo. No pasa nada hasta que pulses el botón.',
    leave: 'Sí, dejar Kith',
    stay: 'No, seguir en Kith',
    leftTitle: 'Has dejado Kith',
    left: 'Has dejado tus plazas y no te enviaremos más mensajes. Gracias por ser parte de Kith.',
    changeMind: 'Si cambias de idea, habla con tu coordinador de Kith.',
    signOut: 'Salir',
  },
};

/**
 * Leaving Kith: what happens, said plainly, before anything is done. Not timed; the member can go
 * back. Once left, they can sign out.
 */
export function LeaveKithScreen({ onStay }: { onStay: () => void }) {
  const t = useStrings(strings);
  const describe = useDescribeError();
  const session = useSession();
  const queryClient = useQueryClient();
  const leave = useApiMutation(LeaveKithDocument, {
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  if (leave.isSuccess) {
    return (
      <Screen title={t.leftTitle}>
        <AppText accessibilityLiveRegion="polite">{t.left}</AppText>
        <AppText>{t.changeMind}</AppText>
        <Button label={t.signOut} onPress={() => void session.signOut()} />
      </Screen>
    );
  }
  return (
    <Screen title={t.title}>
      <View style={styles.list}>
        <AppText>{t.ifYouLeave}</AppText>
        <AppText>{t.places}</AppText>
        <AppText>{t.nudges}</AppText>
        <AppText>{t.introductions}</AppText>
      </View>
      <AppText>{t.survey}</AppText>
      <AppText variant="muted">{t.noRush}</AppText>
      {leave.error ? (
        <AppText variant="error" accessibilityRole="alert">
          {describe(leave.error)}
        </AppText>
      ) : null}
      <Button label={t.leave} onPress={() => leave.mutate({})} busy={leave.isPending} />
      <Button label={t.stay} variant="secondary" onPress={onStay} />
    </Screen>
  );
}

const styles = StyleSheet.create({ list: { gap: space.s } });
