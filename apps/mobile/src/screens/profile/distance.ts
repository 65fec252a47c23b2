import type { Language } from '../../i18n/language';

/** The distances a member can choose from, in metres. */
export const DISTANCES = [500, 1000, 2000, 5000] as const;

/** "500 m", "1 km", "1.5 km" ("1,5 km" in Spanish). */
export function formatDistance(metres: number, language: Language): string {
  if (metres < 1000) return `${metres} m`;
  const km = metres / 1000;
  const text = Number.isInteger(km) ? String(km) : km.toFixed(1);
  return `${language === 'es' ? text.replace('.', ',') : text} km`;
}
