import type { Language } from '../../i18n/language';

/** "1 hour 30 minutes" / "1 hora 30 minutos": an amount of time in words, never with a sign. */
export function durationText(minutes: number, language: Language): string {
  const total = Math.abs(Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const words =
    language === 'es'
      ? { hour: 'hora', hours: 'horas', minute: 'minuto', minutes: 'minutos', and: ' y ' }
      : { hour: 'hour', hours: 'hours', minute: 'minute', minutes: 'minutes', and: ' ' };
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? words.hour : words.hours}`);
  if (rest > 0 || hours === 0) parts.push(`${rest} ${rest === 1 ? words.minute : words.minutes}`);
  return parts.join(words.and);
}
