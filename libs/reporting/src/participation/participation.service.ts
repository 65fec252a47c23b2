import { Inject, Injectable } from '@nestjs/common';
import { AreaService } from '@kith/areas';
import type { AreaRow } from '@kith/areas';
import { AGE_BANDS, EQUALITY_QUESTIONS, InterestCatalogue } from '@kith/community';
import type { InterestRow } from '@kith/community';
import type { Principal } from '@kith/identity';
import {
  Clock,
  Db,
  DomainError,
  JobName,
  JobOutbox,
  KITH_CONFIG,
  londonMidnight,
} from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { publishFigure, suppressCounts } from '../disclosure';
import type { DisclosureRules, PublishedCount, SettledMargins } from '../disclosure';
import { configuredRules, ReportScope } from '../report-scope.service';
import { monthNumbers, ParticipationRepository } from './participation.repository';
import type { Figures, GroupKey, Grouping, Period, Scope } from './participation.repository';

export const GROUPINGS: readonly Grouping[] = ['MONTH', 'WARD', 'INTEREST_GROUP'];

/** The counts of people (or of what people did) a row carries, each suppressed as a table. */
export const PARTICIPATION_COUNTS = [
  'attendances',
  'participants',
  'newMembers',
  'firstTimers',
  'returnedWithin30Days',
  'reached3Months',
  'activeAt3Months',
  'reached6Months',
  'activeAt6Months',
  'helpFulfilled',
] as const;
export type ParticipationCount = (typeof PARTICIPATION_COUNTS)[number];

export type ParticipationRowView = Record<ParticipationCount, PublishedCount> & {
  month: string | null;
  ward: AreaRow | null;
  /** The row of members living in the area but in none of its wards. */
  outsideWards: boolean;
  interest: InterestRow | null;
  /** Sessions are not people: published as they are. */
  sessionsHeld: PublishedCount;
  /** Minutes from few helpers tell about them: published from `threshold` helpers and requests. */
  helperMinutes: PublishedCount;
  medianDaysToFirstActivity: number | null;
  medianHoursToHelper: number | null;
};

export interface CategoryCount {
  /** Stable: an age band, a decile, an option's slug, or "not given" / "not known". */
  category: string;
  label: string;
  people: PublishedCount;
}

/** The period's participants by one protected characteristic, as they chose to give it. */
export interface EqualityReach {
  key: string;
  characteristic: string;
  categories: CategoryCount[];
}

export interface ParticipationView {
  area: AreaRow;
  from: Date;
  to: Date;
  threshold: number;
  groupBy: Grouping[];
  rows: ParticipationRowView[];
  totals: ParticipationRowView;
  /**
   * The quarter who takes part is told for (the period's last whole calendar quarter), or null
   * when the period holds none: then the age bands, deciles and answers are empty.
   */
  whoTakesPart: { from: Date; to: Date } | null;
  /** The quarter's participants by age band (and "not given"). */
  ageBands: CategoryCount[];
  /** By deprivation decile (1 most deprived; "not known" outside the release's LSOAs), or null. */
  deprivation: { version: string; deciles: CategoryCount[] } | null;
  /** By each equality monitoring question: its answers, "prefer not to say", and "not given". */
  equality: EqualityReach[];
}

/** A set of categories (age bands, deciles, a question's answers) and its participants by ward. */
interface CategorySet {
  categories: { category: string; label: string }[];
  tally: { ward: string | null; category: string; people: number }[];
}

/** Who takes part in each ward, from its borough's tables by ward. */
export type WardDemographics = Map<
  string,
  Pick<ParticipationView, 'ageBands' | 'deprivation' | 'equality'>
>;

type WhoTakesPart = Pick<ParticipationView, 'ageBands' | 'deprivation' | 'equality'>;

/** A quarter's tables of who took part: for the whole area, and for each of its wards. */
interface QuarterTables {
  quarter: { from: Date; to: Date };
  whole: WhoTakesPart;
  wards: Record<string, WhoTakesPart>;
}

/** Days a quarter is left to settle (attendance recorded late) before its tables are kept. */
export const QUARTER_SETTLES_DAYS = 14;

/**
 * The last whole calendar quarter (London months) in [from, to) that ended at least
 * QUARTER_SETTLES_DAYS before `now`, if any.
 */
