/**
 * The minutes a helper has given or agreed to give in the last seven days, as one SQL scalar
 * over `helperId` (a column or a parameter): the weekly limit's measure. One text, so the
 * eligibility rule read one helper at a time (assignHelper) and many at once (helperMatches, in
 * matching's repository) can never count differently.
 */
export function helperMinutesThisWeekSql(helperId: string): string {
  return `(SELECT COALESCE(sum(COALESCE(a.minutes, q.duration_minutes)), 0)::int
             FROM help_assignment a JOIN help_request q ON q.id = a.request_id
            WHERE a.helper_id = ${helperId} AND a.status IN ('ACCEPTED', 'COMPLETED')
              AND a.created_at > now() - interval '7 days')`;
}
