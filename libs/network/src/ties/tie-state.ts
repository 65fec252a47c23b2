/** What a tie carries that its state is worked out from. */
export interface TieFacts {
  /** Faded to the last contact. */
  weight: number;
  contactDays: number;
  firstContactAt: Date;
  lastContactAt: Date;
}

export interface TieRules {
  halfLifeDays: number;
  /** Dormant once the time since the last contact exceeds this many usual gaps. */
  dormantGaps: number;
}

const DAY_MS = 24 * 3600_000;
/**
 * The usual gap of a tie with contact on one day only: taken as a fortnight, so a tie met once
 * is dormant after 8 × 14 = 112 days (16 weeks) without another contact.
 */
export const SINGLE_CONTACT_GAP_DAYS = 14;

/**
 * The shortest usual gap: a week, so a tie seen on two days in a row is not dormant eight days
 * later (a weekly group's ties are dormant after 8 weeks without contact).
 */
export const SHORTEST_GAP_DAYS = 7;

/** The mean time between its days of contact (or the single-contact gap), at least a week. */
export function usualGapMs(tie: TieFacts): number {
  if (tie.contactDays < 2) return SINGLE_CONTACT_GAP_DAYS * DAY_MS;
  const span = tie.lastContactAt.getTime() - tie.firstContactAt.getTime();
  return Math.max(span / (tie.contactDays - 1), SHORTEST_GAP_DAYS * DAY_MS);
}

export function isDormant(tie: TieFacts, at: Date, rules: TieRules): boolean {
  return at.getTime() - tie.lastContactAt.getTime() > rules.dormantGaps * usualGapMs(tie);
}

/** Its weight at `at`: halved for every half-life since the last contact. */
export function strengthAt(tie: TieFacts, at: Date, rules: TieRules): number {
  const days = Math.max(0, at.getTime() - tie.lastContactAt.getTime()) / DAY_MS;
  return tie.weight * Math.pow(0.5, days / rules.halfLifeDays);
}

/**
 * The same two rules in SQL, for set-based reads of many ties: `t` a row with weight,
 * contact_days, first_contact_at and last_contact_at; `at` the moment as SQL; `halfLife` (days)
 * and `gaps` SQL numbers.
 */
export function dormantSql(t: string, at: string, gaps: string): string {
  return `(${at} - ${t}.last_contact_at) > ${gaps} * CASE WHEN ${t}.contact_days < 2 THEN interval '${SINGLE_CONTACT_GAP_DAYS} days'
      ELSE GREATEST((${t}.last_contact_at - ${t}.first_contact_at) / (${t}.contact_days - 1), interval '${SHORTEST_GAP_DAYS} days') END`;
}

export function strengthSql(t: string, at: string, halfLife: string): string {
  return `(${t}.weight * power(0.5, GREATEST(extract(epoch FROM ${at} - ${t}.last_contact_at), 0) / 86400.0 / ${halfLife}))`;
}
