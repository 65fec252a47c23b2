import { Inject, Injectable } from '@nestjs/common';
import { AreaService } from '@kith/areas';
import type { AreaRow } from '@kith/areas';
import type { Principal } from '@kith/identity';
import { SurveyInstrumentRepository, UCLA_3 } from '@kith/network';
import { KITH_CONFIG } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { publishFigure, roundTo } from './disclosure';
import type { DisclosureRules, PublishedCount } from './disclosure';
import { classifyChanges, figuresFromMoments, outcomeFigures } from './outcome-statistics';
import type { MeasureFacts } from './outcome-statistics';
import { familyKey, perturbAmount, perturbCount } from './perturbation';
import { NETWORK_MEASURES, OutcomesRepository } from './outcomes.repository';
import type { BaselineRow, CompleterPair } from './outcomes.repository';
import { configuredRules, ReportScope } from './report-scope.service';
import { ParticipationRepository, monthNumbers } from './participation/participation.repository';

/**
 * Published reliabilities (internal consistency), where a measure has one: UCLA-3, Hughes,
 * Waite, Hawkley and Cacioppo (2004), α = 0.72. The others use their sample's own correlation.
 */
const RELIABILITY: Record<string, number> = { [UCLA_3.id]: 0.72 };

/**
 * The smallest change each network measure shows (a tie; a tenth of a 0-to-1 index): the
 * least a sum of changes is perturbed by, so no single change is told exactly.
 */
const NETWORK_UNITS: Record<keyof typeof NETWORK_MEASURES, number> = {
  'network-active-ties': 1,
  'network-diversity': 0.1,
  'network-bridging-share': 0.1,
  'network-effective-size': 1,
};

export interface OutcomeRowView {
  measure: string;
  baselines: PublishedCount;
  completers: PublishedCount;
  completionRate: number | null;
  meanChange: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  effectSize: number | null;
  improved: PublishedCount;
  unchanged: PublishedCount;
  worse: PublishedCount;
}

export interface IsolationPointView {
  month: string;
  members: PublishedCount;
  isolated: PublishedCount;
  isolatedShare: number | null;
}

export interface OutcomesView {
  area: AreaRow;
  from: Date;
  to: Date;
  threshold: number;
  rows: OutcomeRowView[];
  isolation: IsolationPointView[];
}

const HIDDEN: PublishedCount = { value: null, suppressed: true };

/** One instrument or network measure: its completers and baselines across the top area. */
interface Measure {
  measure: string;
  pairs: CompleterPair[];
  baselines: BaselineRow[];
  facts: MeasureFacts;
  /** The least a sum of its changes is perturbed by (a point of a score, a tie, a tenth). */
  unit: number;
  /**
   * The families its people are counted in: the same for the network measures, whose completers
   * and baselines are the same people by their making; each instrument its own.
   */
  people: string;
}

/** The change of the completers of one cell (a month, an area): what it is published from. */
interface ChangeCell {
  month: number;
  areaCode: string;
  count: number;
  key: number;
  sum: number;
  sumOfSquares: number;
  /** The largest change of one person, in size: what the sums' noise is scaled to. */
  largest: number;
  improved: number;
  improvedKey: number;
  worse: number;
  worseKey: number;
}

/** Rows grouped by month and area into cells. */
function cellsOf<T extends { month: number | string; areaId: string }, C>(
  rows: readonly T[],
  empty: () => C,
  add: (cell: C, row: T) => void,
): C[] {
  const cells = new Map<string, C>();
  for (const row of rows) {
    const id = `${row.month}|${row.areaId}`;
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = empty()));
    add(cell, row);
  }
  return [...cells.values()];
}

/**
 * Whether the members Kith serves in an area are less lonely and richer in people they can
 * turn to: for each instrument and network measure, completers (a baseline and a review at
 * least three months on), their mean change with its 95% interval, d_z, and who changed
 * reliably; and the isolation rate month by month. Only ever aggregates, for a commissioner or
 * coordinator of the area (or one around it).
 *
 * Safe against being set against other reports by the cell-key method, as participation is:
 * completers are counted in cells of the month of their review and where they lived at its
 * start, and every figure is a sum of those cells, each perturbed by its people's record keys
 * (counts by the perturbation table; the sums of changes and of their squares by noise scaled
 * to the largest change in the cell). Two periods whose completers differ by one person differ
 * by noise, never by that person's change.
 */
