import type { TestingModule } from '@nestjs/testing';
import { AreaService } from '@kith/areas';
import { CommunityModule, ProfileService, Weekday } from '@kith/community';
import { helperEligibility, HelpModule } from '@kith/help';
import type { Eligibility } from '@kith/help';
import { BlockService, PersonService, Role } from '@kith/identity';
import { CANDIDATE_LIMITS, MatchingModule } from '@kith/matching';
import { Db, present } from '@kith/platform';
// Repositories are the libs' own; a test of their SQL reaches in for them.
import { HelpRepository } from '../../libs/help/src/help.repository';
import { HelperCandidateRepository } from '../../libs/matching/src/helper-candidates.repository';
import { importShippedAreas } from '../support/areas';
import { TestClock } from '../support/clock';
import { testConfig } from '../support/config';
import { createContext } from '../support/context';
import { FAR, FRIDAY_EVENING, HOME, writeHelper } from '../support/helper-rows';
import type { HelperOptions } from '../support/helper-rows';
import { uniqueEmail } from '../support/sign-in';

const TODAY = '2027-09-01';
/**
 * helperMatches pre-filters in SQL; assignHelper reads the facts one by one and applies the pure
 * rule. On one set of cases both must agree on who may take the request, and the SQL behind
 * helperMatchGaps must keep exactly those who pass the hard rules.
 */
