import type { AvailabilityWindowInput, Weekday } from '../../gql/graphql';
import { useStrings, type Strings } from '../../i18n/language';
import { PickMany } from '../../ui/pick';

export const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** Europe/London wall times of each part of the day. */
const PARTS: Record<PartOfDay, { start: string; end: string }> = {
  morning: { start: '09:00', end: '12:00' },
  afternoon: { start: '12:00', end: '17:00' },
  evening: { start: '17:00', end: '20:00' },
};

export interface TimeChoiceValue {
  days: Weekday[];
  parts: PartOfDay[];
}

/** Each chosen day at each chosen part of the day; no parts chosen means the whole day. */
export function windowsOf({ days, parts }: TimeChoiceValue): AvailabilityWindowInput[] {
  const spans = parts.length > 0 ? parts.map((p) => PARTS[p]) : [WHOLE_DAY];
  return days.flatMap((weekday) => spans.map((span) => ({ weekday, ...span })));
}

const WHOLE_DAY = { start: '09:00', end: '20:00' };

/**
 * What the choice shows for windows saved before: their days, and the parts of the day they touch
 * ("HH:MM" strings compare in time order); one whole-day span each is no part chosen.
 */
export function choiceOf(windows: readonly AvailabilityWindowInput[]): TimeChoiceValue {
  const days = WEEKDAYS.filter((day) => windows.some((w) => w.weekday === day));
  const wholeDays = windows.every((w) => w.start === WHOLE_DAY.start && w.end === WHOLE_DAY.end);
  const parts = wholeDays
    ? []
    : (Object.keys(PARTS) as PartOfDay[]).filter((part) =>
        windows.some((w) => w.start < PARTS[part].end && PARTS[part].start < w.end),
      );
  return { days, parts };
}

const strings: Strings<{
  days: Record<Weekday, string>;
  parts: Record<PartOfDay, string>;
}> = {
  en: {
    days: {
      MON: 'Monday',
      TUE: 'Tuesday',
      WED: 'Wednesday',
      THU: 'Thursday',
      FRI: 'Friday',
      SAT: 'Saturday',
      SUN: 'Sunday',
    },
    parts: {
      morning: 'Morning (9am to 12 noon)',
      afternoon: 'Afternoon (12 noon to 5pm)',
      evening: 'Evening (5pm to 8pm)',
    },
  },
  es: {
    days: {
      MON: 'Lunes',
      TUE: 'Martes',
      WED: 'Miércoles',
      THU: 'Jueves',
      FRI: 'Viernes',
      SAT: 'Sábado',
      SUN: 'Domingo',
    },
    parts: {
      morning: 'Mañana (de 9 a 12)',
      afternoon: 'Tarde (de 12 a 17)',
      evening: 'Noche (de 17 a 20)',
    },
  },
};

/** Which days and which parts of the day: two short lists instead of a time picker. */
export function TimeChoice({
  daysLabel,
  partsLabel,
  help,
  value,
  onChange,
}: {
  daysLabel: string;
  partsLabel: string;
  help?: string;
  value: TimeChoiceValue;
  onChange: (value: TimeChoiceValue) => void;
}) {
  const t = useStrings(strings);
  return (
    <>
      <PickMany
        label={daysLabel}
        help={help}
        options={WEEKDAYS.map((day) => ({ value: day, label: t.days[day] }))}
        values={value.days}
        onChange={(days) => onChange({ ...value, days })}
      />
      <PickMany
        label={partsLabel}
        options={(Object.keys(PARTS) as PartOfDay[]).map((part) => ({
          value: part,
          label: t.parts[part],
        }))}
        values={value.parts}
        onChange={(parts) => onChange({ ...value, parts })}
      />
    </>
  );
}