@Injectable()
export class OutcomesService {
  private readonly rules: DisclosureRules;

  constructor(
    private readonly reads: OutcomesRepository,
    private readonly scope: ReportScope,
    private readonly instruments: SurveyInstrumentRepository,
    private readonly participation: ParticipationRepository,
    private readonly areas: AreaService,
    @Inject(KITH_CONFIG) config: KithConfig,
  ) {
    this.rules = configuredRules(config);
  }

  /**
   * The report for an area the principal may read. Read across its top area (who changed
   * reliably is judged against the whole top area's measurement error, so a ward's figures are
   * its cells of the borough's), then the cells of the area's own scope added up.
   */
  async report(principal: Principal, areaId: string, from: Date, to: Date): Promise<OutcomesView> {
    const area = await this.scope.mayRead(principal, areaId, from, to);
    this.scope.reportable(area);
    const root = area.parentId ? await this.rootOf(area) : area;
    const [rootScope, scope] = await Promise.all([
      this.participation.scope(root.id),
      root.id === area.id ? undefined : this.participation.scope(area.id),
    ]);
    const all = rootScope.areaIds;
    const inScope = new Set((scope ?? rootScope).areaIds);
    const [surveyPairs, surveyBaselines, networkPairs, networkBaselines, isolation, instruments] =
      await Promise.all([
        this.reads.surveyPairs(all, to),
        this.reads.surveyBaselines(all, to),
        this.reads.networkPairs(all, to),
        this.reads.networkBaselines(all, to),
        this.reads.isolationByMonth(all, from, to),
        this.instruments.current(),
      ]);
    const measures: Measure[] = [
      ...instruments.map((instrument) => ({
        measure: instrument.id,
        pairs: surveyPairs.filter((p) => p.measure === instrument.id),
        baselines: surveyBaselines.filter((b) => b.measure === instrument.id),
        facts: {
          higherIsBetter: instrument.scoring.higherIs === 'better',
          reliability: RELIABILITY[instrument.id] ?? null,
        },
        // A fixed point of the score, whatever release of the instrument is current.
        unit: 1,
        people: `survey:${instrument.id}`,
      })),
      ...(Object.keys(NETWORK_MEASURES) as (keyof typeof NETWORK_MEASURES)[]).map((measure) => ({
        measure,
        pairs: networkPairs.filter((p) => p.measure === measure),
        baselines: networkBaselines,
        facts: { higherIsBetter: true, reliability: null },
        unit: NETWORK_UNITS[measure],
        people: 'network',
      })),
    ];
    const first = monthNumbers(from, to)[0];
    return {
      area,
      from,
      to,
      threshold: this.rules.threshold,
      rows: measures.map((m) => this.row(m, inScope, first)),
      isolation: this.isolation(isolation.filter((r) => inScope.has(r.areaId))),
    };
  }

  /** The top of the area's tree. */
  private async rootOf(area: AreaRow): Promise<AreaRow> {
    const id = await this.participation.rootOf(area.id);
    return (await this.areas.byIds([id]))[0] ?? area;
  }

  private count(value: number): PublishedCount {
    return value >= this.rules.threshold
      ? { value: roundTo(value, this.rules.roundTo), suppressed: false }
      : HIDDEN;
  }

