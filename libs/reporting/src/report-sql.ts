/**
 * SQL fragments every report's reads share: London months as numbers, and where a member lived
 * (a read of community's history of homes, `member_home`, which reporting never writes).
 */

/** A London month as one number: year * 12 + month - 1. */
export const MONTH_NUMBER = (column: string) =>
  `(extract(year FROM ${column} AT TIME ZONE 'Europe/London')::int * 12 + extract(month FROM ${column} AT TIME ZONE 'Europe/London')::int - 1)`;

/** The first instant of a numbered London month. */
export const MONTH_START = (number: string) =>
  `make_timestamptz((${number}) / 12, (${number}) % 12 + 1, 1, 0, 0, 0, 'Europe/London')`;

/**
 * Where a member lived at an instant: the area of the home they had then, by community's history
 * of homes (none before their first). Reports count a member where they lived at the start of
 * each month, so a move changes no month already over.
 */
export const HOME_AT = (person: string, at: string) =>
  `(SELECT h.area_id FROM member_home h WHERE h.person_id = ${person} AND h.from_at <= ${at}
     ORDER BY h.from_at DESC LIMIT 1)`;
