import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { StyleSheet, View } from 'react-native';

import {
  CompleteAssignmentDocument,
  HelpingDocument,
  RespondToAssignmentDocument,
  ScheduleAssignmentDocument,
  type HelpingQuery,
} from '../../gql/graphql';
import { useLanguage, useStrings, type Language, type Strings } from '../../i18n/language';
import { useApiMutation, useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { formatWhen } from '../../ui/format';
import { PickOne } from '../../ui/pick';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { colours, space } from '../../ui/theme';
import { durationText } from '../help/time-words';
import { dayLabel, HOURS, hourLabel, londonDays, londonInstant } from './when';

type Assignment = HelpingQuery['myAssignments'][number];
type Profile = NonNullable<HelpingQuery['me']['helperProfile']>;

const strings: Strings<{
  title: string;
  loading: string;
  notYet: string;
  notYetMore: string;
  offer: string;
  change: string;
  pending: string;
  approvedUntil: (day: string) => string;
  approved: string;
  expired: (day: string) => string;
  suspended: string;
  given: (time: string) => string;
  offered: string;
  accepted: string;
  completed: string;
  none: string;
  about: (time: string) => string;
  atHome: (name: string, band: string | null) => string;
  meetAt: (place: string) => string;
  address: (text: string) => string;
  phone: (text: string) => string;
  scheduled: (when: string) => string;
  noTime: string;
  yes: string;
  no: string;
  day: string;
  time: string;
  sendYes: string;
  chooseTime: string;
  back: string;
  changeTime: string;
  saveTime: string;
  markDone: string;
  howLong: string;
  saveDone: string;
  doneWith: (time: string) => string;
}> = {
  en: {
    title: 'Helping',
    loading: 'Getting your helping',
    notYet: 'You do not help yet',
    notYetMore: 'You can offer a little time to help people near you, with things you are good at.',
    offer: 'Offer your time',
    change: 'Change what you offer',
    pending:
      'Thank you for offering. A coordinator will check your details and your DBS check. We will tell you when it is done.',
    approvedUntil: (day) => `You can help. Your DBS check is good until ${day}.`,
    approved: 'You can help. Your DBS check is done.',
    expired: (day) =>
      `Your DBS check ran out on ${day}. Please talk to your coordinator about a new one.`,
    suspended: 'Your helping is on hold for now. Please talk to your coordinator.',
    given: (time) => `You have given ${time} of help. Thank you.`,
    offered: 'Asked of you',
    accepted: 'You said yes',
    completed: 'Done',
    none: 'Nothing has been asked of you yet. We will tell you when someone needs your help.',
    about: (time) => `About ${time}`,
    atHome: (name, band) => (band ? `At ${name}'s home, ${band} from you` : `At ${name}'s home`),
    meetAt: (place) => `Meeting at: ${place}`,
    address: (text) => `Address: ${text}`,
    phone: (text) => `Phone: ${text}`,
    scheduled: (when) => `You said you will come on ${when}.`,
    noTime: 'You have not said when you will come yet.',
    yes: 'Say yes',
    no: 'Not this time',
    day: 'Which day will you come?',
    time: 'What time?',
    sendYes: 'Say yes and send the time',
    chooseTime: 'Choose a day and a time.',
    back: 'Go back',
    changeTime: 'Change the time',
    saveTime: 'Save the new time',
    markDone: 'Mark as done',
    howLong: 'How long did it take?',
    saveDone: 'Save: the help is done',
    doneWith: (time) => `You gave ${time} of help.`,
  },
  es: {
    title: 'Ayudar',
    loading: 'Buscando tus ayudas',
    notYet: 'Aún no ayudas',
    notYetMore:
      'Puedes ofrecer un poco de tiempo para ayudar a gente cerca, con lo que se te da bien.',
    offer: 'Ofrecer tu tiempo',
    change: 'Cambiar lo que ofreces',
    pending:
      'Gracias por ofrecerte. Una persona coordinadora revisará tus datos y tu certificado DBS. Te avisaremos cuando esté hecho.',
    approvedUntil: (day) => `Puedes ayudar. Tu certificado DBS vale hasta el ${day}.`,
    approved: 'Puedes ayudar. Tu certificado DBS está hecho.',
    expired: (day) =>
      `Tu certificado DBS caducó el ${day}. Habla con tu coordinador para hacer uno nuevo.`,
    suspended: 'Tu ayuda está en pausa por ahora. Habla con tu coordinador.',
    given: (time) => `Has dado ${time} de ayuda. Gracias.`,
    offered: 'Te lo han pedido',
    accepted: 'Dijiste que sí',
    completed: 'Hecho',
    none: 'Aún no te han pedido nada. Te avisaremos cuando alguien necesite tu ayuda.',
    about: (time) => `Más o menos ${time}`,
    atHome: (name, band) => (band ? `En casa de ${name}, a ${band} de ti` : `En casa de ${name}`),
    meetAt: (place) => `Lugar: ${place}`,
    address: (text) => `Dirección: ${text}`,
    phone: (text) => `Teléfono: ${text}`,
    scheduled: (when) => `Dijiste que irás el ${when}.`,
    noTime: 'Aún no has dicho cuándo irás.',
    yes: 'Decir que sí',
    no: 'Esta vez no',
    day: '¿Qué día irás?',
    time: '¿A qué hora?',
    sendYes: 'Decir que sí y enviar la hora',
    chooseTime: 'Elige un día y una hora.',
    back: 'Volver',
    changeTime: 'Cambiar la hora',
    saveTime: 'Guardar la nueva hora',
    markDone: 'Marcar como hecho',
    howLong: '¿Cuánto tiempo llevó?',
    saveDone: 'Guardar: la ayuda está hecha',
    doneWith: (time) => `Diste ${time} de ayuda.`,
  },
};

type T = (typeof strings)['en'];

/** "3 March 2027" / "3 de marzo de 2027" for a LocalDate. */
function dateText(day: string, language: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

function statusText(t: T, profile: Profile, language: Language, today: string): string {
  switch (profile.status) {
    case 'PENDING':
      return t.pending;
    case 'SUSPENDED':
      return t.suspended;
    case 'APPROVED': {
      const until = profile.dbsExpiresOnDate;
      if (until === null) return t.approved;
      return until <= today
        ? t.expired(dateText(until, language))
        : t.approvedUntil(dateText(until, language));
    }
  }
}

function WhenPicker({
  today,
  value,
  onChange,
}: {
  today: Date;
  value: { day: string | null; time: string | null };
  onChange: (value: { day: string | null; time: string | null }) => void;
}) {
  const t = useStrings(strings);
  const { language } = useLanguage();
  return (
    <>
      <PickOne
        label={t.day}
        options={londonDays(today, 14).map((day) => ({
          value: day,
          label: dayLabel(day, language),
        }))}
        value={value.day}
        onChange={(day) => onChange({ ...value, day })}
      />
      <PickOne
        label={t.time}
        options={HOURS.map((time) => ({ value: time, label: hourLabel(time, language) }))}
        value={value.time}
        onChange={(time) => onChange({ ...value, time })}
      />
    </>
  );
}

type Step = 'idle' | 'accepting' | 'rescheduling' | 'completing';

function AssignmentCard({ assignment, today }: { assignment: Assignment; today: Date }) {
  const t = useStrings(strings);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('idle');
  const [when, setWhen] = useState<{ day: string | null; time: string | null }>({
    day: null,
    time: null,
  });
  const [missingTime, setMissingTime] = useState(false);
  const [minutes, setMinutes] = useState(assignment.request.durationMinutes);
  const done = {
    onSuccess: () => {
      setStep('idle');
      void queryClient.invalidateQueries({ queryKey: ['Helping'] });
    },
  };
  const respond = useApiMutation(RespondToAssignmentDocument, done);
  const schedule = useApiMutation(ScheduleAssignmentDocument, done);
  const complete = useApiMutation(CompleteAssignmentDocument, done);
  const error = respond.error ?? schedule.error ?? complete.error;
  const { request, member } = assignment;
  const name = member?.firstName ?? '';

  function withTime(send: (at: string) => void) {
    if (!when.day || !when.time) {
      setMissingTime(true);
      return;
    }
    setMissingTime(false);
    send(londonInstant(when.day, when.time));
  }

  const choices = Array.from(new Set([30, 60, 90, 120, 180, request.durationMinutes])).sort(
    (a, b) => a - b,
  );

  return (
    <View style={styles.card} testID={`assignment-${assignment.id}`}>
      <AppText variant="heading">{request.skill.label}</AppText>
      {name ? <AppText>{name}</AppText> : null}
      <AppText>{request.description}</AppText>
      <AppText>{t.about(durationText(request.durationMinutes, language))}</AppText>
      <AppText>
        {request.atHome || !request.meetingPlace
          ? t.atHome(name, member?.distanceBand ?? null)
          : t.meetAt(request.meetingPlace)}
      </AppText>
      {member?.address ? <AppText>{t.address(member.address)}</AppText> : null}
      {member?.phone ? <AppText>{t.phone(member.phone)}</AppText> : null}
      {assignment.status === 'ACCEPTED' ? (
        <AppText variant="heading">
          {assignment.scheduledAt
            ? t.scheduled(formatWhen(assignment.scheduledAt, undefined, language))
            : t.noTime}
        </AppText>
      ) : null}
      {assignment.status === 'COMPLETED' && assignment.minutes ? (
        <AppText>{t.doneWith(durationText(assignment.minutes, language))}</AppText>
      ) : null}
      {error ? (
        <AppText variant="error" accessibilityRole="alert">
          {error.fieldMessage('at') ??
            error.fieldMessage('minutes') ??
            describeError(error, language)}
        </AppText>
      ) : null}
      {step === 'accepting' || step === 'rescheduling' ? (
        <>
          <WhenPicker today={today} value={when} onChange={setWhen} />
          {missingTime ? (
            <AppText variant="error" accessibilityRole="alert">
              {t.chooseTime}
            </AppText>
          ) : null}
          <Button
            label={step === 'accepting' ? t.sendYes : t.saveTime}
            busy={respond.isPending || schedule.isPending}
            onPress={() =>
              withTime((at) =>
                step === 'accepting'
                  ? respond.mutate({ id: assignment.id, accept: true, at })
                  : schedule.mutate({ id: assignment.id, at }),
              )
            }
          />
          <Button variant="secondary" label={t.back} onPress={() => setStep('idle')} />
        </>
      ) : step === 'completing' ? (
        <>
          <PickOne
            label={t.howLong}
            options={choices.map((m) => ({ value: m, label: durationText(m, language) }))}
            value={minutes}
            onChange={setMinutes}
          />
          <Button
            label={t.saveDone}
            busy={complete.isPending}
            onPress={() => complete.mutate({ id: assignment.id, minutes })}
          />
          <Button variant="secondary" label={t.back} onPress={() => setStep('idle')} />
        </>
      ) : assignment.status === 'OFFERED' ? (
        <>
          <Button variant="secondary" label={t.yes} onPress={() => setStep('accepting')} />
          <Button
            variant="secondary"
            label={t.no}
            busy={respond.isPending}
            onPress={() => respond.mutate({ id: assignment.id, accept: false, at: null })}
          />
        </>
      ) : assignment.status === 'ACCEPTED' ? (
        <>
          <Button variant="secondary" label={t.markDone} onPress={() => setStep('completing')} />
          <Button
            variant="secondary"
            label={t.changeTime}
            onPress={() => setStep('rescheduling')}
          />
        </>
      ) : null}
    </View>
  );
}

function Assignments({ list, today }: { list: Assignment[]; today: Date }) {
  const t = useStrings(strings);
  const groups = [
    { status: 'OFFERED', title: t.offered },
    { status: 'ACCEPTED', title: t.accepted },
    { status: 'COMPLETED', title: t.completed },
  ] as const;
  const shown = list.filter((a) => groups.some((g) => g.status === a.status));
  if (shown.length === 0) return <AppText>{t.none}</AppText>;
  return (
    <>
      {groups.map(({ status, title }) => {
        const items = shown.filter((a) => a.status === status);
        return items.length === 0 ? null : (
          <View key={status} style={styles.section}>
            <AppText variant="heading">{title}</AppText>
            {items.map((a) => (
              <AssignmentCard key={a.id} assignment={a} today={today} />
            ))}
          </View>
        );
      })}
    </>
  );
}

/** The helper's side: their DBS status, help asked of them, and the time they have given. */
export function HelpingScreen({
  onOffer,
  today = new Date(),
}: {
  onOffer: () => void;
  /** Now, for the days a helper can choose (tests fix it). */
  today?: Date;
}) {
  const t = useStrings(strings);
  const { language } = useLanguage();
  const query = useApiQuery(HelpingDocument, {}, { meta: { persist: true } });
  const todayIso = londonDays(today, 1)[0] ?? '';
  return (
    <Screen title={t.title}>
      <QueryView query={query} loadingText={t.loading}>
        {({ me, myAssignments }) => {
          const profile = me.helperProfile;
          if (!profile) {
            return (
              <EmptyState title={t.notYet}>
                <AppText>{t.notYetMore}</AppText>
                <Button label={t.offer} onPress={onOffer} />
              </EmptyState>
            );
          }
          const given = myAssignments
            .filter((a) => a.status === 'COMPLETED')
            .reduce((sum, a) => sum + (a.minutes ?? 0), 0);
          return (
            <>
              <AppText variant="heading">{statusText(t, profile, language, todayIso)}</AppText>
              {given > 0 ? <AppText>{t.given(durationText(given, language))}</AppText> : null}
              <Assignments list={myAssignments} today={today} />
              <Button variant="secondary" label={t.change} onPress={onOffer} />
            </>
          );
        }}
      </QueryView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  section: { gap: space.m },
  card: { backgroundColor: colours.surface, borderRadius: 12, padding: space.m, gap: space.s },
});
