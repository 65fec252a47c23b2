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
import { roundTo, suppressCounts } from '../disclosure';
import type { DisclosureRules, PublishedCount } from '../disclosure';
import { perturbAmount, perturbCount } from '../perturbation';
import { configuredRules, ReportScope } from '../report-scope.service';
import { monthLabel, monthNumbers, ParticipationRepository } from './participation.repository';
import type {
  Figures,
  GroupedFacts,
  GroupKey,
  Grouping,
  HelpCellRow,
  Period,
  Scope,
} from './participation.repository';

export const GROUPINGS: readonly Grouping[] = ['MONTH', 'WARD', 'INTEREST_GROUP'];

/** The counts of people (or of what people did) a row carries, each perturbed and suppressed. */
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

/** Help is not tied to an interest: by interest its figures are not applicable (null, not hidden). */
const NOT_BY_INTEREST = new Set<ParticipationCount>(['helpFulfilled']);

const HIDDEN: PublishedCount = { value: null, suppressed: true };
const NOT_APPLICABLE: PublishedCount = { value: null, suppressed: false };

/**
 * What one row of a report adds up to: each count as the sum of its cells' perturbed values,
 * sessions held as they are (sessions are not people), minutes as the sum of their cells'
 * perturbed minutes, medians from perturbed histograms.
 */
interface Tally {
  counts: Record<ParticipationCount, number>;
  sessionsHeld: number;
  helperMinutes: number;
  medianDaysToFirst: number | null;
  medianHoursToHelper: number | null;
}

function emptyTally(): Tally {
  return {
    counts: Object.fromEntries(PARTICIPATION_COUNTS.map((c) => [c, 0])) as Record<
      ParticipationCount,
      number
    >,
    sessionsHeld: 0,
    helperMinutes: 0,
    medianDaysToFirst: null,
    medianHoursToHelper: null,
  };
}

function keyOf(k: GroupKey, groups: readonly Grouping[]): string {
  return JSON.stringify(
    groups.map((g) => (g === 'MONTH' ? k.month : g === 'WARD' ? (k.ward ?? null) : k.interest)),
  );
}

