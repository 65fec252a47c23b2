import { Inject, Injectable } from '@nestjs/common';
import { AreaService } from '@kith/areas';
import type { AreaRow } from '@kith/areas';
import type { Principal } from '@kith/identity';
import { SurveyInstrumentRepository, UCLA_3 } from '@kith/network';
import { KITH_CONFIG } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { publishFigure, suppressCounts } from './disclosure';
import type { DisclosureRules, PublishedCount, PublishedTable } from './disclosure';
import { classifyChanges, outcomeFigures } from './outcome-statistics';
import type { MeasureFacts } from './outcome-statistics';
import { NETWORK_MEASURES, OutcomesRepository } from './outcomes.repository';
import { configuredRules, ReportScope } from './report-scope.service';
import type { CompleterPair, IsolationMonth } from './outcomes.repository';
import { ParticipationRepository } from './participation/participation.repository';

/**
 * Published reliabilities (internal consistency), where a measure has one: UCLA-3, Hughes,
 * Waite, Hawkley and Cacioppo (2004), α = 0.72. The others use their sample's own correlation.
 */
const RELIABILITY: Record<string, number> = { [UCLA_3.id]: 0.72 };

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

/** A month's isolation as published: the share only from published figures. */
function isolationPoint(
  month: string,
  isolated: PublishedCount,
  members: PublishedCount,
): IsolationPointView {
  return {
    month,
    members,
    isolated,
    isolatedShare: isolated.value !== null && members.value ? isolated.value / members.value : null,
  };
}

/** A measure's row where too few completers are shown for any figure about them. */
function withoutFigures(
  measure: string,
  baselines: PublishedCount,
  completers: PublishedCount,
): OutcomeRowView {
  return {
    measure,
    baselines,
    completers,
    completionRate: null,
    meanChange: null,
    ciLow: null,
    ciHigh: null,
    effectSize: null,
    improved: HIDDEN,
    unchanged: HIDDEN,
    worse: HIDDEN,
  };
}

/** One instrument or network measure: its completers' pairs and baselines, by ward. */
interface Measure {
  measure: string;
  pairs: CompleterPair[];
  baselines: { ward?: string | null; baselines: number }[];
  facts: MeasureFacts;
}

