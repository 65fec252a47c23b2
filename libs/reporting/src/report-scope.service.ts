import { Inject, Injectable } from '@nestjs/common';
import { AreaService } from '@kith/areas';
import type { AreaRow } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import {
  Clock,
  DomainError,
  isUuid,
  KITH_CONFIG,
  RateLimiter,
  londonDate,
  londonMidnight,
  londonWallTime,
  Problems,
} from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import type { DisclosureRules } from './disclosure';

const DAY_MS = 24 * 3600_000;
/** The longest period a report covers. */
export const LONGEST_PERIOD_DAYS = 5 * 366;

/** Who may read which area's reports, for which periods: checked before anything is read. */
@Injectable()
export class ReportScope {
  constructor(
    private readonly areas: AreaService,
    private readonly people: PersonService,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  /**
   * The area, if the caller may read its report for the period: NOT_FOUND for no such area,
   * FORBIDDEN outside their scope, BAD_USER_INPUT for the period. Nothing is read of members.
   */
  async mayRead(principal: Principal, areaId: string, from: Date, to: Date): Promise<AreaRow> {
    // A bad period is told before anything is read or counted against the caller's hour.
    checkPeriod(from, to, this.clock.now());
    await this.withinLimit(principal);
    return this.inScope(principal, areaId);
  }

  /**
   * RATE_LIMITED past REPORTS_PER_HOUR tables an hour for one person, refused or not: each is a
   * heavy read, and thousands of them are how reports would be set against each other.
   */
  private async withinLimit(principal: Principal): Promise<void> {
    const perHour = this.config.rateLimits.reportsPerHour;
    const verdict = await this.limiter.consume('report', principal.personId, perHour, 3600);
    if (!verdict.allowed)
      throw DomainError.rateLimited(
        `At most ${perHour} report tables an hour; try again later`,
        verdict.retryAfterSeconds,
      );
  }

  /**
   * BAD_USER_INPUT for an area that is neither the top of its tree (a borough) nor a ward:
   * its figures, set against its wards' (cut from the top's tables), could tell a hidden ward.
   */
  reportable(area: AreaRow): void {
    if (area.parentId && area.kind !== 'ward')
      throw DomainError.badInput(
        [
          {
            path: 'areaId',
            message:
              'reports are for an area at the top of its tree (a borough) or for one of its wards',
          },
        ],
        'There is no report for this area',
      );
  }

  private async inScope(principal: Principal, areaId: string): Promise<AreaRow> {
    const [area] = isUuid(areaId) ? await this.areas.byIds([areaId]) : [];
    if (!area) throw DomainError.notFound('Area');
    const [commissions, coordinates] = await Promise.all([
      this.people.holdsRoleIn(principal.personId, Role.COMMISSIONER, area.id),
      this.people.holdsRoleIn(principal.personId, Role.COORDINATOR, area.id),
    ]);
    if (!commissions && !coordinates)
      throw DomainError.forbidden(
        'Reports are for the commissioners and coordinators of this area',
      );
    return area;
  }
}

/** The first instant of a month on London's clocks. */
function monthStart(at: Date): boolean {
  const w = londonWallTime(at);
  return (
    w.day === 1 && w.hour === 0 && w.minute === 0 && w.second === 0 && at.getUTCMilliseconds() === 0
  );
}

/**
 * BAD_USER_INPUT for a period that ends before it starts, spans more than five years, or does
 * not run from the start of a month to the start of a month (London): whole months only, so
 * two reports a day apart cannot be subtracted to tell about the one person between them.
 */
export function checkPeriod(from: Date, to: Date, now: Date): void {
  const problems = new Problems();
  problems.check(!Number.isNaN(from.getTime()), 'from', 'must be a date and time');
  problems.check(!Number.isNaN(to.getTime()), 'to', 'must be a date and time');
  problems.throwIfAny();
  const whole = 'reports cover whole months: give the first day of a month, 00:00 London';
  problems.check(monthStart(from), 'from', whole);
  problems.check(monthStart(to), 'to', whole);
  problems.check(to > from, 'to', 'the period must end after it starts');
  // A month still under way changes day by day: two reports a day apart would tell of one day.
  problems.check(
    to <= londonMidnight(`${londonDate(now).slice(0, 7)}-01`),
    'to',
    'a report ends by the start of this month: the months it covers must be over',
  );
  problems.check(
    to.getTime() - from.getTime() <= LONGEST_PERIOD_DAYS * DAY_MS,
    'to',
    'a report covers at most five years',
  );
  problems.throwIfAny();
}

/** The disclosure rules the operator configured: what every report publishes through. */
export function configuredRules(config: KithConfig): DisclosureRules {
  return {
    threshold: config.reports.threshold,
    zerosReveal: true,
    roundTo: config.reports.roundTo,
  };
}
