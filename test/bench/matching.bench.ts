/**
 * npm run bench:matching — matching at city scale.
 *
 * Builds (or reuses) a synthetic Greater London of 100k members with the demo generator, starts
 * the built API on it, and drives recommendedSessions, suggestedPeers and helperMatches over
 * HTTP with 16 concurrent clients for randomly chosen signed-in members; then runs the same
 * candidate SQL alone on a plain pg pool at the same concurrency as the baseline; then repeats
 * recommendedSessions on a 10k-member city to show how cost grows. Prints one JSON line at the end.
 *
 * BENCH_SECONDS (default 20) per measurement, BENCH_CONCURRENCY (16), BENCH_MEMBERS (100000),
 * BENCH_SMALL_MEMBERS (10000), BENCH_SERVER_URL (postgres://root@127.0.0.1:5432),
 * BENCH_REGENERATE=1 to rebuild the datasets.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { TokenService } from '@kith/identity';
import {
  CANDIDATE_LIMITS,
  HELPER_CANDIDATES_SQL,
  MATCHING_MEMBER_SQL,
  PEER_CANDIDATES_SQL,
  SESSION_CANDIDATES_SQL,
} from '@kith/matching';
import type { MemberRow } from '@kith/matching';
import { loadConfig } from '@kith/platform';
import { ensureCity, ROOT } from './city-dataset';
import type { CityDataset } from './city-dataset';
import { closedLoop } from './load';
import type { Fire, LoadFigures } from './load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Math.min(5, SECONDS);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const SMALL_MEMBERS = Number(process.env.BENCH_SMALL_MEMBERS ?? 10_000);
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://root@127.0.0.1:5432';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SEED = 20261124;
const SAMPLE = 1000;
const HELP_SAMPLE = 300;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const PORT = 3000 + Math.floor(Math.random() * 1000) + 2000;
const WINDOW_MS = 14 * 24 * 3600 * 1000;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const RECOMMEND = `query { recommendedSessions(first: 10) { score reasons { code text weight } session { id startsAt placesLeft distanceBand activity { title venueName } } } }`;
const PEERS = `query { suggestedPeers(first: 10) { score reasons { code text weight } person { id displayName distanceBand sharedInterests { label } } } }`;
const HELPERS = `query($id: ID!) { helperMatches(requestId: $id, first: 5) { score reasons { code text weight } helper { id displayName distanceBand } } }`;
const CREATE_REQUEST = `mutation($input: HelpRequestInput!) { createHelpRequest(input: $input) { id } }`;

interface Member {
  personId: string;
  token: string;
  requestId?: string;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

class Api {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });
  private constructor(private readonly child: ChildProcess) {}

  static async start(databaseUrl: string): Promise<Api> {
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        REDIS_URL,
        PORT: String(PORT),
        JWT_SECRET,
        MAIL_URL: 'log',
        LOG_LEVEL: 'warn',
        QUEUE_PREFIX: `kith-bench-${process.pid}`,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const api = new Api(child);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
      if (await api.ready()) return api;
      if (Date.now() > deadline) throw new Error('the API did not become ready in 30 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private ready(): Promise<boolean> {
    return new Promise((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: PORT, path: '/health/ready', agent: this.agent },
        (res) => {
          res.resume();
          resolve(res.statusCode === 200);
        },
      );
      req.on('error', () => resolve(false));
      req.end();
    });
  }

  gql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: PORT,
          path: '/graphql',
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const parsed = JSON.parse(Buffer.concat(chunks).toString()) as {
              data?: T;
              errors?: { message: string }[];
            };
            if (parsed.errors?.length || !parsed.data)
              reject(new Error(parsed.errors?.[0]?.message ?? `HTTP ${res.statusCode}`));
            else resolve(parsed.data);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Stops the API and returns its peak resident memory (VmHWM) in MB. */
  async stop(): Promise<number> {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    this.agent.destroy();
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
    return Math.round(peakKb / 1024);
  }
}

/** Signed-in sessions for a random sample of members with a home and interests. */
async function signInSample(pool: Pool, size: number): Promise<Member[]> {
  const { rows } = await pool.query<{ id: string; sessionId: string }>(
    `WITH sample AS (
       SELECT mp.person_id FROM member_profile mp
        WHERE mp.home IS NOT NULL AND EXISTS (SELECT 1 FROM member_interest mi WHERE mi.person_id = mp.person_id)
        ORDER BY random() LIMIT $1)
     INSERT INTO auth_session (person_id) SELECT person_id FROM sample
     RETURNING person_id AS id, id AS "sessionId"`,
    [size],
  );
  const tokens = new TokenService(
    loadConfig({ NODE_ENV: 'production', JWT_SECRET, MAIL_URL: 'log' }),
  );
  return rows.map((row) => ({
    personId: row.id,
    token: tokens.issueAccessToken({ personId: row.id, sessionId: row.sessionId }),
  }));
}

