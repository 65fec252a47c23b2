/**
 * npm run bench:reports — a year's participation report for a borough at city scale.
 *
 * Builds (or reuses) the year of history bench:network uses (100k members in 600 wards, about
 * 5M attendances), works out the participation rollups from it (`cli reports rebuild-rollups`,
 * the same code as after the migration), signs in a commissioner of the borough and starts the
 * built API. Then, in turns: the bare ad-hoc SQL (attendances, distinct participants and
 * sessions by month for the borough's members, and the year's distinct participants, straight
 * from bookings), and participationReport over HTTP for the last twelve whole months, by
 * MONTH, by WARD and by INTEREST_GROUP, one request at a time. Prints one JSON line at the end.
 *
 * BENCH_MEMBERS (100000), BENCH_TURNS (3), BENCH_REQUESTS (40 per grouping per turn),
 * BENCH_SERVER_URL (postgres://root@127.0.0.1:5432), BENCH_REGENERATE=1 to rebuild the dataset.
 */
import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
import { TokenService } from '@kith/identity';
import { loadConfig, londonMonthNumber, londonToUtc } from '@kith/platform';
import { Api, BENCH_JWT_SECRET } from './api-process';
import { log, percentile } from './bench-support';
import { runCli, withClient } from './city-dataset';
import { freePort } from './free-port';
import { ensureHistory } from './history-dataset';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const TURNS = Number(process.env.BENCH_TURNS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://root@127.0.0.1:5432';
const MARKER_VERSION = 2;
const TARGET_P95_MS = 200;
const GROUPINGS = ['MONTH', 'WARD', 'INTEREST_GROUP'] as const;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

const COUNT = '{ value suppressed }';
const ROW = `month ward { id } interest { id } sessionsHeld ${COUNT} attendances ${COUNT} participants ${COUNT}
  newMembers ${COUNT} firstTimers ${COUNT} returnedWithin30Days ${COUNT} reached3Months ${COUNT}
  activeAt3Months ${COUNT} reached6Months ${COUNT} activeAt6Months ${COUNT} helpFulfilled ${COUNT}
  helperMinutes ${COUNT} medianDaysToFirstActivity medianHoursToHelper`;
const REPORT = `query($a: ID!, $f: DateTime!, $t: DateTime!, $g: [ReportGrouping!]) {
  participationReport(areaId: $a, from: $f, to: $t, groupBy: $g) {
    threshold rows { ${ROW} } totals { ${ROW} } ageBands { category people ${COUNT} }
  } }`;

/**
 * What a year's report for the borough would cost read straight from attendance: the figures
 * by month (attendances, distinct participants, sessions held) and the year's distinct
 * participants, for members living in the borough or its wards.
 */
const BARE_SQL = `
  WITH RECURSIVE inside AS (SELECT id FROM area WHERE id = $1 UNION SELECT a.id FROM area a JOIN inside ON a.parent_id = inside.id),
  came AS (SELECT b.person_id, s.id AS session_id, to_char(s.starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month
             FROM booking b JOIN session s ON s.id = b.session_id JOIN member_profile mp ON mp.person_id = b.person_id
            WHERE b.status = 'ATTENDED' AND s.cancelled_at IS NULL AND mp.home_area_id IN (SELECT id FROM inside)
              AND s.starts_at >= $2 AND s.starts_at < $3)
  SELECT month, count(*)::int AS attendances, count(DISTINCT person_id)::int AS participants,
         count(DISTINCT session_id)::int AS sessions,
         (SELECT count(DISTINCT person_id)::int FROM came) AS year_participants
    FROM came GROUP BY month ORDER BY month`;

/** The first instant of the month `back` months before this one, on London's clocks. */
function londonMonthStart(back: number): Date {
  const m = londonMonthNumber(new Date()) - back;
  return londonToUtc(Math.floor(m / 12), (m % 12) + 1, 1, 0, 0);
}

async function main(): Promise<void> {
  const started = Date.now();
  let rebuildSeconds: number | null = null;
  const data = await ensureHistory(
    SERVER_URL,
    `kith_bench_reports_${MEMBERS}`,
    MEMBERS,
    MARKER_VERSION,
    async (url) => {
      const t0 = Date.now();
      log((await runCli(['reports', 'rebuild-rollups'], { DATABASE_URL: url })).trim());
      rebuildSeconds = round((Date.now() - t0) / 1000, 1);
    },
  );
  log(`dataset: ${JSON.stringify(data.counts)}`);
  const url = data.url;
  const from = londonMonthStart(12);
  const to = londonMonthStart(0);
  const { boroughId, token, attendancesInYear } = await withClient(url, async (db) => {
    // A rollup table a newer migration brought is empty on a dataset made before it.
    const { rows: rollups } = await db.query<{ n: number }>(
      `SELECT least((SELECT count(*) FROM participant), (SELECT count(*) FROM member_join),
                    (SELECT count(*) FROM participant_answer_reach),
                    (SELECT count(*) FROM participant_interest_reach))::int AS n`,
    );
    if (rollups[0].n === 0) {
      // Reused from before the rollups were kept (or from bench:network's generator run).
      const t0 = Date.now();
      log((await runCli(['reports', 'rebuild-rollups'], { DATABASE_URL: url })).trim());
      rebuildSeconds = round((Date.now() - t0) / 1000, 1);
    }
    const {
      rows: [borough],
    } = await db.query<{ id: string }>(`SELECT id FROM area WHERE kind = 'borough' LIMIT 1`);
    const {
      rows: [person],
    } = await db.query<{ id: string }>(
      `INSERT INTO person (email, display_name) VALUES ('commissioner@reports.bench', 'Commissioner')
       ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
    );
    await db.query(
      `INSERT INTO role_grant (person_id, role, area_id) SELECT $1, 'COMMISSIONER', $2
        WHERE NOT EXISTS (SELECT 1 FROM role_grant WHERE person_id = $1 AND role = 'COMMISSIONER')`,
      [person.id, borough.id],
    );
    const {
      rows: [session],
    } = await db.query<{ id: string }>(
      `INSERT INTO auth_session (person_id) VALUES ($1) RETURNING id`,
      [person.id],
    );
    const tokens = new TokenService(
      loadConfig({
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://kith.example.org',
        JWT_SECRET: BENCH_JWT_SECRET,
        MAIL_URL: 'smtp://127.0.0.1:1',
      }),
    );
    const {
      rows: [year],
    } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM booking b JOIN session s ON s.id = b.session_id
        WHERE b.status = 'ATTENDED' AND s.starts_at >= $1 AND s.starts_at < $2`,
      [from, to],
    );
    return {
      boroughId: borough.id,
      token: tokens.issueAccessToken({ personId: person.id, sessionId: session.id }, new Date()),
      attendancesInYear: year.n,
    };
  });
  log(`a year (${from.toISOString()} to ${to.toISOString()}): ${attendancesInYear} attendances`);
  // One commissioner asks hundreds of times: the per-person limit (still checked on each
  // request, in Redis) set out of the way.
  const api = await Api.start(url, await freePort(), 4, { REPORTS_PER_HOUR: '1000000' });
  const bare: number[] = [];
  const reports: Record<(typeof GROUPINGS)[number], number[]> = {
    MONTH: [],
    WARD: [],
    INTEREST_GROUP: [],
  };
  let agreement:
    | {
        attendances: boolean;
        participants: boolean;
        attendancesOff: number;
        participantsOff: number;
        cells: { attendances: number; participants: number };
      }
    | undefined;
  // How many perturbed cells each total is the sum of: each moves it by at most 3.
  const cells = await withClient(url, async (db) => {
    const {
      rows: [n],
    } = await db.query<{ attendances: number; participants: number }>(
      `WITH RECURSIVE inside AS (SELECT id FROM area WHERE id = $1 UNION SELECT a.id FROM area a JOIN inside ON a.parent_id = inside.id)
       SELECT (SELECT count(*) FROM participation_month_set
                WHERE attendances > 0 AND area_id IN (SELECT id FROM inside) AND month BETWEEN $2 AND $3)::int AS attendances,
              (SELECT count(DISTINCT (next_month, area_id)) FROM participant_reach
                WHERE people > 0 AND start_month = $2 AND next_month <= $3 AND area_id IN (SELECT id FROM inside))::int AS participants`,
      [boroughId, londonMonthNumber(from), londonMonthNumber(to) - 1],
    );
    return n;
  });
  try {
    const ask = (g: string) =>
      api.gql<{ participationReport: { totals: Record<string, { value: number | null }> } }>(
        token,
        REPORT,
        { a: boroughId, f: from.toISOString(), t: to.toISOString(), g: [g] },
      );
    // Warm: the API's first requests plan its queries and fill its pools.
    for (const g of GROUPINGS) for (let i = 0; i < 3; i += 1) await ask(g);
    for (let turn = 1; turn <= TURNS; turn += 1) {
      const bareRows = await withClient(url, async (db) => {
        let rows: { attendances: number; year_participants: number }[] = [];
        for (let i = 0; i < 3; i += 1) {
          const t0 = process.hrtime.bigint();
          rows = (
            await db.query<{ attendances: number; year_participants: number }>(BARE_SQL, [
              boroughId,
              from,
              to,
            ])
          ).rows;
          bare.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        return rows;
      });
      for (const g of GROUPINGS)
        for (let i = 0; i < REQUESTS; i += 1) {
          const t0 = process.hrtime.bigint();
          const answer = await ask(g);
          reports[g].push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (g === 'MONTH' && i === 0) {
            const totals = answer.participationReport.totals;
            const attendancesOff =
              (totals.attendances.value ?? 0) - bareRows.reduce((sum, r) => sum + r.attendances, 0);
            const participantsOff =
              (totals.participants.value ?? 0) - (bareRows[0]?.year_participants ?? 0);
            agreement = {
              attendances: Math.abs(attendancesOff) <= 3 * cells.attendances,
              participants: Math.abs(participantsOff) <= 3 * cells.participants,
              attendancesOff,
              participantsOff,
              cells,
            };
          }
        }
      log(
        `turn ${turn}: bare SQL p50 ${round(percentile(sorted(bare), 50))} ms; report p95 ${GROUPINGS.map((g) => `${g} ${round(percentile(sorted(reports[g]), 95))}`).join(', ')} ms`,
      );
    }
  } finally {
    const peak = await api.stop();
    log(`API peak RSS ${peak} MB`);
  }
  const bareSorted = sorted(bare);
  const figureOf = (g: (typeof GROUPINGS)[number]) => {
    const s = sorted(reports[g]);
    return {
      requests: s.length,
      p50Ms: round(percentile(s, 50)),
      p95Ms: round(percentile(s, 95)),
      maxMs: round(s[s.length - 1]),
    };
  };
  const figures = {
    MONTH: figureOf('MONTH'),
    WARD: figureOf('WARD'),
    INTEREST_GROUP: figureOf('INTEREST_GROUP'),
  };
  const bareP50 = round(percentile(bareSorted, 50));
  const summary = {
    bench: 'reports',
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      memoryGb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
    },
    dataset: {
      ...data.counts,
      attendancesInYear,
      reused: data.reused,
      generateSeconds: data.generateSeconds,
      rebuildRollupsSeconds: rebuildSeconds,
    },
    period: { from: from.toISOString(), to: to.toISOString() },
    turns: TURNS,
    bareAdHocSql: {
      runs: bareSorted.length,
      p50Ms: bareP50,
      p95Ms: round(percentile(bareSorted, 95)),
    },
    report: figures,
    // The report's totals are the bare SQL's exact figures (attendances, distinct participants),
    // each perturbed cell by cell: off by at most 3 a cell (and by how much, and of how many).
    agreesWithBareSql: agreement,
    ratios: Object.fromEntries(
      GROUPINGS.map((g) => [`bareP50Over${g}P95`, round(bareP50 / figures[g].p95Ms)]),
    ),
    targets: Object.fromEntries(
      GROUPINGS.map((g) => [
        `yearBoroughReportP95Ms_${g}`,
        {
          target: `<= ${TARGET_P95_MS}`,
          value: figures[g].p95Ms,
          met: figures[g].p95Ms <= TARGET_P95_MS,
        },
      ]),
    ),
    benchSeconds: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
