const LONDON = 'Europe/London';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: 'numeric',
  minute: '2-digit',
  // h12, not hour12: en-GB's 12-hour clock otherwise calls noon 0:00 pm.
  hourCycle: 'h12',
});
const esDayFormat = new Intl.DateTimeFormat('es-ES', {
  timeZone: LONDON,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const esTimeFormat = new Intl.DateTimeFormat('es-ES', {
  timeZone: LONDON,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function time(date: Date): string {
  return timeFormat.format(date).replace(' ', '').toLowerCase();
}

/**
 * "Tuesday 9 December, 10:30am to 12:00pm" ("martes, 9 de diciembre, de 10:30 a 12:00"), in London
 * time whatever the phone's zone.
 */
export function formatWhen(
  startsAt: string,
  endsAt?: string,
  language: 'en' | 'es' = 'en',
): string {
  const start = new Date(startsAt);
  if (language === 'es') {
    const day = esDayFormat.format(start);
    const from = esTimeFormat.format(start);
    return endsAt
      ? `${day}, de ${from} a ${esTimeFormat.format(new Date(endsAt))}`
      : `${day}, ${from}`;
  }
  const day = dayFormat.format(start).replace(',', '');
  const from = time(start);
  return endsAt ? `${day}, ${from} to ${time(new Date(endsAt))}` : `${day}, ${from}`;
}
