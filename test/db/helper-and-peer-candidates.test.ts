import type { TestingModule } from '@nestjs/testing';
import { AreaService } from '@kith/areas';
import { CommunityModule, ProfileService, Weekday } from '@kith/community';
import type { AvailabilityWindow } from '@kith/community';
import { HelpModule } from '@kith/help';
import { PersonService, Role } from '@kith/identity';
import { CANDIDATE_LIMITS, MatchingModule, PeerMatchingService } from '@kith/matching';
import { pairKey } from '@kith/network';
import { Db } from '@kith/platform';
// Repositories are the libs' own; a test of their SQL reaches in for them.
import { HelpRepository } from '../../libs/help/src/help.repository';
import { HelperCandidateRepository } from '../../libs/matching/src/helper-candidates.repository';
import { PeerRepository } from '../../libs/matching/src/peer.repository';
import { importShippedAreas } from '../support/areas';
import { TestClock } from '../support/clock';
import { testConfig } from '../support/config';
import { createContext } from '../support/context';
import {
  FAR,
  FRIDAY_EVENING,
  HOME,
  NEAR,
  TUESDAY_MORNING,
  writeHelper,
} from '../support/helper-rows';
import type { HelperOptions } from '../support/helper-rows';
import { uniqueEmail } from '../support/sign-in';

