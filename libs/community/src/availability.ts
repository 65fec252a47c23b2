import type { Weekday } from './taxonomy';
import { WEEKDAY_NUMBER } from './taxonomy';

export interface AvailabilityInput {
  weekday: Weekday;
  start: string;
  end: string;
}

/** A weekly window in London wall time, as minutes from midnight. */
export interface AvailabilityWindow {
  weekday: Weekday;
  startMinute: number;
  endMinute: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseClock(value: string): number | undefined {
  if (value === '24:00') return 24 * 60;
  const match = HH_MM.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Checks weekly windows: "HH:MM" times, the end after the start, no two overlapping on one day.
 * Returns the windows sorted, or the problems with their paths (`availability.2.end`).
 */
export function parseAvailability(
  windows: AvailabilityInput[],
  path = 'availability',
): { windows: AvailabilityWindow[]; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  const parsed: (AvailabilityWindow & { index: number })[] = [];
  if (windows.length > 50) problems.push({ path, message: 'at most 50 windows' });
  windows.forEach((window, index) => {
    const startMinute = parseClock(window.start);
    const endMinute = parseClock(window.end);
    if (startMinute === undefined || startMinute === 24 * 60)
      problems.push({ path: `${path}.${index}.start`, message: 'use HH:MM, e.g. 09:30' });
    if (endMinute === undefined)
      problems.push({ path: `${path}.${index}.end`, message: 'use HH:MM, e.g. 12:00' });
    if (startMinute === undefined || endMinute === undefined) return;
    if (endMinute <= startMinute) {
      problems.push({ path: `${path}.${index}.end`, message: 'must be after the start' });
      return;
    }
    parsed.push({ weekday: window.weekday, startMinute, endMinute, index });
  });
  const sorted = [...parsed].sort(
    (a, b) =>
      WEEKDAY_NUMBER[a.weekday] - WEEKDAY_NUMBER[b.weekday] || a.startMinute - b.startMinute,
  );
  for (let k = 1; k < sorted.length; k += 1) {
    const before = sorted[k - 1];
    const after = sorted[k];
    if (before.weekday === after.weekday && after.startMinute < before.endMinute) {
      problems.push({
        path: `${path}.${after.index}`,
        message: `overlaps another ${after.weekday} window`,
      });
    }
  }
  return {
    windows: sorted.map(({ weekday, startMinute, endMinute }) => ({
      weekday,
      startMinute,
      endMinute,
    })),
    problems,
  };
}
