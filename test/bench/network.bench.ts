/**
 * npm run bench:network — the nightly network snapshot at city scale.
 *
 * Builds (or reuses) a year of history for 100k members: 600 wards, 12,000 weekly activities
 * (624,000 sessions), a group of regulars for each who come most weeks (about 5M attendances),
 * 10% of members helpers, and the ties kept from it all (`cli network rebuild-ties`, the same
 * code the demo uses). Then, in turns, the bare co-attendance aggregation SQL over the same
 * attendance (every pair of people at each session, counted and weighted, grouped by pair) and
 * the snapshot for today (`cli network snapshot --json`, the code the 02:00 schedule runs, in
 * its own process so its peak memory is its own). Prints one JSON line at the end.
 *
 * BENCH_MEMBERS (100000), BENCH_TURNS (2), BENCH_SERVER_URL (postgres://root@127.0.0.1:5432),
 * BENCH_REGENERATE=1 to rebuild the dataset.
 */
import { cpus, totalmem } from 'node:os';
import { log } from './bench-support';
import { runCli, withClient } from './city-dataset';
import { ensureHistory } from './history-dataset';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const TURNS = Number(process.env.BENCH_TURNS ?? 2);
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://root@127.0.0.1:5432';
const MARKER_VERSION = 1;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The bare co-attendance aggregation: every pair at each session of 2 to 30 attendees, with its
 * size discount, summed per pair with the first and last time they met. No decay, no dormancy,
 * no measures: the least any snapshot must do if it read attendance instead of kept ties.
 */
const BARE_CO_ATTENDANCE_SQL = `
  WITH came AS (SELECT b.session_id, b.person_id, s.starts_at, count(*) OVER (PARTITION BY b.session_id) AS n
                  FROM booking b JOIN session s ON s.id = b.session_id WHERE b.status = 'ATTENDED')
  SELECT count(*)::int AS pairs FROM (
    SELECT x.person_id AS a, y.person_id AS b, sum(1.0 / (x.n - 1)) AS weight, count(*) AS meetings,
           min(x.starts_at) AS first, max(x.starts_at) AS last
      FROM came x JOIN came y ON y.session_id = x.session_id AND x.person_id < y.person_id
     WHERE x.n BETWEEN 2 AND 30
     GROUP BY x.person_id, y.person_id) pairs`;

async function main(): Promise<void> {
  const started = Date.now();
  const data = await ensureHistory(
    SERVER_URL,
    `kith_bench_network_${MEMBERS}`,
    MEMBERS,
    MARKER_VERSION,
    async (url) => {
      log(`ties: ${(await runCli(['network', 'rebuild-ties'], { DATABASE_URL: url })).trim()}`);
    },
  );
  log(`dataset: ${JSON.stringify(data.counts)}`);
  const bare: number[] = [];
  const snapshot: number[] = [];
  const wall: number[] = [];
  const peaks: number[] = [];
  let barePairs = 0;
  let last: { members: number; ties: number; isolated: number } | undefined;
  for (let turn = 1; turn <= TURNS; turn += 1) {
    const t0 = Date.now();
    barePairs = await withClient(data.url, async (db) => {
      // As many workers as the snapshot's session could use: the server's defaults for both.
      const { rows } = await db.query<{ pairs: number }>(BARE_CO_ATTENDANCE_SQL);
      return rows[0].pairs;
    });
    bare.push(Date.now() - t0);
    log(`turn ${turn}: bare co-attendance SQL ${bare[bare.length - 1]} ms (${barePairs} pairs)`);
    const t1 = Date.now();
    const out = await runCli(['network', 'snapshot', '--json'], { DATABASE_URL: data.url });
    wall.push(Date.now() - t1);
    const outcome = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
      milliseconds: number;
      peakRssMb: number;
      members: number;
      ties: number;
      isolated: number;
    };
    snapshot.push(outcome.milliseconds);
    peaks.push(outcome.peakRssMb);
    last = outcome;
    log(
      `turn ${turn}: snapshot ${outcome.milliseconds} ms (process ${wall[wall.length - 1]} ms), ${outcome.members} members, ${outcome.ties} active ties, peak ${outcome.peakRssMb} MB`,
    );
  }
  const bareMs = median(bare);
  const snapshotMs = median(snapshot);
  const wallMs = median(wall);
  const ratio = round(wallMs / bareMs);
  const peak = Math.max(...peaks);
  const summary = {
    bench: 'network',
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      memoryGb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
    },
    dataset: { ...data.counts, reused: data.reused, generateSeconds: data.generateSeconds },
    turns: TURNS,
    bareCoAttendanceSql: { medianMs: bareMs, runsMs: bare, pairs: barePairs },
    snapshot: {
      medianMs: snapshotMs,
      runsMs: snapshot,
      processMedianMs: wallMs,
      processRunsMs: wall,
      peakRssMb: peak,
      members: last?.members,
      activeTies: last?.ties,
      isolated: last?.isolated,
    },
    targets: {
      snapshotOverBareSql: { target: '<= 3', value: ratio, met: ratio <= 3 },
      peakRssMb: { target: '< 1536', value: peak, met: peak < 1536 },
    },
    benchSeconds: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
