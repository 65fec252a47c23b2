import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, Db, DomainError, KITH_CONFIG, londonDate, londonToUtc } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import type { TieRules } from '../ties/tie-state';
import { EgoScratch, egoMeasures, NO_TIES } from './ego-measures';
import type { NodeAttributes } from './ego-measures';
import { SnapshotRepository } from './snapshot.repository';
import type { SnapshotRow } from './snapshot.repository';
import { TieGraph } from './tie-graph';

/** People read, ties read and snapshots written this many at a time. */
export const SNAPSHOT_BATCH = 5000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 3600_000;

export interface SnapshotOutcome {
  on: string;
  /** The moment it describes: now for today, 02:00 London on that date for a past one. */
  at: Date;
  /** `kept`: today's ties as kept; `contacts`: worked out from the contacts recorded by then. */
  from: 'kept' | 'contacts';
  members: number;
  ties: number;
  isolated: number;
  milliseconds: number;
}

/** 02:00 in London on a YYYY-MM-DD date. */
export function snapshotMoment(on: string): Date {
  const [year, month, day] = on.split('-').map(Number);
  return londonToUtc(year, month, day, 2, 0);
}

/** Whether a YYYY-MM-DD string is a real calendar date. */
function realDate(on: string): boolean {
  if (!DATE.test(on)) return false;
  const d = new Date(`${on}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === on;
}

/**
 * Each member's network measures for a day. The graph of active ties is read a batch of people
 * at a time into typed arrays (tens of bytes a tie), and each member's ego network measured
 * from it; attendance and surveys come from set-based SQL a batch of members at a time, and
 * the rows are written in batches, so memory grows with ties, never with history.
 */
@Injectable()
export class NetworkSnapshotService {
  private readonly logger = new Logger(NetworkSnapshotService.name);
  private readonly rules: TieRules;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly snapshots: SnapshotRepository,
    @Inject(KITH_CONFIG) config: KithConfig,
  ) {
    this.rules = config.ties;
  }

  /** Today's (London) date, or the one given: BAD_USER_INPUT for a malformed or future date. */
  async run(on?: string): Promise<SnapshotOutcome> {
    const now = this.clock.now();
    const today = londonDate(now);
    const date = on ?? today;
    if (!realDate(date))
      throw DomainError.badInput([{ path: 'date', message: 'give a date as YYYY-MM-DD' }]);
    if (date > today)
      throw DomainError.badInput([
        { path: 'date', message: 'a snapshot is of a day that has come' },
      ]);
    // Today's is of the moment it runs (at 02:00 when scheduled); a past day's of 02:00 then.
    return date === today
      ? this.take(date, now, 'kept')
      : this.take(date, snapshotMoment(date), 'contacts');
  }

  /**
   * A snapshot every 7 days from the first activity on record (or `from`) up to today, from the
   * contacts recorded by each date, so the history shows change. Each date as `run` makes it.
   */
  async backfillWeekly(from?: string): Promise<SnapshotOutcome[]> {
    if (from !== undefined && !realDate(from))
      throw DomainError.badInput([{ path: 'from', message: 'give a date as YYYY-MM-DD' }]);
    const today = londonDate(this.clock.now());
    const earliest = await this.firstDate();
    if (!earliest) return [];
    // Never before the first activity on record: nothing could be in those weeks.
    const first = from !== undefined && from > earliest ? from : earliest;
    const outcomes: SnapshotOutcome[] = [];
    for (
      let day = first;
      day <= today;
      day = londonDate(new Date(snapshotMoment(day).getTime() + 7 * DAY_MS))
    ) {
      outcomes.push(await this.run(day));
    }
    return outcomes;
  }

  private async firstDate(): Promise<string | null> {
    const first = await this.snapshots.firstActivity();
    return first ? londonDate(first) : null;
  }

  private async take(on: string, at: Date, from: 'kept' | 'contacts'): Promise<SnapshotOutcome> {
    const started = Date.now();
    const startedAt = await this.snapshots.databaseNow();
    const { index, attributes, codes } = await this.nodes();
    const graph = await this.graph(index, at, from);
    const scratch = new EgoScratch(index.size);
    let members = 0;
    let isolated = 0;
    for (let after: string | null = null; ;) {
      const batch = await this.snapshots.members(after, SNAPSHOT_BATCH, at);
      if (batch.length === 0) break;
      after = batch[batch.length - 1];
      const facts = await this.snapshots.facts(batch, at);
      const rows: SnapshotRow[] = facts.map((f) => {
        const node = index.get(f.personId);
        const usual = new Set(f.usualGroups.map((g) => codes.group(g)));
        // Joined since the people were read: no ties yet.
        const m =
          node === undefined ? NO_TIES : egoMeasures(graph, node, attributes, usual, scratch);
        const alone = m.activeTies === 0 && f.sessions30 === 0;
        if (alone) isolated += 1;
        return {
          personId: f.personId,
          activeTies: m.activeTies,
          tieStrength: m.strength,
          newTies30Days: m.newTies,
          effectiveSize: m.effectiveSize,
          constraint: m.constraint,
          diversity: m.diversity,
          bridgingShare: m.bridgingShare,
          sessions30Days: f.sessions30,
          sessions90Days: f.sessions90,
          groupsTried: f.groupsTried,
          surveyScores: f.surveyScores,
          isolated: alone,
        };
      });
      await this.db.transaction(() => this.snapshots.save(on, rows));
      members += rows.length;
    }
    // A rerun of the day: whoever is no longer a member by then (left, say) loses that day's row.
    await this.snapshots.dropNotRewritten(on, startedAt);
    const outcome: SnapshotOutcome = {
      on,
      at,
      from,
      members,
      ties: graph.neighbours.length / 2,
      isolated,
      milliseconds: Date.now() - started,
    };
    this.logger.log(
      `network snapshot ${on}: ${members} members, ${outcome.ties} active ties, ${isolated} isolated, ${outcome.milliseconds} ms`,
    );
    return outcome;
  }

  /** Every person as a node index, with their attributes as small integer codes. */
  private async nodes(): Promise<{
    index: Map<string, number>;
    attributes: NodeAttributes;
    codes: { group: (slug: string) => number };
  }> {
    const index = new Map<string, number>();
    const wards: number[] = [];
    const ages: number[] = [];
    const groups: number[] = [];
    const helpers: number[] = [];
    const coder = () => {
      const seen = new Map<string, number>();
      return (value: string | null) => {
        if (value === null) return -1;
        let code = seen.get(value);
        if (code === undefined) seen.set(value, (code = seen.size));
        return code;
      };
    };
    const ward = coder();
    const age = coder();
    const group = coder();
    for (let after: string | null = null; ;) {
      const people = await this.snapshots.people(after, SNAPSHOT_BATCH * 4);
      if (people.length === 0) break;
      after = people[people.length - 1].id;
      for (const p of people) {
        index.set(p.id, index.size);
        wards.push(ward(p.ward));
        ages.push(age(p.ageBand));
        groups.push(group(p.group));
        helpers.push(p.helper ? 1 : 0);
      }
    }
    return {
      index,
      attributes: {
        ward: Int32Array.from(wards),
        ageBand: Int32Array.from(ages),
        group: Int32Array.from(groups),
        helper: Uint8Array.from(helpers),
      },
      codes: { group: (slug) => group(slug) },
    };
  }

  private async graph(
    index: Map<string, number>,
    at: Date,
    from: 'kept' | 'contacts',
  ): Promise<TieGraph> {
    const builder = TieGraph.builder(index.size);
    const ids = [...index.keys()];
    for (let i = 0; i < ids.length; i += SNAPSHOT_BATCH) {
      const batch = ids.slice(i, i + SNAPSHOT_BATCH);
      const ties = await this.snapshots.activeTies(batch, at, from, this.rules);
      for (const t of ties) {
        const a = index.get(t.a);
        const b = index.get(t.b);
        if (a !== undefined && b !== undefined) builder.add(a, b, t.strength, t.fresh);
      }
    }
    return builder.build();
  }
}