/** Each of the first `size` members asks for help through the API, half with preferred windows. */
async function askForHelp(api: Api, pool: Pool, members: Member[], size: number): Promise<void> {
  const { rows: skills } = await pool.query<{ id: string }>('SELECT id FROM skill');
  const days = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
  const asking = members.slice(0, size);
  for (let i = 0; i < asking.length; i += CONCURRENCY) {
    await Promise.all(
      asking.slice(i, i + CONCURRENCY).map(async (member, k) => {
        const input = {
          skillId: pick(skills).id,
          description: 'Bench: a hand with something at home',
          durationMinutes: 60,
          atHome: true,
          preferredWindows:
            (i + k) % 2 === 0 ? [] : [{ weekday: pick(days), start: '09:00', end: '17:00' }],
        };
        const data = await api.gql<{ createHelpRequest: { id: string } }>(
          member.token,
          CREATE_REQUEST,
          { input },
        );
        member.requestId = data.createHelpRequest.id;
      }),
    );
  }
}

async function withPool(url: string, work: (pool: Pool) => Promise<void>): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await work(pool);
  } finally {
    await pool.end();
  }
}

async function cleanUp(pool: Pool, members: Member[]): Promise<void> {
  const requests = members.flatMap((m) => (m.requestId ? [m.requestId] : []));
  await pool.query('DELETE FROM help_request WHERE id = ANY($1::uuid[])', [requests]);
  await pool.query('DELETE FROM auth_session WHERE person_id = ANY($1::uuid[])', [
    members.map((m) => m.personId),
  ]);
}

const fireGraphql =
  <T>(api: Api, members: Member[], query: string, field: keyof T & string, withRequest = false) =>
  async (): Promise<number> => {
    const member = pick(members);
    const variables: Record<string, unknown> = withRequest ? { id: member.requestId } : {};
    const data = await api.gql<T>(member.token, query, variables);
    return (data[field] as unknown[]).length;
  };

async function measure(label: string, fire: Fire): Promise<LoadFigures> {
  await closedLoop(CONCURRENCY, WARMUP_SECONDS, fire);
  const figures = await closedLoop(CONCURRENCY, SECONDS, fire);
  log(
    `${label}: ${figures.throughput}/s p50 ${figures.p50Ms} p95 ${figures.p95Ms} p99 ${figures.p99Ms} ms, failures ${figures.failures}${figures.firstFailure ? ` (${figures.firstFailure})` : ''}`,
  );
  return figures;
}

async function measureApi(dataset: CityDataset, withPeersAndHelpers: boolean) {
  const pool = new Pool({ connectionString: dataset.databaseUrl, max: 4 });
  const api = await Api.start(dataset.databaseUrl);
  let members: Member[] = [];
  try {
    members = await signInSample(pool, SAMPLE);
    const figures: Record<string, LoadFigures> = {};
    figures.recommendedSessions = await measure(
      `recommendedSessions @${dataset.members}`,
      fireGraphql<{ recommendedSessions: unknown[] }>(
        api,
        members,
        RECOMMEND,
        'recommendedSessions',
      ),
    );
    if (withPeersAndHelpers) {
      figures.suggestedPeers = await measure(
        `suggestedPeers @${dataset.members}`,
        fireGraphql<{ suggestedPeers: unknown[] }>(api, members, PEERS, 'suggestedPeers'),
      );
      await askForHelp(api, pool, members, HELP_SAMPLE);
      figures.helperMatches = await measure(
        `helperMatches @${dataset.members}`,
        fireGraphql<{ helperMatches: unknown[] }>(
          api,
          members.slice(0, HELP_SAMPLE),
          HELPERS,
          'helperMatches',
          true,
        ),
      );
    }
    const peakRssMb = await api.stop();
    return { figures, peakRssMb, members };
  } catch (error) {
    await api.stop();
    await cleanUp(pool, members);
    throw error;
  } finally {
    await pool.end();
  }
}

/**
 * The candidate SQL the repositories run, alone, on a plain pool of the same concurrency, for
 * the same signed-in members and the help requests they made through the API.
 */