/**
 * Whether the members Kith serves in an area are less lonely and richer in people they can
 * turn to: for each instrument and network measure, completers (a baseline and a review at
 * least three months on), their mean change with its 95% interval, d_z, and who changed
 * reliably; and the isolation rate month by month. Only ever aggregates, and only those that
 * pass disclosure control; only for a commissioner or coordinator of the area (or one around it).
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
   * The report for an area the principal may read. A ward's is cut from its borough's (the top
   * of the area's tree): its counts from the borough's tables by ward, suppressed once, so the
   * borough's report less its other wards' tells nothing the borough's tables hide; who changed
   * reliably is judged against the borough's measurement error, so the wards add up to it.
   */
  async report(principal: Principal, areaId: string, from: Date, to: Date): Promise<OutcomesView> {
    const area = await this.scope.mayRead(principal, areaId, from, to);
    this.scope.reportable(area);
    const root = area.parentId ? await this.rootOf(area) : area;
    const sliced = area.kind === 'ward' && root.id !== area.id;
    const source = sliced ? root : area;
    const [surveyPairs, surveyBaselines, networkPairs, networkBaselines, months, instruments] =
      await Promise.all([
        this.reads.surveyPairs(source.id, from, to),
        this.reads.surveyBaselines(source.id, to),
        this.reads.networkPairs(source.id, from, to),
        this.reads.networkBaselines(source.id, to),
        this.reads.isolationByMonth(source.id, from, to),
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
      })),
      ...Object.keys(NETWORK_MEASURES).map((measure) => ({
        measure,
        pairs: networkPairs.filter((p) => p.measure === measure),
        baselines: networkBaselines,
        facts: { higherIsBetter: true, reliability: null },
      })),
    ];
    const whole = measures.map((m) =>
      this.row(
        m.measure,
        m.baselines.reduce((n, b) => n + b.baselines, 0),
        m.pairs,
        m.facts,
      ),
    );
    const byMonth = [...new Set(months.map((m) => m.month))].map((month) => {
      const rows = months.filter((m) => m.month === month);
      return {
        month,
        members: rows.reduce((n, r) => n + r.members, 0),
        isolated: rows.reduce((n, r) => n + r.isolated, 0),
      };
    });
    const isolation = this.isolation(byMonth);
    const view = { area, from, to, threshold: this.rules.threshold };
    if (!sliced) return { ...view, rows: whole, isolation: isolation.points };
    const wards = await this.wardKeys(root);
    return {
      ...view,
      rows: measures.map((m, i) => this.wardRow(m, whole[i], wards, area.id)),
      isolation: this.wardIsolation(months, byMonth, isolation.table, wards, area.id),
    };
  }

  /** The top of the area's tree. */
  private async rootOf(area: AreaRow): Promise<AreaRow> {
    const id = await this.participation.rootOf(area.id);
    return (await this.areas.byIds([id]))[0] ?? area;
  }

  /** The borough's wards, by name, and (unless it is a ward) its members outside them. */
  private async wardKeys(root: AreaRow): Promise<(string | null)[]> {
    const scope = await this.participation.scope(root.id);
    const wards = (await this.participation.wards(scope)).map((w) => w.id);
    return root.kind === 'ward' ? wards : [...wards, null];
  }

  /**
   * A ward's row of a measure from its borough's tables: completers and those not (yet) with
   * a review, by ward, whose totals are the borough's as published; who changed reliably, by
   * ward, whose totals are the borough's and whose rows are the wards' completers. Means only
   * from a ward's published completers (ten or more).
   */
  private wardRow(
    m: Measure,
    whole: OutcomeRowView,
    wards: (string | null)[],
    ward: string,
  ): OutcomeRowView {
    const at = wards.indexOf(ward);
    const pairsOf = (w: string | null) => m.pairs.filter((p) => (p.ward ?? null) === w);
    const completers = wards.map((w) => pairsOf(w).length);
    const baselines = wards.map((w) =>
      m.baselines.filter((b) => (b.ward ?? null) === w).reduce((n, b) => n + b.baselines, 0),
    );
    const bothShown = !whole.completers.suppressed && !whole.baselines.suppressed;
    const people = suppressCounts(
      wards.map((_, i) => [completers[i], Math.max(0, baselines[i] - completers[i])]),
      this.rules,
      {
        // The borough's completers, and those not completed as its baselines less them.
        columnTotals: [whole.completers.suppressed, bothShown ? false : undefined],
        total: whole.baselines.suppressed,
      },
    );
    const mine = pairsOf(ward);
    const shown = !people.cells[at][0].suppressed;
    const figures = shown ? outcomeFigures(mine, m.facts) : undefined;
    const hidden = withoutFigures(m.measure, people.rowTotals[at], people.cells[at][0]);
    if (!figures) return hidden;
    // Reliable change against the borough's S_diff, so the wards' counts add up to its own.
    const all = outcomeFigures(m.pairs, m.facts);
    if (!all) return hidden;
    const changed = suppressCounts(
      wards.map((w) => {
        const c = classifyChanges(pairsOf(w), m.facts.higherIsBetter, all.sEdiff);
        return [c.improved, c.unchanged, c.worse];
      }),
      this.rules,
      {
        rowTotals: people.cells.map((c) => c[0].suppressed),
        columnTotals: [
          whole.improved.suppressed,
          whole.unchanged.suppressed,
          whole.worse.suppressed,
        ],
        total: whole.completers.suppressed,
      },
    );
    const [improved, unchanged, worse] = changed.cells[at];
    const n = figures.completers;
    const base = people.rowTotals[at];
    const count = people.cells[at][0];
    return {
      measure: m.measure,
      baselines: base,
      completers: count,
      completionRate: base.value && count.value !== null ? count.value / base.value : null,
      meanChange: publishFigure(figures.meanChange, n, this.rules),
      ciLow: publishFigure(figures.ciLow, n, this.rules),
      ciHigh: publishFigure(figures.ciHigh, n, this.rules),
      effectSize: publishFigure(figures.effectSize, n, this.rules),
      improved,
      unchanged,
      worse,
    };
  }

  /**
   * A ward's isolation month by month from its borough's: each month a table of wards by
   * isolated and not, whose totals are the borough's month as published.
   */
  private wardIsolation(
    months: readonly IsolationMonth[],
    byMonth: readonly { month: string; members: number; isolated: number }[],
    borough: PublishedTable | undefined,
    wards: (string | null)[],
    ward: string,
  ): IsolationPointView[] {
    const at = wards.indexOf(ward);
    return byMonth.map((month, i) => {
      const rows = wards.map((w) => {
        const row = months.find((m) => m.month === month.month && (m.ward ?? null) === w);
        return [row?.isolated ?? 0, (row?.members ?? 0) - (row?.isolated ?? 0)];
      });
      const table = suppressCounts(rows, this.rules, {
        columnTotals: borough
          ? [borough.cells[i][0].suppressed, borough.cells[i][1].suppressed]
          : undefined,
        total: borough?.rowTotals[i].suppressed,
      });
      return isolationPoint(month.month, table.cells[at][0], table.rowTotals[at]);
    });
  }

  private row(
    measure: string,
    baselines: number,
    pairs: readonly CompleterPair[],
    facts: MeasureFacts,
  ): OutcomeRowView {
    const mine = pairs.filter((p) => p.measure === measure);
    const figures = outcomeFigures(mine, facts);
    // Those with a baseline who are not (yet) completers are people too: a small number of them
    // hides the baselines.
    const notCompleted = baselines - mine.length;
    const base =
      notCompleted > 0 && notCompleted < this.rules.threshold ? HIDDEN : this.count(baselines);
    if (!figures || mine.length < this.rules.threshold)
      return withoutFigures(
        measure,
        base,
        mine.length === 0 && !this.rules.zerosReveal ? { value: 0, suppressed: false } : HIDDEN,
      );
    // Who improved, stayed and worsened, with the completers as their total: one table, so no
    // hidden count can be worked out from the others and the total.
    // A column of three with the completers as its total (not a row: a row's column totals
    // would be the cells again, and hiding one would hide them all).
    const table = suppressCounts(
      [[figures.improved], [figures.unchanged], [figures.worse]],
      this.rules,
    );
    const [[improved], [unchanged], [worse]] = table.cells;
    const n = figures.completers;
    return {
      measure,
      baselines: base,
      completers: table.total,
      // From the published figures, so a rounded table is not undone by an exact rate.
      completionRate:
        base.value && table.total.value !== null ? table.total.value / base.value : null,
      meanChange: publishFigure(figures.meanChange, n, this.rules),
      ciLow: publishFigure(figures.ciLow, n, this.rules),
      ciHigh: publishFigure(figures.ciHigh, n, this.rules),
      effectSize: publishFigure(figures.effectSize, n, this.rules),
      improved,
      unchanged,
      worse,
    };
  }

  private count(value: number): PublishedCount {
    return suppressCounts([[value]], this.rules).total;
  }

  /** Each month: members snapshotted and isolated, as one table (isolated, not) by month. */
  private isolation(months: readonly { month: string; members: number; isolated: number }[]): {
    points: IsolationPointView[];
    table: PublishedTable | undefined;
  } {
    if (months.length === 0) return { points: [], table: undefined };
    const table = suppressCounts(
      months.map((m) => [m.isolated, m.members - m.isolated]),
      this.rules,
    );
    return {
      table,
      points: months.map((m, i) => isolationPoint(m.month, table.cells[i][0], table.rowTotals[i])),
    };
  }
}