  /**
   * One measure's row: its completers in the period (their latest review in it) and those with
   * a baseline by its end, in the area's cells; who changed reliably judged against S_diff of
   * every completer of the top area as of the period's end.
   */
  private row(m: Measure, inScope: ReadonlySet<string>, first: number): OutcomeRowView {
    const sEdiff = outcomeFigures(m.pairs, m.facts)?.sEdiff ?? 0;
    const mine = m.pairs.filter((p) => inScope.has(p.areaId) && p.month >= first);
    const cells = cellsOf<CompleterPair, ChangeCell>(
      mine,
      () => ({
        month: 0,
        areaCode: '',
        count: 0,
        key: 0,
        sum: 0,
        sumOfSquares: 0,
        largest: 0,
        improved: 0,
        improvedKey: 0,
        worse: 0,
        worseKey: 0,
      }),
      (cell, p) => {
        const change = p.after - p.before;
        cell.count += 1;
        cell.key += familyKey(p.key, `completers|${m.people}`);
        cell.sum += change;
        cell.sumOfSquares += change * change;
        cell.largest = Math.max(cell.largest, Math.abs(change));
        const c = classifyChanges([p], m.facts.higherIsBetter, sEdiff);
        // Who changed reliably: families of their own per measure, so a cell of one person
        // being equal to its completers tells nothing of how they changed.
        cell.improved += c.improved;
        cell.improvedKey += c.improved * familyKey(p.key, `improved|${m.measure}`);
        cell.worse += c.worse;
        cell.worseKey += c.worse * familyKey(p.key, `worse|${m.measure}`);
        cell.month = p.month;
        cell.areaCode = p.areaCode;
      },
    );
    let n = 0;
    let sum = 0;
    let sumOfSquares = 0;
    let improved = 0;
    let worse = 0;
    for (const cell of cells) {
      const scale = Math.max(m.unit, cell.largest);
      // Each cell (measure, month, area) and moment draws anew, never the draw of another cell
      // of the same people.
      const named = `${m.measure}|${cell.month}|${cell.areaCode}`;
      n += perturbCount(cell.count, cell.key);
      sum += perturbAmount(cell.sum, scale, cell.key, `${named}|sum`);
      sumOfSquares += perturbAmount(cell.sumOfSquares, scale * scale, cell.key, `${named}|squares`);
      improved += perturbCount(cell.improved, cell.improvedKey);
      worse += perturbCount(cell.worse, cell.worseKey);
    }
    const baselineCells = cellsOf<BaselineRow, { count: number; key: number }>(
      m.baselines.filter((b) => inScope.has(b.areaId)),
      () => ({ count: 0, key: 0 }),
      (cell, b) => {
        cell.count += 1;
        cell.key += familyKey(b.key, `baselines|${m.people}`);
      },
    );
    const baselines = this.count(
      baselineCells.reduce((total, c) => total + perturbCount(c.count, c.key), 0),
    );
    const completers = this.count(n);
    const figures = completers.suppressed
      ? undefined
      : figuresFromMoments({ n, sum, sumOfSquares });
    return {
      measure: m.measure,
      baselines,
      completers,
      completionRate:
        baselines.value && completers.value !== null ? completers.value / baselines.value : null,
      meanChange: publishFigure(figures?.meanChange ?? null, n, this.rules),
      ciLow: publishFigure(figures?.ciLow ?? null, n, this.rules),
      ciHigh: publishFigure(figures?.ciHigh ?? null, n, this.rules),
      effectSize: publishFigure(figures?.effectSize ?? null, n, this.rules),
      improved: completers.suppressed ? HIDDEN : this.count(improved),
      // The completers less those who changed reliably: from the perturbed figures, so its
      // people's own key is never drawn on a second time.
      unchanged: completers.suppressed ? HIDDEN : this.count(n - improved - worse),
      worse: completers.suppressed ? HIDDEN : this.count(worse),
    };
  }

  /** Each month: members snapshotted and isolated, each a sum of perturbed cells. */
  private isolation(
    rows: readonly {
      month: string;
      members: number;
      membersKey: number;
      isolated: number;
      isolatedKey: number;
    }[],
  ): IsolationPointView[] {
    const months = [...new Set(rows.map((r) => r.month))];
    return months.map((month) => {
      const inMonth = rows.filter((r) => r.month === month);
      const members = this.count(
        inMonth.reduce((n, r) => n + perturbCount(r.members, r.membersKey), 0),
      );
      const isolated = this.count(
        inMonth.reduce((n, r) => n + perturbCount(r.isolated, r.isolatedKey), 0),
      );
      return {
        month,
        members,
        isolated,
        isolatedShare:
          isolated.value !== null && members.value ? isolated.value / members.value : null,
      };
    });
  }
}
