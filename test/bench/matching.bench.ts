/**
 * npm run bench:matching — matching at city scale.
 *
 * Builds (or reuses) a synthetic Greater London of 100k members with the demo generator, and one
 * of 10k, starts the built API on each, and drives recommendedSessions, suggestedPeers and
 * helperMatches over HTTP with 16 concurrent clients for randomly chosen signed-in members. The
 * baseline is the same candidate SQL alone on a plain pg pool at the same concurrency; the 10k
 * city shows how cost grows. What is compared is measured in turns of 5 s, so a drift in the
 * shared machine's speed falls on both sides. Prints one JSON line at the end.
 *
 * BENCH_SECONDS (default 20) per measurement, BENCH_CONCURRENCY (16), BENCH_MEMBERS (100000),
 * BENCH_SMALL_MEMBERS (10000), BENCH_SERVER_URL (postgres://root@127.0.0.1:5432),
 * BENCH_REGENERATE=1 to rebuild the datasets.
 */
import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
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
import { Api, BENCH_JWT_SECRET } from './api-process';
import { ensureCity } from './city-dataset';
import { freePort } from './free-port';
import type { CityDataset } from './city-dataset';
import { interleaved } from './load';
import type { LoadFigures } from './load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100_000);
const SMALL_MEMBERS = Number(process.env.BENCH_SMALL_MEMBERS ?? 10_000);
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://root@127.0.0.1:5432';
const SEED = 20261124;
const SAMPLE = 1000;
const HELP_SAMPLE = 300;
const JWT_SECRET = BENCH_JWT_SECRET;
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
    loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://kith.example.org',
      JWT_SECRET,
      MAIL_URL: 'smtp://127.0.0.1:1',
    }),
  );
  return rows.map((row) => ({
    personId: row.id,
    token: tokens.issueAccessToken({ personId: row.id, sessionId: row.sessionId }, new Date()),
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

function report(label: string, figures: LoadFigures): LoadFigures {
  log(
    `${label}: ${figures.throughput}/s p50 ${figures.p50Ms} p95 ${figures.p95Ms} p99 ${figures.p99Ms} ms, failures ${figures.failures}${figures.firstFailure ? ` (${figures.firstFailure})` : ''}`,
  );
  return figures;
}

/** A city with the built API running on it and a sample of its members signed in. */
interface Stage {
  dataset: CityDataset;
  api: Api;
  pool: Pool;
  members: Member[];
}

async function stage(dataset: CityDataset, port: number): Promise<Stage> {
  const pool = new Pool({ connectionString: dataset.databaseUrl, max: CONCURRENCY });
  const api = await Api.start(dataset.databaseUrl, port, CONCURRENCY * 2).catch(
    async (error: unknown) => {
      await pool.end();
      throw error;
    },
  );
  return { dataset, api, pool, members: await signInSample(pool, SAMPLE) };
}

/** Stops the API (returning its peak RSS) and removes what the bench added. */
async function unstage(s: Stage): Promise<number> {
  const peak = await s.api.stop();
  await cleanUp(s.pool, s.members).finally(() => s.pool.end());
  return peak;
}

/**
 * The member's side as it was before ties were kept (commit 29a75ce): whom the member knows
 * found by scanning every session they attended, per request. Measured beside today's, on the
 * same data in the same run, to show what reading kept ties saves.
 */
const MEMBER_SQL_BEFORE_TIES = `SELECT mp.home::text AS home, mp.travel_radius_metres AS radius, mp.accessibility_needs::text[] AS needs, mp.goals,
       COALESCE((SELECT array_agg(interest_id) FROM member_interest WHERE person_id = mp.person_id), '{}') AS "interestIds",
       COALESCE((SELECT array_agg(DISTINCT i.group_slug) FROM member_interest mi JOIN interest i ON i.id = mi.interest_id
                  WHERE mi.person_id = mp.person_id), '{}') AS "chosenGroups",
       COALESCE((SELECT array_agg(DISTINCT i.group_slug) FROM booking b
                   JOIN session s ON s.id = b.session_id
                   JOIN activity_interest ai ON ai.activity_id = s.activity_id
                   JOIN interest i ON i.id = ai.interest_id
                  WHERE b.person_id = mp.person_id AND b.status = 'ATTENDED'), '{}') AS "triedGroups",
       COALESCE((SELECT json_agg(json_build_object('weekday', weekday, 'startMinute', start_minute, 'endMinute', end_minute))
                   FROM availability_window WHERE person_id = mp.person_id), '[]') AS availability,
       ARRAY(SELECT blocked_id FROM block WHERE blocker_id = mp.person_id
             UNION SELECT blocker_id FROM block WHERE blocked_id = mp.person_id) AS blocked,
       to_json(ARRAY(SELECT other.person_id
               FROM booking mine JOIN booking other ON other.session_id = mine.session_id AND other.person_id <> mine.person_id
              WHERE mine.person_id = mp.person_id AND mine.status = 'ATTENDED' AND other.status = 'ATTENDED'
             UNION
             SELECT CASE WHEN person_a = mp.person_id THEN person_b ELSE person_a END
               FROM tie WHERE person_a = mp.person_id OR person_b = mp.person_id)) AS known,
       -- Only upcoming sessions can be candidates, and their bookings are BOOKED or WAITLISTED
       -- (attendance comes after): a short list, checked per candidate without a probe.
       to_json(ARRAY(SELECT session_id FROM booking
              WHERE person_id = mp.person_id AND status IN ('BOOKED', 'WAITLISTED'))) AS holding
  FROM member_profile mp WHERE mp.person_id = $1`;

/**
 * The candidate SQL the repositories run, alone, on a plain pool of the same concurrency, for
 * the same signed-in members and the help requests they made through the API, as the same
 * named prepared statements, so both sides are spared planning alike.
 */
function bareSql(s: Stage) {
  const people = s.members.map((m) => m.personId);
  const requests = s.members.flatMap((m) => (m.requestId ? [m.requestId] : []));
  return {
    // The member's side alone: where whom they know is read (kept ties, or the old scan).
    member: (memberSql: string, name: string) => async () => {
      const { rows } = await s.pool.query<MemberRow>({
        name,
        text: memberSql,
        values: [pick(people)],
      });
      return rows[0].known.length;
    },
    // The member's side, then the candidates from the index: what the repository runs.
    sessions:
      (memberSql = MATCHING_MEMBER_SQL, name = 'bench-member') =>
      async () => {
        const now = new Date();
        const { rows } = await s.pool.query<MemberRow>({
          name,
          text: memberSql,
          values: [pick(people)],
        });
        const member = rows[0];
        const result = await s.pool.query<{ sessionId: string | null }>({
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
      },
    peers: async () => {
      const result = await s.pool.query({
        name: 'bench-peers',
        text: PEER_CANDIDATES_SQL,
        values: [pick(people), CANDIDATE_LIMITS.peers],
      });
      return result.rowCount ?? 0;
    },
    helpers: async () => {
      const result = await s.pool.query({
        name: 'bench-helpers',
        text: HELPER_CANDIDATES_SQL,
        values: [pick(requests), new Date().toISOString().slice(0, 10), CANDIDATE_LIMITS.helpers],
      });
      return result.rowCount ?? 0;
    },
  };
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

async function main(): Promise<void> {
  const started = Date.now();
  const big = await ensureCity(SERVER_URL, MEMBERS, SEED, log);
  const small = await ensureCity(SERVER_URL, SMALL_MEMBERS, SEED, log);
  log(`datasets: ${JSON.stringify(big.counts)} / ${JSON.stringify(small.counts)}`);

  // Both APIs run throughout (an idle one costs nothing); what is compared takes turns.
  // Ports the machine has free now: a random pick once landed on RabbitMQ's 5672.
  const atBig = await stage(big, await freePort());
  const atSmall = await stage(small, await freePort()).catch(async (error: unknown) => {
    await unstage(atBig);
    throw error;
  });
  const peaks: number[] = [];
  let sessions: Record<'api' | 'bare' | 'bareBeforeTies' | 'small', LoadFigures>;
  let peers: Record<'api' | 'bare', LoadFigures>;
  let members: Record<'withTies' | 'beforeTies', LoadFigures>;
  let helpers: Record<'api' | 'bare', LoadFigures>;
  try {
    await askForHelp(atBig.api, atBig.pool, atBig.members, HELP_SAMPLE);
    const bare = bareSql(atBig);
    log(`measuring, ${SECONDS} s per figure in ${Math.max(1, Math.round(SECONDS / 5))} turns`);
    sessions = await interleaved(CONCURRENCY, SECONDS, {
      api: fireGraphql<{ recommendedSessions: unknown[] }>(
        atBig.api,
        atBig.members,
        RECOMMEND,
        'recommendedSessions',
      ),
      bare: bare.sessions(),
      bareBeforeTies: bare.sessions(MEMBER_SQL_BEFORE_TIES, 'bench-member-before-ties'),
      small: fireGraphql<{ recommendedSessions: unknown[] }>(
        atSmall.api,
        atSmall.members,
        RECOMMEND,
        'recommendedSessions',
      ),
    });
    report(`recommendedSessions @${big.members}`, sessions.api);
    report('bare SQL sessions', sessions.bare);
    report(
      'bare SQL sessions, people known by scanning attendance (before ties)',
      sessions.bareBeforeTies,
    );
    report(`recommendedSessions @${small.members}`, sessions.small);
    members = await interleaved(CONCURRENCY, SECONDS, {
      withTies: bare.member(MATCHING_MEMBER_SQL, 'bench-member-only'),
      beforeTies: bare.member(MEMBER_SQL_BEFORE_TIES, 'bench-member-only-before-ties'),
    });
    report('member SQL alone, people known from kept ties', members.withTies);
    report(
      'member SQL alone, people known by scanning attendance (before ties)',
      members.beforeTies,
    );
    peers = await interleaved(CONCURRENCY, SECONDS, {
      api: fireGraphql<{ suggestedPeers: unknown[] }>(
        atBig.api,
        atBig.members,
        PEERS,
        'suggestedPeers',
      ),
      bare: bare.peers,
    });
    report(`suggestedPeers @${big.members}`, peers.api);
    report('bare SQL peers', peers.bare);
    helpers = await interleaved(CONCURRENCY, SECONDS, {
      api: fireGraphql<{ helperMatches: unknown[] }>(
        atBig.api,
        atBig.members.slice(0, HELP_SAMPLE),
        HELPERS,
        'helperMatches',
        true,
      ),
      bare: bare.helpers,
    });
    report(`helperMatches @${big.members}`, helpers.api);
    report('bare SQL helpers', helpers.bare);
  } finally {
    peaks.push(await unstage(atBig), await unstage(atSmall));
  }
  const [bigRssMb, smallRssMb] = peaks;

  const rec = sessions.api;
  const throughputRatio = round(rec.throughput / sessions.bare.throughput);
  const growth = round(rec.p95Ms / sessions.small.p95Ms);
  const tiesGain = round(sessions.bare.throughput / sessions.bareBeforeTies.throughput);
  const memberGain = round(members.withTies.throughput / members.beforeTies.throughput);
  const peakRssMb = Math.max(bigRssMb, smallRssMb);
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
    interleavedSliceSeconds: 5,
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
      suggestedPeers: peers.api,
      helperMatches: helpers.api,
      [`recommendedSessionsAt${SMALL_MEMBERS}`]: sessions.small,
    },
    bareSql: {
      sessions: sessions.bare,
      sessionsBeforeTies: sessions.bareBeforeTies,
      memberOnly: members.withTies,
      memberOnlyBeforeTies: members.beforeTies,
      peers: peers.bare,
      helpers: helpers.bare,
    },
    apiPeakRssMb: { [MEMBERS]: bigRssMb, [SMALL_MEMBERS]: smallRssMb },
    ratios: {
      recommendedSessionsThroughputOverBareSql: throughputRatio,
      suggestedPeersThroughputOverBareSql: round(peers.api.throughput / peers.bare.throughput),
      helperMatchesThroughputOverBareSql: round(helpers.api.throughput / helpers.bare.throughput),
      recommendedSessionsP95Growth: growth,
      sessionsSqlWithTiesOverBeforeTies: tiesGain,
      memberSqlWithTiesOverBeforeTies: memberGain,
    },
    targets: {
      recommendedSessionsP95Ms: { target: '<= 50', value: rec.p95Ms, met: rec.p95Ms <= 50 },
      throughputOverBareSql: {
        target: '>= 0.4',
        value: throughputRatio,
        met: throughputRatio >= 0.4,
      },
      p95GrowthFromSmallToBig: { target: '<= 1.5', value: growth, met: growth <= 1.5 },
      // Issue 14: the sessions path at least as fast with kept ties as with the scan they replaced.
      sessionsThroughputWithTiesOverBeforeTies: {
        target: '>= 1',
        value: tiesGain,
        met: tiesGain >= 1,
      },
      memberSqlThroughputWithTiesOverBeforeTies: {
        target: '>= 1',
        value: memberGain,
        met: memberGain >= 1,
      },
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