/**
 * Who Kith reaches in an area and whether they keep coming: sessions held, attendances,
 * distinct participants, new members, first-timers and who came back within 30 days, members
 * still coming in their third and sixth months, help given; by month, ward or interest (or two
 * of them), with the period's totals, and who took part in the period's last closed quarter.
 *
 * Safe against being set against other reports by the cell-key method: every count is a sum of
 * the smallest cells (a month, an area, an interest or a session's set of interests), each
 * perturbed by a value drawn from the record keys of the people in it, the same whatever report
 * holds it. So a report less another (a month shorter, a ward less, grouped otherwise) is a sum
 * of perturbed cells, never a person. Members are counted where they lived at the start of each
 * month, so a move changes no month already over. Counts under the threshold are hidden as well.
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
   * The report for an area the principal may read: the top of its tree (a borough) or a ward.
   * A ward's figures are the same cells as its row of the borough's report by ward; who takes
   * part in it is its part of the borough's kept quarter.
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
    return this.build(area, root, from, to, groups);
  }

  /** Forgets an area's kept quarters (an operator's command); how many there were. */
  forgetQuarters(areaId: string): Promise<number> {
    return this.reads.forgetQuarters(areaId);
  }

  /** The top of the area's tree (the area itself when it has no parent). */
  private async rootOf(area: AreaRow): Promise<AreaRow> {
    if (!area.parentId) return area;
    const id = await this.reads.rootOf(area.id);
    return (await this.areas.byIds([id]))[0] ?? area;
  }

  private async build(
    area: AreaRow,
    root: AreaRow,
    from: Date,
    to: Date,
    groups: Grouping[],
  ): Promise<ParticipationView> {
    const ward = area.id === root.id ? undefined : area.id;
    const [scope, rootScope, imdVersion] = await Promise.all([
      this.reads.scope(area.id),
      ward ? this.reads.scope(root.id) : undefined,
      this.reads.latestImd(),
    ]);
    const period: Period = { scope, from, to };
    const [dimensions, { grouped, total }, taking] = await Promise.all([
      this.dimensions(area, scope, groups, from, to),
      this.tallies(period, groups),
      this.whoTakesPart(root, rootScope ?? scope, from, to, imdVersion, ward),
    ]);
    const byInterest = groups.includes('INTEREST_GROUP');
    const zero = emptyTally();
    const rows: ParticipationRowView[] = cross(dimensions).map((k) => ({
      month: k.month ?? null,
      ward: k.ward ? (dimensions.wardRows.get(k.ward) ?? null) : null,
      outsideWards: groups.includes('WARD') && !k.ward,
      interest: k.interest ? (dimensions.interestRows.get(k.interest) ?? null) : null,
      ...this.published(grouped.get(keyOf(k, groups)) ?? zero, byInterest),
    }));
    const totalRow: ParticipationRowView = {
      month: null,
      ward: null,
      outsideWards: false,
      interest: null,
      ...this.published(total, false),
    };
    // Who takes part in a ward: its part of its borough's kept quarter (a ward drawn after the
    // quarter was kept tells none).
    const who = ward ? taking?.wards[ward] : taking?.whole;
    return {
      area,
      from,
      to,
      threshold: this.rules.threshold,
      groupBy: groups,
      rows,
      totals: totalRow,
      whoTakesPart: who && taking ? taking.quarter : null,
      ageBands: who?.ageBands ?? [],
      deprivation: who?.deprivation ?? null,
      equality: who?.equality ?? [],
    };
  }

  /**
   * Each row's tally for the report's grouping, and the tally of its totals. By months and wards
   * every count adds up (the same perturbed cells, grouped), so the totals are the rows summed,
   * not read again: only participants over months (each person once) and the medians are. By
   * interest (a cell in each of its interests) the totals are read on their own. Help's cells
   * are read once for both.
   */
  private async tallies(
    p: Period,
    groups: Grouping[],
  ): Promise<{ grouped: Map<string, Tally>; total: Tally }> {
    const help = this.reads.help(p);
    const summed = groups.length > 0 && !groups.includes('INTEREST_GROUP');
    const byMonth = groups.includes('MONTH');
    const [grouped, totals] = await Promise.all([
      this.tally(p, groups, help),
      this.tally(p, [], help, summed ? { counts: false, participants: byMonth } : undefined),
    ]);
    const total = totals.get(keyOf({}, [])) ?? emptyTally();
    if (summed)
      for (const row of grouped.values()) {
        total.sessionsHeld += row.sessionsHeld;
        total.helperMinutes += row.helperMinutes;
        for (const c of PARTICIPATION_COUNTS)
          if (c !== 'participants' || !byMonth) total.counts[c] += row.counts[c];
      }
    return { grouped, total };
  }

  /**
   * One grouping's tally, row by row: every count a sum of perturbed cells, added up where it is
   * read (`reading` leaves out the counts, or participants, a caller sums itself).
   */
  private async tally(
    p: Period,
    groups: Grouping[],
    helpCells: Promise<HelpCellRow[]>,
    reading: { counts: boolean; participants: boolean } = { counts: true, participants: true },
  ): Promise<Map<string, Tally>> {
    const wardOf = new Map(p.scope.areaIds.map((id, i) => [id, p.scope.wards[i]]));
    const set = new Set(groups);
    const byInterest = set.has('INTEREST_GROUP');
    const none = <T>(): Promise<T[]> => Promise.resolve([]);
    const counts = reading.counts;
    const [activity, participants, firsts, joiners, help, daysToFirst, hoursToHelper] =
      await Promise.all([
        counts ? this.reads.activity(set, p) : none<Figures<'sessionsHeld' | 'attendances'>>(),
        reading.participants ? this.reads.participants(set, p) : none<Figures<'participants'>>(),
        counts ? this.reads.firsts(set, p) : none<Figures<'firstTimers' | 'returned'>>(),
        counts
          ? this.reads.joiners(set, p)
          : none<Figures<'newMembers' | 'reached3' | 'active3' | 'reached6' | 'active6'>>(),
        byInterest || !counts ? none<HelpCellRow>() : helpCells,
        byInterest ? none<GroupedFacts>() : this.reads.medianDaysToFirst(set, p),
        byInterest ? none<GroupedFacts>() : this.reads.medianHoursToHelper(set, p),
      ]);
    const order = GROUPINGS.filter((g) => set.has(g));
    const tallies = new Map<string, Tally>();
    const at = (k: GroupKey) => {
      const key = keyOf(k, order);
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = emptyTally()));
      return tally;
    };
    const n = (v: number | null | undefined) => Number(v ?? 0);
    for (const r of activity) {
      const t = at(r);
      t.sessionsHeld += n(r.sessionsHeld);
      t.counts.attendances += n(r.attendances);
    }
    for (const r of participants) at(r).counts.participants += n(r.participants);
    for (const r of firsts) {
      const t = at(r);
      t.counts.firstTimers += n(r.firstTimers);
      t.counts.returnedWithin30Days += n(r.returned);
    }
    for (const r of joiners) {
      const t = at(r);
      t.counts.newMembers += n(r.newMembers);
      t.counts.reached3Months += n(r.reached3);
      t.counts.activeAt3Months += n(r.active3);
      t.counts.reached6Months += n(r.reached6);
      t.counts.activeAt6Months += n(r.active6);
    }
    // Help's cells (a month and an area) perturbed here: minutes by the most one helper gave,
    // each cell drawing anew.
    for (const cell of help) {
      if (!wardOf.has(cell.areaId)) continue;
      const t = at({ month: monthLabel(cell.month), ward: wardOf.get(cell.areaId) ?? null });
      t.counts.helpFulfilled += perturbCount(cell.count, cell.key);
      t.helperMinutes += perturbAmount(
        cell.minutes,
        cell.topHelperMinutes,
        cell.key,
        `helper-minutes|${cell.month}|${cell.areaCode}`,
      );
    }
    for (const m of daysToFirst) at(m).medianDaysToFirst = m.median;
    for (const m of hoursToHelper) at(m).medianHoursToHelper = m.median;
    return tallies;
  }

  /** A row as published: counts from their perturbed sums, hidden under the threshold. */
  private published(tally: Tally, byInterest: boolean) {
    const count = (value: number): PublishedCount =>
      value >= this.rules.threshold
        ? { value: roundTo(value, this.rules.roundTo), suppressed: false }
        : HIDDEN;
    const counts = Object.fromEntries(
      PARTICIPATION_COUNTS.map((c) => [
        c,
        byInterest && NOT_BY_INTEREST.has(c) ? NOT_APPLICABLE : count(tally.counts[c]),
      ]),
    ) as Record<ParticipationCount, PublishedCount>;
    // Everything shown is decided by published figures alone: minutes and medians where the
    // counts they come from are shown.
    return {
      ...counts,
      sessionsHeld: { value: tally.sessionsHeld, suppressed: false },
      helperMinutes: byInterest
        ? NOT_APPLICABLE
        : counts.helpFulfilled.suppressed
          ? HIDDEN
          : count(Math.max(0, Math.round(tally.helperMinutes))),
      medianDaysToFirstActivity: counts.firstTimers.suppressed ? null : tally.medianDaysToFirst,
      medianHoursToHelper:
        byInterest || counts.helpFulfilled.suppressed ? null : tally.medianHoursToHelper,
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
      // The quarter's participants by ward, exact (its report by ward publishes them perturbed:
      // taking them as published exactly hides more here, never less).
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

/** Every combination of the groupings' values, the first grouping outermost. */
function cross(dimensions: { values: GroupKey[][] }): GroupKey[] {
  return dimensions.values.reduce<GroupKey[]>(
    (rows, values) => rows.flatMap((row) => values.map((v) => ({ ...row, ...v }))),
    dimensions.values.length === 0 ? [] : [{}],
  );
}

/** BAD_USER_INPUT for an unknown grouping, one given twice, or more than two at once. */
export function checkGroupBy(groupBy: readonly string[]): Grouping[] {
  // More than two is one problem, however many are sent (a query may carry thousands).
  if (groupBy.length > 2)
    throw DomainError.badInput([{ path: 'groupBy', message: 'at most two groupings at once' }]);
  const problems: { path: string; message: string }[] = [];
  groupBy.forEach((g, i) => {
    if (!(GROUPINGS as readonly string[]).includes(g))
      problems.push({ path: `groupBy.${i}`, message: `one of ${GROUPINGS.join(', ')}` });
    else if (groupBy.indexOf(g) !== i)
      problems.push({ path: `groupBy.${i}`, message: 'each grouping once' });
  });
  if (problems.length > 0) throw DomainError.badInput(problems);
  // Always in one order, so [WARD, MONTH] and [MONTH, WARD] are the same table.
  return GROUPINGS.filter((g) => groupBy.includes(g));
}