export function lastWholeQuarter(from: Date, to: Date, now: Date): { from: Date; to: Date } | null {
  const settled = new Date(now.getTime() - QUARTER_SETTLES_DAYS * 24 * 3600_000);
  const months = monthNumbers(from, to);
  for (let i = months.length - 3; i >= 0; i -= 1)
    if (months[i] % 3 === 0) {
      const label = (m: number) =>
        `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
      const quarter = {
        from: londonMidnight(label(months[i])),
        to: londonMidnight(label(months[i] + 3)),
      };
      if (quarter.from >= from && quarter.to <= to && quarter.to <= settled) return quarter;
    }
  return null;
}

/** What a count adds up over: a member who came in two months, or to two interests, is one. */
const ADDS_UP: Record<ParticipationCount, readonly Grouping[]> = {
  attendances: ['MONTH', 'WARD'],
  participants: ['WARD'],
  newMembers: ['MONTH', 'WARD'],
  firstTimers: ['MONTH', 'WARD'],
  returnedWithin30Days: ['MONTH', 'WARD'],
  reached3Months: ['MONTH', 'WARD'],
  activeAt3Months: ['MONTH', 'WARD'],
  reached6Months: ['MONTH', 'WARD'],
  activeAt6Months: ['MONTH', 'WARD'],
  helpFulfilled: ['MONTH', 'WARD'],
};

/** What the totals take from the grouped figures, when grouped by months or wards. */
const ADDED_UP = [
  'sessionsHeld',
  'attendances',
  'newMembers',
  'reached3Months',
  'activeAt3Months',
  'reached6Months',
  'activeAt6Months',
] as const;

/** Help is not tied to an interest: by interest its figures are not applicable (null, not hidden). */
const NOT_BY_INTEREST = new Set<ParticipationCount>(['helpFulfilled']);

type Raw = Record<ParticipationCount | 'sessionsHeld' | 'helpers' | 'helperMinutes', number> & {
  medianDaysToFirst: number | null;
  medianHoursToHelper: number | null;
};

const HIDDEN: PublishedCount = { value: null, suppressed: true };
const NOT_APPLICABLE: PublishedCount = { value: null, suppressed: false };

function keyOf(k: GroupKey, groups: readonly Grouping[]): string {
  return JSON.stringify(
    groups.map((g) => (g === 'MONTH' ? k.month : g === 'WARD' ? (k.ward ?? null) : k.interest)),
  );
}

/**
 * Who Kith reaches in an area and whether they keep coming: sessions held, attendances,
 * distinct participants, new members, first-timers and who came back within 30 days, members
 * still coming in their third and sixth months, help given; by month, ward or interest (or two
 * of them), with the period's totals, participants' age bands and deprivation deciles. Read
 * from rollups kept as attendance is recorded; published only through disclosure control.
 */
@Injectable()
export class ParticipationService {
  private readonly rules: DisclosureRules;

  constructor(
    private readonly reads: ParticipationRepository,
    private readonly scope: ReportScope,
    private readonly areas: AreaService,
    private readonly interests: InterestCatalogue,
    private readonly outbox: JobOutbox,
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(KITH_CONFIG) config: KithConfig,
  ) {
    this.rules = configuredRules(config);
  }

  /**
   * The report for an area the principal may read. Every figure about a ward is its borough's
   * (the top of the area's tree), from the borough's tables by ward, suppressed once: so the
   * borough's report less its other wards' reports, or a ward's months against the borough's
   * months, tell nothing the borough's tables hide. Tables of two groupings keep the margins
   * that the reports of one grouping publish.
   */
  async report(
    principal: Principal,
    areaId: string,
    from: Date,
    to: Date,
    groupBy: readonly string[],
  ): Promise<ParticipationView> {
    const groups = checkGroupBy(groupBy);
    const area = await this.scope.mayRead(principal, areaId, from, to);
    this.scope.reportable(area);
    if (await this.outbox.waiting(JobName.RebuildParticipationRollups))
      throw DomainError.conflict(
        'The participation figures are being worked out again after an upgrade: try again in a few minutes',
      );
    const root = await this.rootOf(area);
    if (area.kind !== 'ward' || root.id === area.id) return this.table(area, from, to, groups);
    const whole = GROUPINGS.filter((g) => g === 'WARD' || groups.includes(g));
    if (whole.length > 2)
      throw DomainError.badInput([
        {
          path: 'groupBy',
          message:
            "a ward's report is grouped by MONTH or INTEREST_GROUP, not both: its figures are its borough's, by ward",
        },
      ]);
    // The borough by ward (with the ward's part of who takes part), and if asked by months or
    // interests too, the table of both, its margins the report by ward and the other's.
    const other = whole.find((g) => g !== 'WARD');
    const [byWard, byOther] = await Promise.all([
      this.build(root, from, to, ['WARD'], { ward: area.id }),
      other ? this.build(root, from, to, [other], { who: false }) : undefined,
    ]);
    const table = byOther
      ? await this.build(root, from, to, whole, {
          margins: whole.map((g) => (g === 'WARD' ? byWard : byOther)),
          who: false,
        })
      : byWard;
    return this.slice(byWard, table, area, groups);
  }

  /** Forgets an area's kept quarters (an operator's command); how many there were. */
  forgetQuarters(areaId: string): Promise<number> {
    return this.reads.forgetQuarters(areaId);
  }

  /** One table: of two groupings, with the margins their own reports publish. */
  private async table(
    area: AreaRow,
    from: Date,
    to: Date,
    groups: Grouping[],
  ): Promise<ParticipationView> {
    if (groups.length < 2) return this.build(area, from, to, groups);
    const margins = await Promise.all(
      groups.map((g) => this.build(area, from, to, [g], { who: false })),
    );
    return this.build(area, from, to, groups, { margins });
  }

  /** The top of the area's tree (the area itself when it has no parent). */
  private async rootOf(area: AreaRow): Promise<AreaRow> {
    if (!area.parentId) return area;
    const id = await this.reads.rootOf(area.id);
    return (await this.areas.byIds([id]))[0] ?? area;
  }

  /**
   * A ward's report cut from its borough's tables: its rows from the table by ward (and month,
   * or interest), its totals the borough's row by ward, and who takes part from the borough's
   * tables of wards by age band, answer and decile.
   */
  private slice(
    byWard: ParticipationView & { wards?: WardDemographics },
    table: ParticipationView,
    ward: AreaRow,
    groups: Grouping[],
  ): ParticipationView {
    const own = (r: ParticipationRowView) => r.ward?.id === ward.id;
    const totals = byWard.rows.find(own);
    if (!totals) throw new Error(`ward ${ward.id} is not in its borough's table`);
    const keepWard = groups.includes('WARD');
    const rows =
      groups.length === 0
        ? []
        : table.rows
            .filter(own)
            .map((r) => ({ ...r, ward: keepWard ? r.ward : null, outsideWards: false }));
    const { wards, ...borough } = byWard;
    // A ward the quarter's kept tables do not know (drawn after they were kept) tells none.
    const kept = borough.whoTakesPart ? wards?.get(ward.id) : undefined;
    const who = kept ?? { ageBands: [], deprivation: null, equality: [] };
    return {
      ...borough,
      area: ward,
      groupBy: groups,
      rows,
      totals: { ...totals, ward: null, outsideWards: false },
      whoTakesPart: kept ? borough.whoTakesPart : null,
      ageBands: who.ageBands,
      deprivation: who.deprivation,
      equality: who.equality,
    };
  }

  private async build(
    area: AreaRow,
    from: Date,
    to: Date,
    groups: Grouping[],
    options: {
      /** The reports of one grouping, whose figures a table of two keeps as its margins. */
      margins?: ParticipationView[];
      /** The ward whose part of who takes part is wanted beside the whole area's. */
      ward?: string;
      /** Whether who takes part is read at all (not for a table used only as margins). */
      who?: boolean;
    } = {},
  ): Promise<ParticipationView & { wards?: WardDemographics }> {
    const { margins, ward, who: withWho = true } = options;
    const [scope, imdVersion] = await Promise.all([
      this.reads.scope(area.id),
      this.reads.latestImd(),
    ]);
    const period: Period = { scope, from, to };
    // One pass over the period's participants gives the totals, the wards, ages and deciles.
    // Read beside the rest, not before it; by ward as the report counts them.
    const wardOf = new Map(scope.areaIds.map((id, i) => [id, scope.wards[i]]));
    const reading = this.reads.periodParticipants(period).then((rows) =>
      rows.map((r) => ({
        ward: wardOf.get(r.areaId) ?? null,
        ageBand: r.ageBand === '' ? null : r.ageBand,
        participants: r.participants,
      })),
    );
    // Who takes part: for the top of the area tree only (a ward's is cut from it; an area in
    // between tells none, its tables would be set against its wards').
    const who =
      area.parentId || !withWho
        ? undefined
        : this.whoTakesPart(area, scope, from, to, imdVersion, ward);
    // Sessions, attendances and joiners add up over months and wards: their totals are the
    // grouped figures summed, not read again.
    const summed = groups.length > 0 && !groups.includes('INTEREST_GROUP');
    const [dimensions, grouped, totals, taking] = await Promise.all([
      this.dimensions(area, scope, groups, from, to),
      this.raw(new Set(groups), period, reading),
      this.raw(new Set(), period, reading, summed),
      who,
    ]);
    if (summed) {
      const whole = totals.get(keyOf({}, [])) ?? emptyRaw();
      totals.set(keyOf({}, []), whole);
      for (const raw of grouped.values()) for (const f of ADDED_UP) whole[f] += raw[f];
    }
    const byInterest = groups.includes('INTEREST_GROUP');
    const rowKeys = cross(dimensions);
    const zero = emptyRaw();
    const cells = rowKeys.map((k) => grouped.get(keyOf(k, groups)) ?? zero);
    const total = totals.get(keyOf({}, [])) ?? zero;
    const rows: ParticipationRowView[] = rowKeys.map((k, i) => ({
      month: k.month ?? null,
      ward: k.ward ? (dimensions.wardRows.get(k.ward) ?? null) : null,
      outsideWards: groups.includes('WARD') && !k.ward,
      interest: k.interest ? (dimensions.interestRows.get(k.interest) ?? null) : null,
      ...this.figures(cells[i], byInterest),
    }));
    const totalRow: ParticipationRowView = {
      month: null,
      ward: null,
      outsideWards: false,
      interest: null,
      ...this.figures(total, false),
    };
    this.hideMinutesTogether(rows, cells, groups.length === 2 ? dimensions.values[1].length : 1);
    for (const measure of PARTICIPATION_COUNTS) {
      if (byInterest && NOT_BY_INTEREST.has(measure)) {
        rows.forEach((r) => (r[measure] = NOT_APPLICABLE));
        totalRow[measure] = this.count(total[measure]);
        continue;
      }
      const table = this.suppress(
        dimensions,
        rowKeys,
        groups,
        cells,
        measure,
        this.count(total[measure]).suppressed,
        margins,
      );
      rows.forEach((r, i) => (r[measure] = table.cells[i]));
      // The period's total, suppressed on its own: where the count adds up over what it is
      // grouped by, the table kept it as it is.
      totalRow[measure] = this.count(total[measure]);
    }
    return {
      area,
      from,
      to,
      threshold: this.rules.threshold,
      groupBy: groups,
      rows,
      totals: totalRow,
      whoTakesPart: taking?.quarter ?? null,
      ageBands: taking?.whole.ageBands ?? [],
      deprivation: taking?.whole.deprivation ?? null,
      equality: taking?.whole.equality ?? [],
      wards: taking ? new Map(Object.entries(taking.wards)) : undefined,
    };
  }

  /**
   * Who takes part is told for one fixed quarter (the period's last whole one), never for the
   * period itself: two reports' periods could be set one against the other (January to March
   * less January to February) and give the answers of whoever first came in March. And a
   * quarter's tables are kept as first published: worked out again after one person moved or
   * changed an answer, they would differ by that person.
   */
  private async whoTakesPart(
    area: AreaRow,
    scope: Scope,
    from: Date,
    to: Date,
    imdVersion: string | null,
    ward?: string,
  ): Promise<QuarterTables | undefined> {
    const quarter = lastWholeQuarter(from, to, this.clock.now());
    if (!quarter) return undefined;
    // Kept once per quarter, whatever release of the Indices comes later: worked out again for
    // a new release, the age bands and answers would be today's, not those first published.
    // (The deciles say which release they are by.)
    const read = () => this.reads.frozenQuarter(area.id, quarter.from, '', ward);
    let kept = await read();
    if (kept.length === 0) {
      const worked = await this.workOutQuarter(area, scope, quarter, imdVersion);
      await this.db.transaction(() =>
        this.reads.freezeQuarter(area.id, quarter.from, '', [
          { part: '', tables: { quarter: worked.quarter, whole: worked.whole } },
          ...Object.entries(worked.wards).map(([part, tables]) => ({ part, tables })),
        ]),
      );
      kept = await read();
    }
    const whole = kept.find((k) => k.part === '')?.tables as
      { quarter: { from: string; to: string }; whole: WhoTakesPart } | undefined;
    if (!whole) throw new Error('a kept quarter has no tables for its whole area');
    return {
      quarter: { from: new Date(whole.quarter.from), to: new Date(whole.quarter.to) },
      whole: whole.whole,
      wards: Object.fromEntries(
        kept.filter((k) => k.part !== '').map((k) => [k.part, k.tables as unknown as WhoTakesPart]),
      ),
    };
  }

  /**
   * A quarter's tables of who took part: each set of categories a tally of participants by
   * ward, published for the whole area and ward by ward, in tables whose margins are the
   * quarter's participants by ward and the whole area's categories.
   */
  private async workOutQuarter(
    area: AreaRow,
    scope: Scope,
    quarter: { from: Date; to: Date },
    imdVersion: string | null,
  ): Promise<QuarterTables> {
    const period: Period = { scope, ...quarter };
    const wardOf = new Map(scope.areaIds.map((id, i) => [id, scope.wards[i]]));
    const [rows, answers, deciles, wardIds] = await Promise.all([
      this.reads.periodParticipants(period),
      this.reads.periodAnswers(period, true),
      imdVersion ? this.reads.periodDeciles(period, imdVersion, true) : [],
      this.reads.wards(scope),
    ]);
    const people = rows.map((r) => ({
      ward: wardOf.get(r.areaId) ?? null,
      ageBand: r.ageBand === '' ? null : r.ageBand,
      participants: r.participants,
    }));
    const wardKeys: GroupKey[] = [
      ...wardIds.map((w) => ({ ward: w.id })),
      ...(area.kind === 'ward' ? [] : [{ ward: null }]),
    ];
    const wardParticipants = new Map<string | null, number>();
    for (const r of people)
      wardParticipants.set(r.ward, (wardParticipants.get(r.ward) ?? 0) + r.participants);
    const everyone = [...wardParticipants.values()].reduce((n, v) => n + v, 0);
    const everyoneHidden = this.count(everyone).suppressed;
    const ageSet: CategorySet = {
      categories: [...AGE_BANDS, null].map((band) => ({
        category: band ?? 'not given',
        label: band ?? 'Not given',
      })),
      tally: people.map((r) => ({
        ward: r.ward,
        category: r.ageBand ?? 'not given',
        people: r.participants,
      })),
    };
    const decileSet: CategorySet = {
      categories: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null].map((d) => ({
        category: d === null ? 'not known' : String(d),
        label: d === null ? 'Not known' : String(d),
      })),
      tally: deciles.map((d) => ({
        ward: d.areaId ? (wardOf.get(d.areaId) ?? null) : null,
        category: d.decile === null ? 'not known' : String(d.decile),
        people: d.participants,
      })),
    };
    const answerSets = EQUALITY_QUESTIONS.map((q): CategorySet => {
      const given = answers
        .filter((a) => a.question === q.key)
        .map((a) => ({
          ward: a.areaId ? (wardOf.get(a.areaId) ?? null) : null,
          category: a.answer,
          people: a.participants,
        }));
      // Those who gave no answer: each ward's participants less those who did. Never below
      // nothing: the reach tables are read a moment apart, as an answer may change between.
      const notGiven = [...wardParticipants].map(([ward, n]) => ({
        ward,
        category: 'not given',
        people: Math.max(
          0,
          n - given.filter((g) => g.ward === ward).reduce((m, g) => m + g.people, 0),
        ),
      }));
      return {
        categories: [
          ...q.options.map((o) => ({ category: o.slug, label: o.label })),
          { category: 'not given', label: 'Not given' },
        ],
        tally: [...given, ...notGiven],
      };
    });
    const sets = [ageSet, decileSet, ...answerSets].map((set) => {
      const whole = this.categories(
        set.categories.map((c) => ({
          ...c,
          people: set.tally
            .filter((t) => t.category === c.category)
            .reduce((n, t) => n + t.people, 0),
        })),
        everyoneHidden,
      );
      return { set, whole };
    });
    const wards = this.wardDemographics(
      sets,
      wardKeys,
      // The quarter's participants by ward, as its own report by ward publishes them.
      suppressCounts(
        wardKeys.map((k) => [wardParticipants.get(k.ward ?? null) ?? 0]),
        this.rules,
        { columnTotals: [everyoneHidden], total: everyoneHidden },
      ).cells.map((c) => c[0].suppressed),
      everyoneHidden,
      imdVersion,
    );
    const [ages, decileReach, ...answerReach] = sets.map((s) => s.whole);
    return {
      quarter,
      whole: {
        ageBands: ages,
        deprivation: imdVersion ? { version: imdVersion, deciles: decileReach } : null,
        equality: EQUALITY_QUESTIONS.map((q, i) => ({
          key: q.key,
          characteristic: q.characteristic,
          categories: answerReach[i],
        })),
      },
      wards: Object.fromEntries(wards),
    };
  }

  /**
   * Each ward's participants by age band, decile and answer: a table of wards by categories
   * per set, whose row totals are the report by ward's participants and whose column totals
   * are the whole area's categories, as those were published.
   */
  private wardDemographics(
    sets: { set: CategorySet; whole: CategoryCount[] }[],
    wardKeys: GroupKey[],
    wardHidden: boolean[],
    everyoneHidden: boolean,
    imdVersion: string | null,
  ): WardDemographics {
    const tables = sets.map(({ set, whole }) => {
      const tallied = new Map<string, number>();
      for (const t of set.tally) {
        const key = JSON.stringify([t.ward, t.category]);
        tallied.set(key, (tallied.get(key) ?? 0) + t.people);
      }
      const matrix = wardKeys.map((k) =>
        set.categories.map((c) => tallied.get(JSON.stringify([k.ward ?? null, c.category])) ?? 0),
      );
      const table = suppressCounts(matrix, this.rules, {
        rowTotals: wardHidden,
        columnTotals: whole.map((c) => c.people.suppressed),
        total: everyoneHidden,
      });
      return wardKeys.map((_, w) =>
        set.categories.map((c, i) => ({ ...c, people: table.cells[w][i] })),
      );
    });
    const [ages, deciles, ...answers] = tables;
    return new Map(
      wardKeys.flatMap((k, w) =>
        k.ward
          ? [
              [
                k.ward,
                {
                  ageBands: ages[w],
                  deprivation: imdVersion ? { version: imdVersion, deciles: deciles[w] } : null,
                  equality: EQUALITY_QUESTIONS.map((q, i) => ({
                    key: q.key,
                    characteristic: q.characteristic,
                    categories: answers[i][w],
                  })),
                },
              ] as const,
            ]
          : [],
      ),
    );
  }

  private async dimensions(
    area: AreaRow,
    scope: Scope,
    groups: readonly Grouping[],
    from: Date,
    to: Date,
  ) {
    const wardRows = new Map<string, AreaRow>();
    const interestRows = new Map<string, InterestRow>();
    const values = await Promise.all(
      groups.map(async (g): Promise<GroupKey[]> => {
        if (g === 'MONTH')
          return monthNumbers(from, to).map((m) => ({
            month: `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
          }));
        if (g === 'WARD') {
          const ids = (await this.reads.wards(scope)).map((w) => w.id);
          for (const w of await this.areas.byIds(ids)) wardRows.set(w.id, w);
          const wards: GroupKey[] = ids.map((ward) => ({ ward }));
          // Members placed in the area itself (or an area in it outside every ward) are a row
          // of their own, so the wards add up to the whole.
          return area.kind === 'ward' ? wards : [...wards, { ward: null }];
        }
        const all = await this.interests.all();
        for (const i of all) interestRows.set(i.id, i);
        return all.map((i) => ({ interest: i.id }));
      }),
    );
    return { values, wardRows, interestRows };
  }

  /** Every query for one grouping, merged by key. */
  private async raw(
    groups: ReadonlySet<Grouping>,
    p: Period,
    reading: Promise<readonly { ward: string | null; participants: number }[]>,
    summed = false,
  ): Promise<Map<string, Raw>> {
    const order = GROUPINGS.filter((g) => groups.has(g));
    // Over the whole period by ward (or not grouped): the one pass already made.
    const byWard = async (): Promise<Figures<'participants'>[]> => {
      const wards = new Map<string | null, number>();
      for (const r of await reading) wards.set(r.ward, (wards.get(r.ward) ?? 0) + r.participants);
      return groups.has('WARD')
        ? [...wards].map(([ward, participants]) => ({ ward, participants }))
        : [{ participants: [...wards.values()].reduce((n, v) => n + v, 0) }];
    };
    const none = <T>() => Promise.resolve([] as T[]);
    const [activity, participants, firsts, joiners, help] = await Promise.all([
      summed ? none<Figures<'sessionsHeld' | 'attendances'>>() : this.reads.activity(groups, p),
      groups.has('MONTH')
        ? this.reads.participantsByMonth(groups, p)
        : groups.has('INTEREST_GROUP')
          ? this.reads.participantsByInterest(groups, p)
          : byWard(),
      this.reads.firsts(groups, p),
      summed
        ? none<Figures<'newMembers' | 'reached3' | 'active3' | 'reached6' | 'active6'>>()
        : this.reads.joiners(groups, p),
      groups.has('INTEREST_GROUP')
        ? Promise.resolve(
            [] as Figures<'fulfilled' | 'helpers' | 'minutes' | 'medianHoursToHelper'>[],
          )
        : this.reads.help(groups, p),
    ]);
    const merged = new Map<string, Raw>();
    const at = (k: GroupKey) => {
      const key = keyOf(k, order);
      let raw = merged.get(key);
      if (!raw) merged.set(key, (raw = emptyRaw()));
      return raw;
    };
    for (const r of activity) {
      const raw = at(r);
      raw.sessionsHeld += r.sessionsHeld ?? 0;
      raw.attendances += r.attendances ?? 0;
    }
    for (const r of participants) at(r).participants += r.participants ?? 0;
    for (const r of firsts) {
      const raw = at(r);
      raw.firstTimers += r.firstTimers ?? 0;
      raw.returnedWithin30Days += r.returned ?? 0;
      raw.medianDaysToFirst = r.medianDaysToFirst === null ? null : Number(r.medianDaysToFirst);
    }
    for (const r of joiners) {
      const raw = at(r);
      raw.newMembers += r.newMembers ?? 0;
      raw.reached3Months += r.reached3 ?? 0;
      raw.activeAt3Months += r.active3 ?? 0;
      raw.reached6Months += r.reached6 ?? 0;
      raw.activeAt6Months += r.active6 ?? 0;
    }
    for (const r of help) {
      const raw = at(r);
      raw.helpFulfilled += r.fulfilled ?? 0;
      raw.helpers += r.helpers ?? 0;
      raw.helperMinutes += r.minutes ?? 0;
      raw.medianHoursToHelper =
        r.medianHoursToHelper === null ? null : Number(r.medianHoursToHelper);
    }
    return merged;
  }

  /** The figures that are not counts of people, published by how many people they come from. */
  private figures(raw: Raw, byInterest: boolean) {
    const enough = (n: number) => n >= this.rules.threshold;
    const counts = Object.fromEntries(PARTICIPATION_COUNTS.map((c) => [c, HIDDEN])) as Record<
      ParticipationCount,
      PublishedCount
    >;
    return {
      ...counts,
      sessionsHeld: { value: raw.sessionsHeld, suppressed: false },
      helperMinutes: byInterest
        ? NOT_APPLICABLE
        : enough(raw.helpers) && enough(raw.helpFulfilled)
          ? { value: raw.helperMinutes, suppressed: false }
          : HIDDEN,
      medianDaysToFirstActivity: publishFigure(raw.medianDaysToFirst, raw.firstTimers, this.rules),
      medianHoursToHelper: byInterest
        ? null
        : publishFigure(raw.medianHoursToHelper, raw.helpFulfilled, this.rules),
    };
  }

  /**
   * One measure as a table: rows by the first grouping, columns by the second (one column when
   * there is one), so that with the margins a reader gets from the one-way reports no hidden
   * cell can be worked out.
   */
  private suppress(
    dimensions: { values: GroupKey[][] },
    rowKeys: GroupKey[],
    groups: readonly Grouping[],
    cells: Raw[],
    measure: ParticipationCount,
    totalHidden: boolean,
    margins?: ParticipationView[],
  ): { cells: PublishedCount[]; total: PublishedCount } {
    if (rowKeys.length === 0) return { cells: [], total: HIDDEN };
    const width = groups.length === 2 ? dimensions.values[1].length : 1;
    const matrix: number[][] = [];
    cells.forEach((raw, i) => {
      const r = Math.floor(i / width);
      (matrix[r] ??= []).push(raw[measure]);
    });
    // Every line is taken to add up: a reader may know that it does (attendances by interest
    // add up when each session has one interest, and sessions held per interest tell them).
    // Its total is settled as the reports of one grouping published it where the count does
    // add up along it (that total is the same figure); elsewhere the table treats its own sum
    // as published unless small: more hidden, never less.
    const adds = (g: Grouping) => ADDS_UP[measure].includes(g);
    const all = groups.every(adds);
    const settled: SettledMargins =
      groups.length === 2
        ? {
            // Rows are the first grouping's values, each across the second's.
            rowTotals: adds(groups[1])
              ? margins?.[0].rows.map((r) => r[measure].suppressed)
              : undefined,
            columnTotals: adds(groups[0])
              ? margins?.[1].rows.map((r) => r[measure].suppressed)
              : undefined,
            total: all ? totalHidden : undefined,
          }
        : {
            // One column: each row's total is the row itself; the column's the period's.
            columnTotals: all ? [totalHidden] : undefined,
            total: all ? totalHidden : undefined,
          };
    const table = suppressCounts(matrix, this.rules, settled);
    return { cells: table.cells.flat(), total: table.total };
  }

  /**
   * Minutes hidden in one row would be the total less the others: while the hidden rows' minutes
   * come from fewer than `threshold` helpers, the published row with the fewest is hidden too.
   */
  private hideMinutesTogether(rows: ParticipationRowView[], cells: Raw[], width = 1): void {
    // Each line whose total is published elsewhere: the whole table, and in a table of two
    // groupings each row (a value of the first) and each column (of the second), so that a
    // ward's months less its total tell no month's minutes either.
    const all = rows.map((_, i) => i);
    const lines =
      width > 1
        ? [
            all,
            ...Array.from({ length: rows.length / width }, (_, r) =>
              all.slice(r * width, (r + 1) * width),
            ),
            ...Array.from({ length: width }, (_, c) => all.filter((i) => i % width === c)),
          ]
        : [all];
    for (let changed = true; changed;) {
      changed = false;
      for (const line of lines) {
        const hidden = line.filter((i) => rows[i].helperMinutes.suppressed);
        const helpers = hidden.reduce((n, i) => n + cells[i].helpers, 0);
        if (hidden.length === 0 || (hidden.length > 1 && helpers >= this.rules.threshold)) continue;
        const open = line
          .filter((i) => !rows[i].helperMinutes.suppressed && rows[i].helperMinutes.value !== null)
          .sort((a, b) => cells[a].helpers - cells[b].helpers);
        if (open.length === 0) continue;
        rows[open[0]].helperMinutes = HIDDEN;
        changed = true;
      }
    }
  }

  private count(value: number): PublishedCount {
    return suppressCounts([[value]], this.rules).total;
  }

  /** One set of categories of the period's participants, whose total is theirs as published. */
  private categories(
    rows: { category: string; label: string; people: number }[],
    totalHidden: boolean,
  ): CategoryCount[] {
    const table = suppressCounts(
      rows.map((r) => [r.people]),
      this.rules,
      { columnTotals: [totalHidden], total: totalHidden },
    );
    return rows.map((r, i) => ({ ...r, people: table.cells[i][0] }));
  }
}

function emptyRaw(): Raw {
  return {
    sessionsHeld: 0,
    attendances: 0,
    participants: 0,
    newMembers: 0,
    firstTimers: 0,
    returnedWithin30Days: 0,
    reached3Months: 0,
    activeAt3Months: 0,
    reached6Months: 0,
    activeAt6Months: 0,
    helpFulfilled: 0,
    helpers: 0,
    helperMinutes: 0,
    medianDaysToFirst: null,
    medianHoursToHelper: null,
  };
}

/** Every combination of the groupings' values, the first grouping outermost. */
function cross(dimensions: { values: GroupKey[][] }): GroupKey[] {
  return dimensions.values.reduce<GroupKey[]>(
    (rows, values) => rows.flatMap((row) => values.map((v) => ({ ...row, ...v }))),
    dimensions.values.length === 0 ? [] : [{}],
  );
}

/** BAD_USER_INPUT for an unknown grouping, one given twice, or more than two at once. */
export function checkGroupBy(groupBy: readonly string[]): Grouping[] {
  const problems: { path: string; message: string }[] = [];
  groupBy.forEach((g, i) => {
    if (!(GROUPINGS as readonly string[]).includes(g))
      problems.push({ path: `groupBy.${i}`, message: `one of ${GROUPINGS.join(', ')}` });
    else if (groupBy.indexOf(g) !== i)
      problems.push({ path: `groupBy.${i}`, message: 'each grouping once' });
  });
  if (groupBy.length > 2)
    problems.push({ path: 'groupBy', message: 'at most two groupings at once' });
  if (problems.length > 0) throw DomainError.badInput(problems);
  // Always in one order, so [WARD, MONTH] and [MONTH, WARD] are the same table.
  return GROUPINGS.filter((g) => groupBy.includes(g));
}