describe('the helper eligibility rule and its SQL pre-filter agree', () => {
  let context: TestingModule;
  let db: Db;
  let help: HelpRepository;
  let skill: string;
  let otherSkill: string;

  beforeAll(async () => {
    context = await createContext(
      [CommunityModule, HelpModule, MatchingModule],
      testConfig(),
      [],
      new TestClock(new Date(`${TODAY}T08:00:00Z`)),
    );
    db = context.get(Db);
    help = context.get(HelpRepository);
    await importShippedAreas(context.get(AreaService));
    [{ id: skill }, { id: otherSkill }] = await db.query<{ id: string }>(
      `SELECT id FROM skill WHERE slug IN ('diy', 'furniture-assembly') ORDER BY slug`,
    );
  });

  afterAll(() => context.close());

  async function person(): Promise<string> {
    const { person } = await context.get(PersonService).grantRole(uniqueEmail('e'), Role.MEMBER);
    return person.id;
  }

  type HelperCase = HelperOptions & { id?: string; acceptedMinutes?: number };

  async function helper(options: HelperCase): Promise<string> {
    const id = await writeHelper(help, db, options.id ?? (await person()), skill, options);
    if (options.acceptedMinutes) {
      const earlier = await help.insertRequest({
        memberId: await person(),
        skillId: skill,
        description: 'Earlier',
        durationMinutes: options.acceptedMinutes,
        atHome: true,
        preferredWindows: [],
        sessionId: null,
        areaId: null,
      });
      await db.query(
        `INSERT INTO help_assignment (request_id, helper_id, assigned_by, status) VALUES ($1, $2, $2, 'ACCEPTED')`,
        [earlier, id],
      );
    }
    return id;
  }

  /** The verdict from facts read the way assignHelper reads them. */
  async function pureVerdict(helperId: string, requestId: string): Promise<Eligibility> {
    const request = present(await help.request(requestId), 'request');
    const row = present(await help.helper(helperId), 'helper');
    return helperEligibility(
      { ...row, skillIds: (await help.helperSkills([helperId])).map((s) => s.id) },
      request,
      {
        today: TODAY,
        blockedEitherWay: await context
          .get(BlockService)
          .eitherBlocking(helperId, request.memberId),
        distanceMetres: await help.distanceToHome(helperId, request.memberId),
        minutesThisWeek: await help.minutesThisWeek(helperId),
      },
    );
  }

  it('on approval, DBS, skill, blocks, self, radius, windows and weekly cap, alone and together', async () => {
    const me = await person();
    await context.get(ProfileService).update(me, {
      home: HOME,
      travelRadiusMetres: 2000,
      interestIds: [],
      peerIntroductions: false,
    });
    const cases: Record<string, HelperCase> = {
      good: {},
      openEndedDbs: { dbsExpiresOn: null },
      pending: { status: 'PENDING' },
      suspended: { status: 'SUSPENDED' },
      noDbs: { dbsCheckedOn: null, dbsExpiresOn: null },
      dbsExpiresToday: { dbsExpiresOn: TODAY },
      otherTrade: { skills: [otherSkill] },
      bothTrades: { skills: [otherSkill, skill] },
      blockedByMember: {},
      blockingMember: {},
      tooFar: { base: FAR, radius: 2000 },
      farButReaches: { base: FAR, radius: 4000 },
      eveningsOnly: { availability: [FRIDAY_EVENING] },
      neverAvailable: { availability: [] },
      overCap: { maxMinutesPerWeek: 90, acceptedMinutes: 60 },
      atCap: { maxMinutesPerWeek: 120, acceptedMinutes: 60 },
      tooFarAndEvenings: { base: FAR, radius: 2000, availability: [FRIDAY_EVENING] },
      suspendedAndTooFar: { status: 'SUSPENDED', base: FAR, radius: 2000 },
      theMember: { id: me, base: HOME },
    };
    const ids: Record<string, string> = {};
    for (const [name, options] of Object.entries(cases)) ids[name] = await helper(options);
    await db.query(`INSERT INTO block (blocker_id, blocked_id) VALUES ($1, $2), ($3, $1)`, [
      me,
      ids.blockedByMember,
      ids.blockingMember,
    ]);
    const requestId = await help.insertRequest({
      memberId: me,
      skillId: skill,
      description: 'A shelf to put up',
      durationMinutes: 60,
      atHome: true,
      preferredWindows: [{ weekday: Weekday.TUE, startMinute: 10 * 60, endMinute: 11 * 60 }],
      sessionId: null,
      areaId: null,
    });

    const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    const ours = (rows: { helperId: string }[]) =>
      rows.flatMap((row) => names.get(row.helperId) ?? []).sort();
    const candidates = context.get(HelperCandidateRepository);
    const bySql = ours(await candidates.candidates(requestId, TODAY, CANDIDATE_LIMITS.helpers));
    const hardBySql = ours(await candidates.gapCandidates(requestId, TODAY, 1000));

    const verdicts = new Map<string, Eligibility>();
    for (const [name, id] of Object.entries(ids))
      verdicts.set(name, await pureVerdict(id, requestId));
    const pass = (test: (v: Eligibility) => boolean) =>
      [...verdicts].flatMap(([name, v]) => (test(v) ? [name] : [])).sort();

    expect(bySql).toEqual(pass((v) => v.eligible));
    expect(hardBySql).toEqual(pass((v) => v.hard.length === 0));
    // And the verdicts are the ones meant, so agreement is not on something vacuous.
    expect(bySql).toEqual(['atCap', 'bothTrades', 'farButReaches', 'good', 'openEndedDbs']);
    expect(Object.fromEntries([...verdicts].map(([n, v]) => [n, [...v.hard, ...v.soft]]))).toEqual({
      good: [],
      openEndedDbs: [],
      pending: ['NOT_APPROVED'],
      suspended: ['SUSPENDED'],
      noDbs: ['DBS_NOT_VALID'],
      dbsExpiresToday: ['DBS_NOT_VALID'],
      otherTrade: ['LACKS_SKILL'],
      bothTrades: [],
      blockedByMember: ['BLOCKED'],
      blockingMember: ['BLOCKED'],
      tooFar: ['OUTSIDE_RADIUS'],
      farButReaches: [],
      eveningsOnly: ['NOT_AVAILABLE_IN_WINDOWS'],
      neverAvailable: ['NOT_AVAILABLE_IN_WINDOWS'],
      overCap: ['OVER_WEEKLY_CAP'],
      atCap: [],
      tooFarAndEvenings: ['OUTSIDE_RADIUS', 'NOT_AVAILABLE_IN_WINDOWS'],
      suspendedAndTooFar: ['SUSPENDED', 'OUTSIDE_RADIUS'],
      theMember: ['SELF'],
    });
  });
});
