import { Inject, Injectable } from '@nestjs/common';
import type { AreaRow } from '@kith/areas';
import type { Principal } from '@kith/identity';
import { SurveyInstrumentRepository, UCLA_3 } from '@kith/network';
import { KITH_CONFIG } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { publishFigure, suppressCounts } from './disclosure';
import type { DisclosureRules, PublishedCount } from './disclosure';
import { outcomeFigures } from './outcome-statistics';
import type { MeasureFacts } from './outcome-statistics';
import { NETWORK_MEASURES, OutcomesRepository } from './outcomes.repository';
import { configuredRules, ReportScope } from './report-scope.service';
import type { CompleterPair } from './outcomes.repository';

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
    @Inject(KITH_CONFIG) config: KithConfig,
  ) {
    this.rules = configuredRules(config);
  }

  async report(principal: Principal, areaId: string, from: Date, to: Date): Promise<OutcomesView> {
    const area = await this.scope.mayRead(principal, areaId, from, to);
    const [surveyPairs, surveyBaselines, networkPairs, networkBaselines, months, instruments] =
      await Promise.all([
        this.reads.surveyPairs(area.id, from, to),
        this.reads.surveyBaselines(area.id, to),
        this.reads.networkPairs(area.id, from, to),
        this.reads.networkBaselines(area.id, to),
        this.reads.isolationByMonth(area.id, from, to),
        this.instruments.current(),
      ]);
    const rows: OutcomeRowView[] = [];
    for (const instrument of instruments) {
      const baselines = surveyBaselines.find((b) => b.measure === instrument.id)?.baselines ?? 0;
      rows.push(
        this.row(instrument.id, baselines, surveyPairs, {
          higherIsBetter: instrument.scoring.higherIs === 'better',
          reliability: RELIABILITY[instrument.id] ?? null,
        }),
      );
    }
    for (const measure of Object.keys(NETWORK_MEASURES))
      rows.push(
        this.row(measure, networkBaselines, networkPairs, {
          higherIsBetter: true,
          reliability: null,
        }),
      );
    return {
      area,
      from,
      to,
      threshold: this.rules.threshold,
      rows,
      isolation: this.isolation(months),
    };
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
      return {
        measure,
        baselines: base,
        completers:
          mine.length === 0 && !this.rules.zerosReveal ? { value: 0, suppressed: false } : HIDDEN,
        completionRate: null,
        meanChange: null,
        ciLow: null,
        ciHigh: null,
        effectSize: null,
        improved: HIDDEN,
        unchanged: HIDDEN,
        worse: HIDDEN,
      };
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
  private isolation(
    months: readonly { month: string; members: number; isolated: number }[],
  ): IsolationPointView[] {
    if (months.length === 0) return [];
    const table = suppressCounts(
      months.map((m) => [m.isolated, m.members - m.isolated]),
      this.rules,
    );
    return months.map((m, i) => {
      const isolated = table.cells[i][0];
      const members = table.rowTotals[i];
      return {
        month: m.month,
        members,
        isolated,
        isolatedShare:
          isolated.value !== null && members.value ? isolated.value / members.value : null,
      };
    });
  }
}
