import type { Weekday } from '../../gql/graphql';

/** A simple "when are you free" choice and the weekly windows it stands for (London time). */
export type FreeTime =
  | 'WEEKDAY_MORNING'
  | 'WEEKDAY_AFTERNOON'
  | 'WEEKDAY_EVENING'
  | 'WEEKEND_MORNING'
  | 'WEEKEND_AFTERNOON'
  | 'WEEKEND_EVENING';

export const FREE_TIMES: readonly FreeTime[] = [
  'WEEKDAY_MORNING',
  'WEEKDAY_AFTERNOON',
  'WEEKDAY_EVENING',
  'WEEKEND_MORNING',
  'WEEKEND_AFTERNOON',
  'WEEKEND_EVENING',
];

export interface Window {
  weekday: Weekday;
  start: string;
  end: string;
}

const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];
const WEEKEND: readonly Weekday[] = ['SAT', 'SUN'];
const PARTS = {
  MORNING: { start: '09:00', end: '12:00' },
  AFTERNOON: { start: '12:00', end: '17:00' },
  EVENING: { start: '17:00', end: '21:00' },
} as const;

export function windowsOf(time: FreeTime): Window[] {
  const [days, part] = time.split('_') as ['WEEKDAY' | 'WEEKEND', keyof typeof PARTS];
  return (days === 'WEEKDAY' ? WEEKDAYS : WEEKEND).map((weekday) => ({
    weekday,
    ...PARTS[part],
  }));
}

function same(a: Window, b: Window): boolean {
  return a.weekday === b.weekday && a.start === b.start && a.end === b.end;
}

/** The choices the saved windows make up in full. */
export function freeTimesOf(windows: readonly Window[]): FreeTime[] {
  return FREE_TIMES.filter((time) =>
    windowsOf(time).every((w) => windows.some((saved) => same(saved, w))),
  );
}

function overlap(a: Window, b: Window): boolean {
  // "HH:MM" strings compare in time order.
  return a.weekday === b.weekday && a.start < b.end && b.start < a.end;
}

/**
 * The windows to save for the chosen times. Windows saved some other way (by a coordinator, say)
 * that no choice stands for are kept, unless a chosen time covers them (the API refuses overlaps).
 */
export function windowsFor(chosen: readonly FreeTime[], saved: readonly Window[]): Window[] {
  const all = FREE_TIMES.flatMap(windowsOf);
  const picked = chosen.flatMap(windowsOf);
  const others = saved
    .filter((s) => !all.some((w) => same(s, w)) && !picked.some((w) => overlap(s, w)))
    .map(({ weekday, start, end }) => ({ weekday, start, end }));
  return [...others, ...picked];
}
