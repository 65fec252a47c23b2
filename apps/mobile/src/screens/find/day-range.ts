/** The days a member can look at, in London wall time whatever the phone's zone. */
export const DAY_CHOICES = ['today', 'tomorrow', 'thisWeek', 'nextWeek'] as const;
export type DayChoice = (typeof DAY_CHOICES)[number];

export interface DayRange {
  /** The first London midnight of the choice, as an ISO instant. */
  from: string;
  /** The London midnight after the last day of the choice. */
  to: string;
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function partsOf(instant: Date): CalendarDay & { hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    londonParts.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
  );
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far London's clock is ahead of UTC at that instant (0 in winter, an hour in summer). */
function londonOffsetMs(instant: Date): number {
  const p = partsOf(instant);
  const asIfUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asIfUtc - (instant.getTime() - instant.getUTCMilliseconds());
}

/** The instant London's clock reads midnight on that day, `plusDays` later. */
function londonMidnight({ year, month, day }: CalendarDay, plusDays: number): Date {
  const utcMidnight = Date.UTC(year, month - 1, day + plusDays);
  // The clocks change at 01:00 UTC, so the offset at UTC midnight is the one at London midnight.
  return new Date(utcMidnight - londonOffsetMs(new Date(utcMidnight)));
}

/** The London days a choice covers: a week runs Monday to Sunday. */
export function dayRange(choice: DayChoice, now: Date): DayRange {
  const today = partsOf(now);
  // 0 on Monday … 6 on Sunday.
  const weekday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7;
  const nextMonday = 7 - weekday;
  const [start, end] = ((): [number, number] => {
    switch (choice) {
      case 'today':
        return [0, 1];
      case 'tomorrow':
        return [1, 2];
      case 'thisWeek':
        return [0, nextMonday];
      case 'nextWeek':
        return [nextMonday, nextMonday + 7];
    }
  })();
  return {
    from: londonMidnight(today, start).toISOString(),
    to: londonMidnight(today, end).toISOString(),
  };
}