async function measureBareSql(dataset: CityDataset, members: Member[]) {
  const pool = new Pool({ connectionString: dataset.databaseUrl, max: CONCURRENCY });
  const people = members.map((m) => m.personId);
  const requests = members.flatMap((m) => (m.requestId ? [m.requestId] : []));
  const today = new Date().toISOString().slice(0, 10);
  try {
    // The member's side, then the candidates from the index: what the repository runs, as the
    // same named prepared statements, so both sides are spared planning alike.
    const sessions = await measure('bare SQL sessions', async () => {
      const now = new Date();
      const personId = pick(people);
      const { rows } = await pool.query<MemberRow>({
        name: 'bench-member',
        text: MATCHING_MEMBER_SQL,
        values: [personId],
      });
      const member = rows[0];
      const result = await pool.query<{ sessionId: string | null }>({
        name: 'bench-candidates',
        text: SESSION_CANDIDATES_SQL,
        values: [
          member.holding,
          member.home,
          member.radius,
          now,
          new Date(now.getTime() + WINDOW_MS),
          Math.ceil(CANDIDATE_LIMITS.sessions * 1.5),
          CANDIDATE_LIMITS.sessions,
          member.needs,
          member.blocked,
          member.known,
        ],
      });
      return result.rows.filter((row) => row.sessionId !== null).length;
    });
    const peers = await measure('bare SQL peers', async () => {
      const result = await pool.query({
        name: 'bench-peers',
        text: PEER_CANDIDATES_SQL,
        values: [pick(people), CANDIDATE_LIMITS.peers],
      });
      return result.rowCount ?? 0;
    });
    const helpers = await measure('bare SQL helpers', async () => {
      const result = await pool.query({
        name: 'bench-helpers',
        text: HELPER_CANDIDATES_SQL,
        values: [pick(requests), today, CANDIDATE_LIMITS.helpers],
      });
      return result.rowCount ?? 0;
    });
    return { sessions, peers, helpers };
  } finally {
    await cleanUp(pool, members);
    await pool.end();
  }
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

async function main(): Promise<void> {
  const started = Date.now();
  const big = await ensureCity(SERVER_URL, MEMBERS, SEED, log);
  const small = await ensureCity(SERVER_URL, SMALL_MEMBERS, SEED, log);
  log(`datasets: ${JSON.stringify(big.counts)} / ${JSON.stringify(small.counts)}`);

  const atBig = await measureApi(big, true);
  const bare = await measureBareSql(big, atBig.members);
  const atSmall = await measureApi(small, false);
  await withPool(small.databaseUrl, (pool) => cleanUp(pool, atSmall.members));

  const rec = atBig.figures.recommendedSessions;
  const throughputRatio = round(rec.throughput / bare.sessions.throughput);
  const growth = round(rec.p95Ms / atSmall.figures.recommendedSessions.p95Ms);
  const peakRssMb = Math.max(atBig.peakRssMb, atSmall.peakRssMb);
  const summary = {
    bench: 'matching',
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      memoryGb: round(totalmem() / 2 ** 30, 1),
      node: process.version,
    },
    concurrency: CONCURRENCY,
    secondsPerMeasurement: SECONDS,
    datasets: {
      [MEMBERS]: { ...big.counts, generateSeconds: big.generateSeconds, reused: big.reused },
      [SMALL_MEMBERS]: {
        ...small.counts,
        generateSeconds: small.generateSeconds,
        reused: small.reused,
      },
    },
    http: {
      recommendedSessions: rec,
      suggestedPeers: atBig.figures.suggestedPeers,
      helperMatches: atBig.figures.helperMatches,
      [`recommendedSessionsAt${SMALL_MEMBERS}`]: atSmall.figures.recommendedSessions,
    },
    bareSql: bare,
    apiPeakRssMb: { [MEMBERS]: atBig.peakRssMb, [SMALL_MEMBERS]: atSmall.peakRssMb },
    ratios: {
      recommendedSessionsThroughputOverBareSql: throughputRatio,
      suggestedPeersThroughputOverBareSql: round(
        (atBig.figures.suggestedPeers?.throughput ?? NaN) / bare.peers.throughput,
      ),
      helperMatchesThroughputOverBareSql: round(
        (atBig.figures.helperMatches?.throughput ?? NaN) / bare.helpers.throughput,
      ),
      recommendedSessionsP95Growth: growth,
    },
    targets: {
      recommendedSessionsP95Ms: { target: '<= 50', value: rec.p95Ms, met: rec.p95Ms <= 50 },
      throughputOverBareSql: {
        target: '>= 0.4',
        value: throughputRatio,
        met: throughputRatio >= 0.4,
      },
      p95GrowthFromSmallToBig: { target: '<= 1.5', value: growth, met: growth <= 1.5 },
      apiPeakRssMb: { target: '< 400', value: peakRssMb, met: peakRssMb < 400 },
      generateSeconds: {
        target: '< 180',
        value: big.generateSeconds,
        met: big.generateSeconds < 180,
      },
    },
    benchSeconds: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
