/**
 * npm run eval:matching — does matching follow what members like, and find what they go to?
 *
 * Seeds the demo neighbourhood (the quick start's: 3,000 members, seed 20261124) into a database
 * of its own, then measures two things and prints one JSON line:
 *
 * 1. On the demo data, through the real SessionMatchingService: for every member with at least
 *    10 sessions in the next 14 days that share one of their interests inside their travel
 *    radius, how many of their top 10 share an interest, and whether the first one does. Whether
 *    a suggestion shares an interest is read from the database, not from its reasons.
 * 2. Offline, on the demo's history (attendance drawn by the generator's own model, documented
 *    in libs/demo/src/demo-community.ts, which never reads the scoring weights): fit on the
 *    first four months (what each member had tried and who they had met by then) and rank, for
 *    the last two, every activity inside the member's radius that meets their access needs and
 *    runs then, by the recommender (the production scoring and variety re-ranking), by
 *    nearest-first and by most-popular (most people in the first four months). Hit rate at 10
 *    and nDCG at 10 of the activities each member went to in the last two months, over members
 *    who went to any; also for activities new to the member (not attended in the first four).
 *    For the record, not as a target: "what you went to most", which a member's own habit
 *    makes hard to beat on the activities they already go to.
 *
 * EVAL_MEMBERS (3000), EVAL_SEED (20261124), EVAL_SERVER_URL (postgres://root@127.0.0.1:5432).
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import {
  diversify,
  MATCH_WEIGHTS,
  sessionScore,
  SessionMatchingService,
  MatchingModule,
} from '@kith/matching';
import type { InterestPopularity, MemberForMatching, SessionCandidate } from '@kith/matching';
import { WEEKDAY_NUMBER } from '@kith/community';
import type { Weekday } from '@kith/community';
import { loadConfig, PlatformModule } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';
import { databaseUrlFor, runCli } from '../bench/city-dataset';

const MEMBERS = Number(process.env.EVAL_MEMBERS ?? 3000);
const SEED = Number(process.env.EVAL_SEED ?? 20261124);
const SERVER_URL = process.env.EVAL_SERVER_URL ?? 'postgres://root@127.0.0.1:5432';
const DATABASE = 'kith_eval_matching';
const DAY_MS = 24 * 3600 * 1000;
const TOP = 10;
const TRAIN_DAYS = 122; // four months
const log = (line: string) => process.stderr.write(`[eval] ${line}\n`);

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

async function query<T>(client: Client, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query(sql, params)).rows as T[];
}

// ---------------------------------------------------------------------------------------------
// 1. Suggestions on the demo data, through the service
// ---------------------------------------------------------------------------------------------

interface OnlineFigures {
  members: number;
  topShare: number;
  firstShare: number;
  demoMember: { rankOfFirstMusic: number | null; top: string[] };
}

async function online(url: string, client: Client): Promise<OnlineFigures> {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' });
  @Module({ imports: [PlatformModule.forRoot(config, 'cli', KITH_SCHEMA), MatchingModule] })
  class EvalModule {}
  const app = await NestFactory.createApplicationContext(EvalModule, { logger: false });
  try {
    const matching = app.get(SessionMatchingService);
    // Members with at least 10 upcoming sessions on their interests inside their radius.
    const eligible = await query<{ id: string }>(
      client,
      `SELECT mp.person_id AS id
         FROM member_profile mp
         JOIN session s ON s.starts_at > now() AND s.starts_at < now() + interval '14 days' AND s.cancelled_at IS NULL
                       AND ST_DWithin(s.location, mp.home, mp.travel_radius_metres)
        WHERE mp.home IS NOT NULL
          AND EXISTS (SELECT 1 FROM activity_interest ai JOIN member_interest mi ON mi.interest_id = ai.interest_id
                       WHERE ai.activity_id = s.activity_id AND mi.person_id = mp.person_id)
        GROUP BY mp.person_id HAVING count(*) >= 10 ORDER BY mp.person_id`,
    );
    let suggestions = 0;
    let sharing = 0;
    let firstSharing = 0;
    let members = 0;
    for (const { id } of eligible) {
      const { matches } = await matching.recommend(id, TOP);
      if (matches.length === 0) continue;
      const shares = await query<{ id: string; shares: boolean }>(
        client,
        `SELECT s.id, EXISTS (SELECT 1 FROM activity_interest ai JOIN member_interest mi ON mi.interest_id = ai.interest_id
                               WHERE ai.activity_id = s.activity_id AND mi.person_id = $1) AS shares
           FROM session s WHERE s.id = ANY($2::uuid[])`,
        [id, matches.map((m) => m.candidate.sessionId)],
      );
      const byId = new Map(shares.map((row) => [row.id, row.shares]));
      members += 1;
      suggestions += matches.length;
      sharing += matches.filter((m) => byId.get(m.candidate.sessionId)).length;
      if (byId.get(matches[0].candidate.sessionId)) firstSharing += 1;
    }
    const [sam] = await query<{ id: string }>(
      client,
      `SELECT id FROM person WHERE email = 'member@demo.kith.example'`,
    );
    const samMatches = (await matching.recommend(sam.id, TOP)).matches;
    const titles = await query<{ id: string; title: string; music: boolean }>(
      client,
      `SELECT s.id, a.title, EXISTS (SELECT 1 FROM activity_interest ai JOIN interest i ON i.id = ai.interest_id
                                      WHERE ai.activity_id = a.id AND i.group_slug = 'music') AS music
         FROM session s JOIN activity a ON a.id = s.activity_id WHERE s.id = ANY($1::uuid[])`,
      [samMatches.map((m) => m.candidate.sessionId)],
    );
    const titleOf = new Map(titles.map((t) => [t.id, t]));
    const top = samMatches.map((m) => titleOf.get(m.candidate.sessionId)?.title ?? '?');
    const musicAt = samMatches.findIndex((m) => titleOf.get(m.candidate.sessionId)?.music);
    return {
      members,
      topShare: round(sharing / Math.max(suggestions, 1)),
      firstShare: round(firstSharing / Math.max(members, 1)),
      demoMember: { rankOfFirstMusic: musicAt >= 0 ? musicAt + 1 : null, top },
    };
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Offline: fit on four months, rank for the last two
// ---------------------------------------------------------------------------------------------

interface EvalMember extends MemberForMatching {
  id: string;
  needs: string[];
}

interface EvalActivity {
  id: string;
  interestIds: string[];
  accessibility: string[];
  /** The first session in the test window. */
  firstTestStart: Date;
  /** People who went in the training months, and on average how many came to each session. */
  trainingPeople: Set<string>;
  meanAttendance: number;
}