const TODAY = '2027-09-01';
describe('helper and peer candidates, filter by filter', () => {
  let context: TestingModule;
  let db: Db;
  let skill: string;
  let otherSkill: string;
  let walking: string;
  let chess: string;

  beforeAll(async () => {
    context = await createContext(
      [CommunityModule, HelpModule, MatchingModule],
      testConfig(),
      [],
      new TestClock(new Date(`${TODAY}T08:00:00Z`)),
    );
    db = context.get(Db);
    await importShippedAreas(context.get(AreaService));
    [{ id: skill }, { id: otherSkill }] = await db.query<{ id: string }>(
      `SELECT id FROM skill WHERE slug IN ('diy', 'furniture-assembly') ORDER BY slug`,
    );
    [{ id: chess }, { id: walking }] = await db.query<{ id: string }>(
      `SELECT id FROM interest WHERE slug IN ('walking', 'chess') ORDER BY slug`,
    );
  });

  afterAll(() => context.close());

  async function person(): Promise<string> {
    const { person } = await context.get(PersonService).grantRole(uniqueEmail('p'), Role.MEMBER);
    return person.id;
  }

  async function member(
    overrides: {
      home?: { lat: number; lng: number };
      radius?: number;
      interests?: string[];
      optIn?: boolean;
    } = {},
  ): Promise<string> {
    const id = await person();
    await context.get(ProfileService).update(id, {
      home: overrides.home ?? HOME,
      travelRadiusMetres: overrides.radius ?? 2000,
      interestIds: overrides.interests ?? [walking],
      shownInterestIds: overrides.interests ?? [walking],
      peerIntroductions: overrides.optIn ?? true,
    });
    return id;
  }

  describe('helpers', () => {
    async function helper(options: HelperOptions = {}): Promise<string> {
      return writeHelper(context.get(HelpRepository), db, await person(), skill, options);
    }

    async function request(
      memberId: string,
      preferredWindows: AvailabilityWindow[] = [],
      minutes = 60,
    ) {
      return context.get(HelpRepository).insertRequest({
        memberId,
        skillId: skill,
        description: 'A shelf to put up',
        durationMinutes: minutes,
        atHome: true,
        preferredWindows,
        sessionId: null,
        areaId: null,
      });
    }

    async function found(requestId: string): Promise<Set<string>> {
      const rows = await context
        .get(HelperCandidateRepository)
        .candidates(requestId, TODAY, CANDIDATE_LIMITS.helpers);
      return new Set(rows.map((row) => row.helperId));
    }

    it('keeps an approved, vetted helper with the skill, and drops each one missing one of those', async () => {
      const me = await member();
      const good = await helper();
      const pending = await helper({ status: 'PENDING' });
      const suspended = await helper({ status: 'SUSPENDED' });
      const unchecked = await helper({ dbsCheckedOn: null, dbsExpiresOn: null });
      const expired = await helper({ dbsExpiresOn: '2027-08-31' });
      const openEnded = await helper({ dbsExpiresOn: null });
      const otherTrade = await helper({ skills: [otherSkill] });
      const result = await found(await request(me));
      expect(result.has(good)).toBe(true);
      expect(result.has(openEnded)).toBe(true);
      for (const dropped of [pending, suspended, unchecked, expired, otherTrade])
        expect(result.has(dropped)).toBe(false);
    });

    it('keeps a helper only when the home is inside their own travel radius', async () => {
      const me = await member();
      const reaches = await helper({ base: FAR, radius: 4000 });
      const tooFar = await helper({ base: FAR, radius: 2000 });
      const result = await found(await request(me));
      expect(result.has(reaches)).toBe(true);
      expect(result.has(tooFar)).toBe(false);
    });

    it('matches preferred windows against availability, and ignores availability when none are given', async () => {
      const me = await member();
      const mornings = await helper({ availability: [TUESDAY_MORNING] });
      const evenings = await helper({ availability: [FRIDAY_EVENING] });
      const anyTime = await found(await request(me));
      expect(anyTime.has(mornings)).toBe(true);
      expect(anyTime.has(evenings)).toBe(true);
      // Tuesday 11:00-13:00 overlaps 09:00-12:00; Friday 21:00-22:00 only touches 18:00-21:00.
      const tuesday = await found(
        await request(me, [{ weekday: Weekday.TUE, startMinute: 11 * 60, endMinute: 13 * 60 }]),
      );
      expect(tuesday.has(mornings)).toBe(true);
      expect(tuesday.has(evenings)).toBe(false);
      const touching = await found(
        await request(me, [{ weekday: Weekday.FRI, startMinute: 21 * 60, endMinute: 22 * 60 }]),
      );
      expect(touching.has(evenings)).toBe(false);
    });

    it('drops a helper whose weekly cap this request would pass', async () => {
      const me = await member();
      const busy = await helper({ maxMinutesPerWeek: 90 });
      const roomy = await helper({ maxMinutesPerWeek: 120 });
      for (const id of [busy, roomy]) {
        const earlier = await request(await member());
        await db.query(
          `INSERT INTO help_assignment (request_id, helper_id, assigned_by, status) VALUES ($1, $2, $2, 'ACCEPTED')`,
          [earlier, id],
        );
      }
      // 60 minutes already accepted this week: 60 more fits 120, not 90.
      const result = await found(await request(me));
      expect(result.has(roomy)).toBe(true);
      expect(result.has(busy)).toBe(false);
    });

    it('drops the member themself and anyone blocked either way', async () => {
      const me = await member();
      const good = await helper();
      const blockedByMe = await helper();
      const blockedMe = await helper();
      await db.query(`INSERT INTO block (blocker_id, blocked_id) VALUES ($1, $2), ($3, $1)`, [
        me,
        blockedByMe,
        blockedMe,
      ]);
      await db.query(
        `INSERT INTO helper_profile (person_id, base, travel_radius_metres, status, dbs_checked_on, availability)
         VALUES ($1, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, 3000, 'APPROVED', '2027-01-01', '[]')`,
        [me, HOME.lng, HOME.lat],
      );
      await db.query(`INSERT INTO helper_skill (person_id, skill_id) VALUES ($1, $2)`, [me, skill]);
      const result = await found(await request(me));
      expect(result.has(good)).toBe(true);
      for (const dropped of [me, blockedByMe, blockedMe]) expect(result.has(dropped)).toBe(false);
    });
  });

  describe('peers', () => {
    async function found(personId: string): Promise<Set<string>> {
      const rows = await context.get(PeerRepository).candidates(personId, CANDIDATE_LIMITS.peers);
      return new Set(rows.map((row) => row.personId));
    }

    it('keeps opted-in members in the radius who share an interest, and drops the rest', async () => {
      const me = await member({ radius: 2000 });
      const match = await member({ home: NEAR });
      const notOptedIn = await member({ home: NEAR, optIn: false });
      const outside = await member({ home: FAR });
      const nothingShared = await member({ home: NEAR, interests: [chess] });
      const result = await found(me);
      expect(result.has(match)).toBe(true);
      expect(result.has(me)).toBe(false);
      for (const dropped of [notOptedIn, outside, nothingShared])
        expect(result.has(dropped)).toBe(false);
    });

    it('counts only the interests a member shows: kept ones neither match nor are named', async () => {
      const me = await member({ interests: [walking, chess] });
      const keepsWalking = await member({ home: NEAR, interests: [walking, chess] });
      await context.get(ProfileService).update(keepsWalking, { shownInterestIds: [chess] });
      const keepsAll = await member({ home: NEAR, interests: [walking] });
      await context.get(ProfileService).update(keepsAll, { shownInterestIds: [] });
      const rows = await context.get(PeerRepository).candidates(me, CANDIDATE_LIMITS.peers);
      expect(rows.find((r) => r.personId === keepsWalking)?.shared.map((i) => i.id)).toEqual([
        chess,
      ]);
      expect(rows.some((r) => r.personId === keepsAll)).toBe(false);
    });

    it('suggests nobody, without error, to a member with no home or no interests yet', async () => {
      await member({ home: NEAR }); // someone who would match
      const suggest = (id: string) => context.get(PeerMatchingService).suggest(id, 10);
      const homeless = await person();
      await context.get(ProfileService).update(homeless, { interestIds: [walking] });
      const uninterested = await member({ interests: [] });
      expect(await suggest(homeless)).toEqual([]);
      expect(await suggest(uninterested)).toEqual([]);
      expect((await suggest(await member())).length).toBeGreaterThan(0);
    });

    it('uses the viewer’s radius, not the other member’s', async () => {
      const me = await member({ radius: 4000 });
      const stayAtHome = await member({ home: FAR, radius: 500 });
      expect((await found(me)).has(stayAtHome)).toBe(true);
    });

    it('drops existing ties, pending introductions either way and blocks either way', async () => {
      const me = await member();
      const [tied, askedByMe, askedMe, declined, blockedByMe, blockedMe, stranger] =
        await Promise.all(Array.from({ length: 7 }, () => member({ home: NEAR })));
      await db.query(
        `INSERT INTO tie (person_a, person_b, sources, weight, contact_days, first_contact_at, last_contact_at)
         VALUES (LEAST($1::uuid, $2::uuid), GREATEST($1::uuid, $2::uuid), '{INTRODUCTION}', 1, 1, now(), now())`,
        [me, tied],
      );
      await db.query(
        `INSERT INTO introduction (from_id, to_id, pair_key, status)
         VALUES ($1, $2, $3, 'PENDING'), ($4, $1, $5, 'PENDING'), ($1, $6, $7, 'DECLINED')`,
        [
          me,
          askedByMe,
          pairKey(me, askedByMe),
          askedMe,
          pairKey(me, askedMe),
          declined,
          pairKey(me, declined),
        ],
      );
      await db.query(`INSERT INTO block (blocker_id, blocked_id) VALUES ($1, $2), ($3, $1)`, [
        me,
        blockedByMe,
        blockedMe,
      ]);
      const result = await found(me);
      expect(result.has(stranger)).toBe(true);
      expect(result.has(declined)).toBe(true);
      for (const dropped of [tied, askedByMe, askedMe, blockedByMe, blockedMe])
        expect(result.has(dropped)).toBe(false);
    });
  });
});
