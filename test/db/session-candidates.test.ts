import type { TestingModule } from '@nestjs/testing';
import { AreaService } from '@kith/areas';
import {
  AccessibilityFeature,
  ActivityService,
  BookingService,
  CommunityModule,
  ProfileService,
} from '@kith/community';
import type { NewActivity } from '@kith/community';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { MatchingModule, SessionMatchingService } from '@kith/matching';
import { Db } from '@kith/platform';
import { SessionCandidateRepository } from '../../libs/matching/src/session-candidates.repository';
import { importShippedAreas } from '../support/areas';
import { TestClock } from '../support/clock';
import { testConfig } from '../support/config';
import { createContext } from '../support/context';
import { principalWith } from '../support/principals';
import { uniqueEmail } from '../support/sign-in';

describe('session candidates, filter by filter', () => {
  const clock = new TestClock(new Date('2027-09-01T08:00:00Z'));
  let context: TestingModule;
  let db: Db;
  let candidates: SessionCandidateRepository;
  let activities: ActivityService;
  let coordinator: Principal;
  let walking: string;

  beforeAll(async () => {
    context = await createContext([CommunityModule, MatchingModule], testConfig(), [], clock);
    db = context.get(Db);
    candidates = context.get(SessionCandidateRepository);
    activities = context.get(ActivityService);
    await importShippedAreas(context.get(AreaService));
    coordinator = await principalWith(context, Role.COORDINATOR, 'K09000001');
    [{ id: walking }] = await db.query<{ id: string }>(
      `SELECT id FROM interest WHERE slug = 'walking'`,
    );
  });

  afterAll(() => context.close());

  async function member(overrides: Record<string, unknown> = {}): Promise<string> {
    const { person } = await context
      .get(PersonService)
      .grantRole(uniqueEmail('member'), Role.MEMBER);
    await context.get(ProfileService).update(person.id, {
      home: { lat: 51.505, lng: -0.1 },
      travelRadiusMetres: 1000,
      interestIds: [walking],
      ...overrides,
    });
    return person.id;
  }

  async function session(overrides: Partial<NewActivity> = {}): Promise<string> {
    const created = await activities.create(coordinator, {
      title: 'Walk',
      description: 'A walk',
      interestIds: [walking],
      venueName: `Pier ${Math.random()}`,
      venueLocation: { lat: 51.5052, lng: -0.1 },
      venueAccessibility: [AccessibilityFeature.STEP_FREE],
      capacity: 2,
      firstStartsAt: new Date('2027-09-03T09:00:00Z'),
      durationMinutes: 60,
      recurrence: null,
      ...overrides,
    });
    const [row] = await db.query<{ id: string }>(`SELECT id FROM session WHERE activity_id = $1`, [
      created.id,
    ]);
    return row.id;
  }

  const DAY = 24 * 3600 * 1000;

  async function found(
    personId: string,
    { limit = 500, from = clock.now() }: { limit?: number; from?: Date } = {},
  ): Promise<Set<string>> {
    const me = await candidates.member(personId);
    if (!me?.home) throw new Error('the member has no home');
    const rows = await candidates.candidates({
      holding: me.holding,
      home: me.home,
      radiusMetres: me.radiusMetres,
      from,
      until: new Date(from.getTime() + 14 * DAY),
      needs: me.needs,
      blocked: me.blocked,
      known: me.known,
      limit,
    });
    return new Set(rows.map((c) => c.sessionId));
  }

  it('keeps a session inside the radius and window, and drops one outside either', async () => {
    const me = await member();
    const inside = await session();
    const far = await session({ venueLocation: { lat: 51.5, lng: -0.08 } }); // about 1.5 km
    const late = await session({ firstStartsAt: new Date('2027-09-20T09:00:00Z') }); // beyond 14 days
    const result = await found(me);
    expect(result.has(inside)).toBe(true);
    expect(result.has(far)).toBe(false);
    expect(result.has(late)).toBe(false);
  });

  it('drops a session whose venue lacks an access need', async () => {
    const me = await member({ accessibilityNeeds: [AccessibilityFeature.HEARING_LOOP] });
    const noLoop = await session();
    const loop = await session({
      venueAccessibility: [AccessibilityFeature.HEARING_LOOP, AccessibilityFeature.STEP_FREE],
    });
    const result = await found(me);
    expect(result.has(noLoop)).toBe(false);
    expect(result.has(loop)).toBe(true);
  });

  it('drops sessions already booked, full with a long waitlist, or cancelled', async () => {
    const me = await member();
    const bookings = context.get(BookingService);
    const booked = await session();
    await bookings.join(me, booked);
    const full = await session({ capacity: 1 });
    for (let i = 0; i < 6; i += 1) await bookings.join(await member(), full); // 1 booked, 5 waiting
    const shortWait = await session({ capacity: 1 });
    await bookings.join(await member(), shortWait);
    const cancelled = await session();
    await db.query(`UPDATE session SET cancelled_at = now() WHERE id = $1`, [cancelled]);
    const result = await found(me);
    expect(result.has(booked)).toBe(false);
    expect(result.has(full)).toBe(false);
    expect(result.has(shortWait)).toBe(true);
    expect(result.has(cancelled)).toBe(false);
  });

  it('drops a session the member waits for, and suggests again one they left', async () => {
    const me = await member();
    const bookings = context.get(BookingService);
    const waiting = await session({ capacity: 1 });
    await bookings.join(await member(), waiting);
    expect((await bookings.join(me, waiting)).status).toBe('WAITLISTED');
    const left = await session();
    await bookings.join(me, left);
    await bookings.leave(me, left);
    const result = await found(me);
    expect(result.has(waiting)).toBe(false);
    expect(result.has(left)).toBe(true);
  });

  it('keeps a session someone blocked (either way) is going to: leaving it out would tell where they will be', async () => {
    const me = await member();
    const other = await member();
    const theirs = await session();
    await context.get(BookingService).join(other, theirs);
    expect((await found(me)).has(theirs)).toBe(true);
    await db.query(`INSERT INTO block (blocker_id, blocked_id) VALUES ($1, $2)`, [other, me]);
    expect((await found(me)).has(theirs)).toBe(true);
    await db.query(`INSERT INTO block (blocker_id, blocked_id) VALUES ($1, $2)`, [me, other]);
    expect((await found(me)).has(theirs)).toBe(true);
  });

  it('reads further along the index when the nearest sessions are all filtered out', async () => {
    // A window of its own, so only this test's sessions are in it.
    const from = new Date('2027-11-01T00:00:00Z');
    const at = { firstStartsAt: new Date('2027-11-03T09:00:00Z') };
    const me = await member();
    const bookings = context.get(BookingService);
    for (let i = 0; i < 5; i += 1) {
      await bookings.join(me, await session({ ...at, venueLocation: { lat: 51.505, lng: -0.1 } }));
    }
    const farther = await session({ ...at, venueLocation: { lat: 51.5095, lng: -0.1 } }); // 500 m
    // One wanted, two read at first: both booked already, so it must read on to find the sixth.
    expect([...(await found(me, { limit: 1, from }))]).toEqual([farther]);
  });

  it('keeps looking past the nearest when the checks after them drop them all', async () => {
    const from = new Date('2027-10-01T00:00:00Z');
    const at = { firstStartsAt: new Date('2027-10-03T09:00:00Z') };
    const me = await member();
    const nearest: string[] = [];
    for (let i = 0; i < 5; i += 1)
      nearest.push(await session({ ...at, venueLocation: { lat: 51.505, lng: -0.1 } }));
    await db.query(
      `UPDATE activity SET status = 'PROPOSED' WHERE id IN (SELECT activity_id FROM session WHERE id = ANY($1::uuid[]))`,
      [nearest],
    );
    const farther = await session({ ...at, venueLocation: { lat: 51.5095, lng: -0.1 } }); // 500 m
    // The five nearest pass the radius but none is an approved activity: one wanted, so it
    // must keep more than one to reach the sixth; asked for two, it says there is only one.
    expect([...(await found(me, { limit: 1, from }))]).toEqual([farther]);
    expect([...(await found(me, { limit: 2, from }))]).toEqual([farther]);
  });

  it('keeps each session at its venue when the venue moves', async () => {
    const moved = await session();
    await db.query(
      `UPDATE venue SET location = ST_SetSRID(ST_MakePoint(-0.2, 51.52), 4326)::geography, accessibility = '{QUIET_SPACE}'
        WHERE id = (SELECT a.venue_id FROM session s JOIN activity a ON a.id = s.activity_id WHERE s.id = $1)`,
      [moved],
    );
    const [row] = await db.query<{ lng: number; accessibility: string[] }>(
      `SELECT ST_X(location::geometry) AS lng, accessibility::text[] AS accessibility FROM session WHERE id = $1`,
      [moved],
    );
    expect(row).toEqual({ lng: -0.2, accessibility: ['QUIET_SPACE'] });
  });

  it('names an interest added after the catalogue was cached', async () => {
    const matching = context.get(SessionMatchingService);
    const from = new Date('2027-12-01T00:00:00Z');
    clock.at = from;
    try {
      const me = await member();
      await session({ firstStartsAt: new Date('2027-12-02T09:00:00Z') });
      expect((await matching.recommend(me, 5)).matches).toHaveLength(1); // the catalogue is cached
      const [{ id: kites }] = await db.query<{ id: string }>(
        `INSERT INTO interest (id, slug, label, group_slug, group_label, active)
         VALUES (gen_random_uuid(), 'kite-flying', 'Kite flying', 'outdoors', 'Outdoors and nature', true)
         RETURNING id`,
      );
      await context.get(ProfileService).update(me, { interestIds: [kites] });
      const kiteSession = await session({
        interestIds: [kites],
        firstStartsAt: new Date('2027-12-03T09:00:00Z'),
      });
      const { matches } = await matching.recommend(me, 5);
      const kite = matches.find((m) => m.candidate.sessionId === kiteSession);
      expect(kite?.candidate.interests.map((i) => i.label)).toEqual(['Kite flying']);
      expect(kite?.reasons.map((r) => r.text)).toContain('1 shared interest: kite flying');
    } finally {
      clock.at = new Date('2027-09-01T08:00:00Z');
    }
  });
});
