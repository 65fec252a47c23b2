/** People's time is Europe/London wall time; storage is UTC. These convert between the two. */

export const LONDON = 'Europe/London';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
});

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 1 = Monday … 7 = Sunday
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formattedWallTime(instant: Date): WallTime {
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday],
  };
}

const HOUR_MS = 3600 * 1000;
const OFFSETS_KEPT = 50_000;
const offsetByHour = new Map<number, number>();

/**
 * London's offset from UTC during one UTC hour. London's clocks change only on the hour (01:00
 * UTC), so one formatted instant per hour gives every instant in it; formatting each instant
 * cost matching a tenth of its CPU under load.
 */
function offsetOfHour(hour: number): number {
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const w = formattedWallTime(new Date(start));
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start;
    if (offsetByHour.size >= OFFSETS_KEPT) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The London wall time of an instant. */
export function londonWallTime(instant: Date): WallTime {
  const ms = instant.getTime();
  const wall = new Date(ms + offsetOfHour(Math.floor(ms / HOUR_MS)));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(),
  };
}

/** The London month of an instant as one number, year * 12 + month - 1 (what reports count by). */
export function londonMonthNumber(instant: Date): number {
  const w = londonWallTime(instant);
  return w.year * 12 + w.month - 1;
}

/** London's offset from UTC at an instant, in milliseconds (0 in winter, 3,600,000 in summer). */
export function londonOffsetMs(instant: Date): number {
  return offsetOfHour(Math.floor(instant.getTime() / HOUR_MS));
}

const DAY_MS = 24 * 3600 * 1000;

function wallMs(instant: number): number {
  const w = londonWallTime(new Date(instant));
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/**
 * The instant at which London's clocks show this wall time. A time shown twice (the autumn
 * change) gives the first; a time the clocks skip (the spring change) gives the hour after.
 */
export function londonToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const offsets = [
    ...new Set([londonOffsetMs(new Date(wall - DAY_MS)), londonOffsetMs(new Date(wall + DAY_MS))]),
  ];
  const matches = offsets
    .map((offset) => wall - offset)
    .filter((candidate) => wallMs(candidate) === wall)
    .sort((a, b) => a - b);
  return new Date(matches[0] ?? wall - Math.min(...offsets));
}

/** A "floating" date: the London wall time written into UTC fields, as rrule expects. */
export function toFloating(instant: Date): Date {
  const w = londonWallTime(instant);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

export function fromFloating(floating: Date): Date {
  return londonToUtc(
    floating.getUTCFullYear(),
    floating.getUTCMonth() + 1,
    floating.getUTCDate(),
    floating.getUTCHours(),
    floating.getUTCMinutes(),
  );
}

/** The date in London of an instant, as YYYY-MM-DD: what "on 1 December" means to people here. */
export function londonDate(instant: Date): string {
  const { year, month, day } = londonWallTime(instant);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Midnight in London at the start of a YYYY-MM-DD date, as an instant. */
export function londonMidnight(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return londonToUtc(year, month, day, 0, 0);
}