interface RankFigures {
  hitRate: number;
  ndcg: number;
}

interface OfflineFigures {
  members: number;
  newActivityMembers: number;
  trainDays: number;
  testDays: number;
  recommender: RankFigures & { newActivities: RankFigures };
  nearestFirst: RankFigures & { newActivities: RankFigures };
  mostPopular: RankFigures & { newActivities: RankFigures };
  /** Not a target: what the member went to most in the first four months, then nearest. */
  repeatYourOwn: RankFigures;
}

function ndcgAt(ranked: string[], relevant: Set<string>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i += 1) ideal += 1 / Math.log2(i + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

class RankTally {
  private members = 0;
  private hits = 0;
  private ndcg = 0;
  add(ranked: string[], relevant: Set<string>): void {
    this.members += 1;
    if (ranked.slice(0, TOP).some((id) => relevant.has(id))) this.hits += 1;
    this.ndcg += ndcgAt(ranked, relevant, TOP);
  }
  figures(): RankFigures {
    return {
      hitRate: round(this.hits / Math.max(this.members, 1)),
      ndcg: round(this.ndcg / Math.max(this.members, 1)),
    };
  }
}

async function offline(client: Client): Promise<OfflineFigures> {
  const [{ start, end }] = await query<{ start: Date; end: Date }>(
    client,
    `SELECT min(s.starts_at) AS start, max(s.starts_at) AS "end" FROM booking b JOIN session s ON s.id = b.session_id
      WHERE b.status IN ('ATTENDED', 'NO_SHOW')`,
  );
  const cutoff = new Date(start.getTime() + TRAIN_DAYS * DAY_MS);
  const interests = await query<{
    id: string;
    label: string;
    group: string;
    groupLabel: string;
    active: boolean;
  }>(
    client,
    `SELECT id, label, group_slug AS group, group_label AS "groupLabel", active FROM interest`,
  );
  const catalogue = new Map(interests.map((i) => [i.id, i]));
  const members = await query<{
    id: string;
    radius: number;
    needs: string[];
    goals: string[];
    interestIds: string[];
    availability: { weekday: Weekday; startMinute: number; endMinute: number }[];
  }>(
    client,
    `SELECT mp.person_id AS id, mp.travel_radius_metres AS radius, mp.accessibility_needs::text[] AS needs, mp.goals,
            COALESCE((SELECT array_agg(interest_id) FROM member_interest WHERE person_id = mp.person_id), '{}') AS "interestIds",
            COALESCE((SELECT json_agg(json_build_object('weekday', weekday, 'startMinute', start_minute, 'endMinute', end_minute))
                        FROM availability_window WHERE person_id = mp.person_id), '[]') AS availability
       FROM member_profile mp WHERE mp.home IS NOT NULL`,
  );
  // Training attendance: what each member had tried, and with whom.
  const attended = await query<{
    personId: string;
    sessionId: string;
    activityId: string;
    startsAt: Date;
  }>(
    client,
    `SELECT b.person_id AS "personId", b.session_id AS "sessionId", s.activity_id AS "activityId", s.starts_at AS "startsAt"
       FROM booking b JOIN session s ON s.id = b.session_id WHERE b.status = 'ATTENDED'`,
  );
  const training = attended.filter((a) => a.startsAt < cutoff);
  const test = attended.filter((a) => a.startsAt >= cutoff && a.startsAt <= end);
  const peopleAt = new Map<string, string[]>();
  for (const a of training)
    peopleAt.set(a.sessionId, [...(peopleAt.get(a.sessionId) ?? []), a.personId]);
  const known = new Map<string, Set<string>>();
  for (const people of peopleAt.values())
    for (const p of people) {
      const set = known.get(p) ?? new Set<string>();
      for (const q of people) if (q !== p) set.add(q);
      known.set(p, set);
    }
  const activities = await query<{
    id: string;
    interestIds: string[];
    accessibility: string[];
    firstTestStart: Date;
  }>(
    client,
    `SELECT a.id, ARRAY(SELECT interest_id FROM activity_interest WHERE activity_id = a.id) AS "interestIds",
            v.accessibility::text[] AS accessibility, min(s.starts_at) AS "firstTestStart"
       FROM activity a JOIN venue v ON v.id = a.venue_id JOIN session s ON s.activity_id = a.id
      WHERE a.status = 'APPROVED' AND s.starts_at >= $1 AND s.starts_at <= $2
      GROUP BY a.id, v.accessibility`,
    [cutoff, end],
  );
  const byActivity = new Map<string, EvalActivity>();
  // One pass over the training months: per activity its sessions, people and attendances, and
  // per member how often they went to each activity.
  const sessionsIn = new Map<string, Set<string>>();
  const peopleIn = new Map<string, Set<string>>();
  const attendancesIn = new Map<string, number>();
  const visitsOf = new Map<string, Map<string, number>>();
  for (const a of training) {
    sessionsIn.set(a.activityId, (sessionsIn.get(a.activityId) ?? new Set()).add(a.sessionId));
    peopleIn.set(a.activityId, (peopleIn.get(a.activityId) ?? new Set()).add(a.personId));
    attendancesIn.set(a.activityId, (attendancesIn.get(a.activityId) ?? 0) + 1);
    const visits = visitsOf.get(a.personId) ?? new Map<string, number>();
    visits.set(a.activityId, (visits.get(a.activityId) ?? 0) + 1);
    visitsOf.set(a.personId, visits);
  }
  for (const a of activities) {
    byActivity.set(a.id, {
      ...a,
      trainingPeople: peopleIn.get(a.id) ?? new Set(),
      meanAttendance: (attendancesIn.get(a.id) ?? 0) / Math.max(sessionsIn.get(a.id)?.size ?? 0, 1),
    });
  }
  const distances = await query<{ personId: string; activityId: string; metres: number }>(
    client,
    `SELECT mp.person_id AS "personId", a.id AS "activityId", ST_Distance(v.location, mp.home) AS metres
       FROM member_profile mp JOIN venue v ON ST_DWithin(v.location, mp.home, mp.travel_radius_metres)
       JOIN activity a ON a.venue_id = v.id WHERE mp.home IS NOT NULL`,
  );
  const reachable = new Map<string, { activityId: string; metres: number }[]>();
  for (const d of distances) reachable.set(d.personId, [...(reachable.get(d.personId) ?? []), d]);
  const holders = new Map<string, number>();
  for (const m of members)
    for (const id of m.interestIds) holders.set(id, (holders.get(id) ?? 0) + 1);
  const popularity: InterestPopularity = { members: members.length, holders };
  const triedGroups = new Map<string, Set<string>>();
  for (const a of training) {
    const set = triedGroups.get(a.personId) ?? new Set<string>();
    for (const id of byActivity.get(a.activityId)?.interestIds ?? [])
      set.add(catalogue.get(id)?.group ?? '');
    triedGroups.set(a.personId, set);
  }
  const wentTo = new Map<string, Set<string>>();
  for (const a of test)
    wentTo.set(a.personId, (wentTo.get(a.personId) ?? new Set()).add(a.activityId));

  const tallies = {
    recommender: [new RankTally(), new RankTally()],
    nearestFirst: [new RankTally(), new RankTally()],
    mostPopular: [new RankTally(), new RankTally()],
    repeatYourOwn: new RankTally(),
  };
  let evaluated = 0;
  let evaluatedNew = 0;
  for (const row of members) {
    const relevantAll = wentTo.get(row.id);
    if (!relevantAll) continue;
    const member: EvalMember = {
      id: row.id,
      needs: row.needs,
      interestIds: new Set(row.interestIds),
      chosenGroups: new Set(row.interestIds.map((id) => catalogue.get(id)?.group ?? '')),
      goals: new Set(row.goals),
      radiusMetres: row.radius,
      triedGroups: triedGroups.get(row.id) ?? new Set(),
      availability: row.availability.map((w) => ({
        weekday: WEEKDAY_NUMBER[w.weekday],
        startMinute: w.startMinute,
        endMinute: w.endMinute,
      })),
    };
    const knows = known.get(row.id) ?? new Set<string>();
    const candidates = (reachable.get(row.id) ?? []).flatMap(({ activityId, metres }) => {
      const activity = byActivity.get(activityId);
      if (!activity || !member.needs.every((n) => activity.accessibility.includes(n))) return [];
      return [{ activity, metres }];
    });
    const relevant = new Set(
      [...relevantAll].filter((id) => candidates.some((c) => c.activity.id === id)),
    );
    if (relevant.size === 0) continue;
    evaluated += 1;
    const ranked = candidates.map(({ activity, metres }) => {
      const candidate: SessionCandidate = {
        sessionId: activity.id,
        activityId: activity.id,
        startsAt: activity.firstTestStart,
        distanceMetres: metres,
        bookedCount: Math.round(activity.meanAttendance),
        knownGoing: [...activity.trainingPeople].filter((p) => knows.has(p)).map(() => 'someone'),
        interests: activity.interestIds.flatMap((id) => catalogue.get(id) ?? []),
      };
      return {
        candidate,
        score: sessionScore(member, candidate, popularity, MATCH_WEIGHTS.session),
      };
    });
    const recommended = diversify(member, ranked, TOP).map((r) => r.candidate.activityId);
    const nearest = [...candidates]
      .sort((a, b) => a.metres - b.metres || a.activity.id.localeCompare(b.activity.id))
      .map((c) => c.activity.id);
    const popular = [...candidates]
      .sort(
        (a, b) =>
          b.activity.trainingPeople.size - a.activity.trainingPeople.size ||
          a.activity.id.localeCompare(b.activity.id),
      )
      .map((c) => c.activity.id);
    const visits = visitsOf.get(row.id) ?? new Map<string, number>();
    const repeat = [...nearest].sort((a, b) => (visits.get(b) ?? 0) - (visits.get(a) ?? 0));
    tallies.repeatYourOwn.add(repeat, relevant);
    tallies.recommender[0].add(recommended, relevant);
    tallies.nearestFirst[0].add(nearest, relevant);
    tallies.mostPopular[0].add(popular, relevant);
    const before = new Set((visitsOf.get(row.id) ?? new Map<string, number>()).keys());
    const fresh = new Set([...relevant].filter((id) => !before.has(id)));
    if (fresh.size > 0) {
      evaluatedNew += 1;
      const notBefore = (ids: string[]) => ids.filter((id) => !before.has(id));
      const unseen = ranked.filter((r) => !before.has(r.candidate.activityId));
      tallies.recommender[1].add(
        diversify(member, unseen, TOP).map((r) => r.candidate.activityId),
        fresh,
      );
      tallies.nearestFirst[1].add(notBefore(nearest), fresh);
      tallies.mostPopular[1].add(notBefore(popular), fresh);
    }
  }
  const figures = (pair: RankTally[]) => ({
    ...pair[0].figures(),
    newActivities: pair[1].figures(),
  });
  return {
    members: evaluated,
    newActivityMembers: evaluatedNew,
    trainDays: TRAIN_DAYS,
    testDays: Math.round((end.getTime() - cutoff.getTime()) / DAY_MS),
    recommender: figures(tallies.recommender),
    nearestFirst: figures(tallies.nearestFirst),
    mostPopular: figures(tallies.mostPopular),
    repeatYourOwn: tallies.repeatYourOwn.figures(),
  };
}

async function main(): Promise<void> {
  const url = databaseUrlFor(SERVER_URL, DATABASE);
  const admin = new Client({ connectionString: databaseUrlFor(SERVER_URL, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  log(`seeding the demo neighbourhood: ${MEMBERS} members, seed ${SEED}`);
  await runCli(['migrate'], { DATABASE_URL: url });
  await runCli(['demo', '--members', String(MEMBERS), '--seed', String(SEED)], {
    DATABASE_URL: url,
  });
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const demo = await online(url, client);
    log(
      `demo data: ${demo.members} members, top-10 share ${demo.topShare}, first ${demo.firstShare}`,
    );
    const history = await offline(client);
    const beats = (a: RankFigures, b: RankFigures) => a.hitRate > b.hitRate && a.ndcg > b.ndcg;
    const result = {
      eval: 'matching',
      members: MEMBERS,
      seed: SEED,
      demo,
      history,
      targets: {
        topTenShareInterest: { target: 0.7, value: demo.topShare, met: demo.topShare >= 0.7 },
        firstSharesInterest: { target: 0.9, value: demo.firstShare, met: demo.firstShare >= 0.9 },
        beatsNearestFirst: {
          target: 'hit@10 and nDCG@10 above nearest-first',
          value: { hitRate: history.recommender.hitRate, ndcg: history.recommender.ndcg },
          met: beats(history.recommender, history.nearestFirst),
        },
        beatsMostPopular: {
          target: 'hit@10 and nDCG@10 above most-popular',
          value: { hitRate: history.recommender.hitRate, ndcg: history.recommender.ndcg },
          met: beats(history.recommender, history.mostPopular),
        },
      },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
