import type { Language } from '../../i18n/language';

const LONDON = 'Europe/London';

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number);
  return [y ?? 1970, (m ?? 1) - 1, d ?? 1];
}

/** The London dates of `count` days from `from`'s London date: "2026-12-05", … */
export function londonDays(from: Date, count: number): string[] {
  const [y, m, d] = parts(isoDay.format(from));
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(y, m, d + i)).toISOString().slice(0, 10),
  );
}

/** "Saturday 5 December" / "sábado, 5 de diciembre" for a London date. */
export function dayLabel(day: string, language: Language): string {
  const [y, m, d] = parts(day);
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  })
    .format(new Date(Date.UTC(y, m, d, 12)))
    .replace(',', '');
}

/** The instant of a London wall time ("2026-12-08", "10:00"), whatever the phone's zone. */
export function londonInstant(day: string, time: string): string {
  const [y, m, d] = parts(day);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m, d, hh ?? 0, mm ?? 0);
  // London's offset at that moment (0 in winter, +1 hour in summer).
  const wall = new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(guess));
  const get = (type: string) => Number(wall.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (asUtc - guess)).toISOString();
}

/** Whole hours a helper may choose, as London wall times. */
export const HOURS = [
  '09:00',
  '10:00',
  '11:00',
  '12:00',
  '13:00',
  '14:00',
  '15:00',
  '16:00',
  '17:00',
  '18:00',
];

/** "10am", "12 noon", "3pm" / "10:00", "12:00", "15:00". */
export function hourLabel(time: string, language: Language): string {
  if (language === 'es') return time;
  const hour = Number(time.slice(0, 2));
  if (hour === 12) return '12 noon';
  return hour < 12 ? `${hour}am` : `${hour - 12}pm`;
}
