import { Injectable } from '@nestjs/common';
import { ActivityService } from '@kith/community';
import type { Principal } from '@kith/identity';
import { Clock, DomainError, isUuid, Problems } from '@kith/platform';
import { UCLA_3 } from '../surveys/shipped-instruments';
import { TieService } from '../ties/tie.service';
import type { ContactRow } from '../ties/tie.repository';
import { networkGains } from './network-gains';
import type { GainLanguage, NetworkGain } from './network-gains';
import { MyNetworkRepository } from './my-network.repository';
import type { AtRiskRow, NetworkPointRow } from './my-network.repository';

/** A year of weekly points at most. */
export const HISTORY_POINTS = 53;
export const AT_RISK_MAX = 200;
/** The most reasons riskReasons gives one member (isolated or stopped, fewer ties, lonelier). */
export const RISK_REASONS_MAX = 3;

export interface MyNetworkView {
  contacts: ContactRow[];
  gains: NetworkGain[];
  history: NetworkPointRow[];
}

export interface RiskReason {
  code: string;
  text: string;
  weight: number;
}

export interface MemberAtRisk {
  personId: string;
  displayName: string;
  reasons: RiskReason[];
  lastAttendedAt: Date | null;
}

/** Why a coordinator might call, in plain words for them (never shown to the member). */
export function riskReasons(row: AtRiskRow): RiskReason[] {
  const reasons: RiskReason[] = [];
  if (row.isolated)
    reasons.push({
      code: 'ISOLATED',
      text: 'No active ties and no sessions in the last 30 days',
      weight: 1,
    });
  else if (row.sessions30 === 0 && row.sessions90 > 0)
    reasons.push({
      code: 'STOPPED_ATTENDING',
      text: `Came to ${row.sessions90} session${row.sessions90 === 1 ? '' : 's'} in the last 90 days, none in the last 30`,
      weight: 0.8,
    });
  if (row.activeTiesBefore !== null && row.activeTies <= row.activeTiesBefore - 2)
    reasons.push({
      code: 'FEWER_TIES',
      text: `Active ties fell from ${row.activeTiesBefore} to ${row.activeTies} in about four weeks`,
      weight: 0.6,
    });
  if (
    row.lonelinessNow !== null &&
    row.lonelinessBefore !== null &&
    row.lonelinessNow >= row.lonelinessBefore + 2
  )
    reasons.push({
      code: 'LONELIER',
      text: `Their loneliness score (UCLA, 3 to 9) rose from ${row.lonelinessBefore} to ${row.lonelinessNow}`,
      weight: 0.6,
    });
  return reasons;
}

/**
 * A member's own network, as they see it: their contacts and circles, what they have gained in
 * plain words, their history as points. And, for a coordinator of an area, the members there
 * drifting into isolation, with the reasons, so that someone can call.
 */
@Injectable()
export class MyNetworkService {
  constructor(
    private readonly clock: Clock,
    private readonly ties: TieService,
    private readonly reads: MyNetworkRepository,
    private readonly activities: ActivityService,
  ) {}

  async mine(principal: Principal, language: GainLanguage): Promise<MyNetworkView> {
    const now = this.clock.now();
    const [contacts, ties, history, activity, resourcesGained] = await Promise.all([
      this.ties.contacts(principal),
      // Gains count every tie, those nobody confirmed too: a count names nobody.
      this.ties.tieFacts(principal),
      this.reads.history(principal.personId, HISTORY_POINTS),
      this.reads.activity(principal.personId, now),
      this.reads.itemsGained(principal.personId, 'kith-resources'),
    ]);
    const gains = networkGains(
      {
        contacts: ties,
        sessionsLast30: activity.last30,
        sessionsPrevious30: activity.previous30,
        groupsTriedNow: activity.groupsNow,
        groupsTriedAtFirst: activity.groupsAtFirst,
        resourcesGained,
      },
      now,
      language,
    );
    return { contacts, gains, history };
  }

  /** FORBIDDEN unless the caller coordinates the area (or one around it). */
  async atRisk(principal: Principal, areaId: string, first: number): Promise<MemberAtRisk[]> {
    const problems = new Problems();
    problems.intRange(first, 'first', 1, AT_RISK_MAX);
    problems.throwIfAny();
    if (!isUuid(areaId)) throw DomainError.notFound('Area');
    await this.activities.assertCoordinates(principal, areaId);
    const rows = await this.reads.atRisk(areaId, first, UCLA_3.id);
    return rows.map((row) => ({
      personId: row.personId,
      displayName: row.displayName,
      reasons: riskReasons(row),
      lastAttendedAt: row.lastAttendedAt,
    }));
  }
}
