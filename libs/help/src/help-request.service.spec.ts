import { randomUUID } from 'node:crypto';
import { Weekday } from '@kith/community';
import type { Principal } from '@kith/identity';
import { fakeHelp, rejection, helperIn, principalIn } from '../../../test/support/help-fakes';
import type { FakeHelp } from '../../../test/support/help-fakes';
import { AssignmentStatus, HelperStatus, HelpRequestStatus } from './help.entities';
import { maxClaimMinutes } from './help-request.service';

const AREA = 'area-riverside';

/** What the member who asked hears of any helper who cannot take the request, or of a non-helper. */
const MEMBER_REFUSAL = {
  code: 'BAD_USER_INPUT',
  message: 'Choose a helper from the ones suggested for this request',
  rules: undefined,
  paths: ['helperId'],
};

describe('HelpRequestService, over in-memory repositories', () => {
  let f: FakeHelp;
  let member: Principal;
  let coordinator: Principal;

  beforeEach(() => {
    f = fakeHelp();
    member = principalIn(f, AREA);
    coordinator = principalIn(f);
    f.people.coordinators.set(coordinator.personId, [AREA]);
  });

  const ask = (
    overrides: Partial<Parameters<FakeHelp['requests']['create']>[1]> = {},
    by: Principal = member,
  ) =>
    f.requests.create(by, {
      skillId: f.help.skillId('gardening'),
      description: 'The front garden needs weeding',
      durationMinutes: 60,
      atHome: true,
      ...overrides,
    });
  /** A helper near the member (1 km), approved, with the skill, free on Saturdays. */
  const nearHelper = async (overrides: Parameters<typeof helperIn>[1] = {}) => {
    const helper = await helperIn(f, overrides);
    f.help.state.distances.set(`${helper.personId}:${member.personId}`, 1000);
    return helper;
  };

  describe('create', () => {
    it('names each bad field and writes nothing', async () => {
      expect(
        await rejection(
          ask({
            skillId: randomUUID(),
            durationMinutes: 5,
            description: ' ',
            preferredWindows: [{ weekday: Weekday.MON, start: '12:00', end: '11:00' }],
            sessionId: randomUUID(),
          }),
        ),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        rules: undefined,
        paths: ['description', 'durationMinutes', 'skillId', 'preferredWindows.0.end', 'sessionId'],
      });
      expect(f.help.state.requests.size).toBe(0);
      expect(f.audit.rows).toEqual([]);
    });

    it('opens the request in the member’s area, with an audit row', async () => {
      const request = await ask({
        preferredWindows: [{ weekday: Weekday.SAT, start: '10:00', end: '12:00' }],
      });
      expect(request).toMatchObject({
        memberId: member.personId,
        areaId: AREA,
        status: HelpRequestStatus.OPEN,
        preferredWindows: [{ weekday: 'SAT', startMinute: 600, endMinute: 720 }],
      });
      expect(f.audit.actions(request.id)).toEqual(['request.created']);
    });
  });

  describe('assign: the eligibility rule', () => {
    it('offers an eligible helper, with no override recorded', async () => {
      const helper = await nearHelper();
      const request = await ask();
      const offered = await f.requests.assign(member, request.id, helper.personId, 'not needed');
      expect(offered).toMatchObject({ status: AssignmentStatus.OFFERED, override: null });
      expect((await f.help.request(request.id))?.status).toBe(HelpRequestStatus.ASSIGNED);
      expect(f.audit.rows.at(-1)).toMatchObject({
        action: 'assignment.offered',
        details: { requestId: request.id, helperId: helper.personId },
      });
    });

    it.each([
      ['pending', { status: HelperStatus.PENDING }, ['NOT_APPROVED']],
      ['suspended', { status: HelperStatus.SUSPENDED }, ['SUSPENDED']],
      ['DBS expired', { dbsExpiresOn: '2027-08-31' }, ['DBS_NOT_VALID']],
      ['DBS expiring today', { dbsExpiresOn: '2027-09-01' }, ['DBS_NOT_VALID']],
      ['without the skill', { skillIds: [] }, ['LACKS_SKILL']],
    ])(
      'refuses a helper who is %s, even to a coordinator with a reason, writing nothing',
      async (_name, overrides, rules) => {
        const helper = await nearHelper(overrides);
        const request = await ask();
        const before = f.audit.rows.length;
        // The member who asked is told only that this helper cannot: why is the helper's own.
        expect(
          await rejection(f.requests.assign(member, request.id, helper.personId, null)),
        ).toMatchObject(MEMBER_REFUSAL);
        expect(
          await rejection(
            f.requests.assign(coordinator, request.id, helper.personId, 'We know them well'),
          ),
        ).toMatchObject({ code: 'BAD_USER_INPUT', rules, paths: rules.map(() => 'helperId') });
        expect(f.help.state.assignments.size).toBe(0);
        expect((await f.help.request(request.id))?.status).toBe(HelpRequestStatus.OPEN);
        expect(f.audit.rows).toHaveLength(before);
      },
    );

    it('never overrides a block, whichever side made it', async () => {
      const blocked = await nearHelper();
      const blocking = await nearHelper();
      await f.help.block(member.personId, blocked.personId);
      await f.help.block(blocking.personId, member.personId);
      const request = await ask();
      for (const helper of [blocked, blocking])
        expect(
          await rejection(f.requests.assign(coordinator, request.id, helper.personId, 'Please')),
        ).toMatchObject({ code: 'BAD_USER_INPUT', rules: ['BLOCKED'] });
    });

    it('refuses the member as their own helper, with or without a helper profile', async () => {
      const request = await ask();
      expect(
        await rejection(f.requests.assign(coordinator, request.id, member.personId)),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        rules: ['SELF'],
        paths: ['helperId'],
      });
      await f.help.upsertHelper(member.personId, {
        lat: 51.5,
        lng: -0.1,
        travelRadiusMetres: 3000,
        maxMinutesPerWeek: null,
        availability: [],
        skillIds: [f.help.skillId('gardening')],
      });
      await f.help.approveHelper(member.personId, null, {
        checkedOn: '2027-01-01',
        expiresOn: null,
      });
      f.help.state.distances.set(`${member.personId}:${member.personId}`, 0);
      expect(
        await rejection(f.requests.assign(coordinator, request.id, member.personId, 'Why not')),
      ).toMatchObject({ rules: ['SELF'] });
    });

    it('answers NOT_FOUND for someone who never offered help, to a coordinator only', async () => {
      const request = await ask();
      for (const id of [randomUUID(), 'nope']) {
        expect(await rejection(f.requests.assign(coordinator, request.id, id))).toMatchObject({
          code: 'NOT_FOUND',
        });
        // To the member the same answer as for a helper who cannot: nothing learnt of who helps.
        expect(await rejection(f.requests.assign(member, request.id, id))).toMatchObject(
          MEMBER_REFUSAL,
        );
      }
    });

    describe('soft rules', () => {
      const cases: [string, () => Promise<{ helper: Principal; requestId: string }>, string[]][] = [
        [
          'outside the travel radius',
          async () => {
            const helper = await nearHelper();
            f.help.state.distances.set(`${helper.personId}:${member.personId}`, 3001);
            return { helper, requestId: (await ask()).id };
          },
          ['OUTSIDE_RADIUS'],
        ],
        [
          'with the member’s home unknown',
          async () => {
            const helper = await helperIn(f);
            return { helper, requestId: (await ask()).id };
          },
          ['OUTSIDE_RADIUS'],
        ],
        [
          'not free in the preferred windows',
          async () => {
            const helper = await nearHelper();
            const request = await ask({
              preferredWindows: [{ weekday: Weekday.TUE, start: '10:00', end: '12:00' }],
            });
            return { helper, requestId: request.id };
          },
          ['NOT_AVAILABLE_IN_WINDOWS'],
        ],
        [
          'at their weekly limit',
          async () => {
            const helper = await nearHelper({ maxMinutesPerWeek: 90 });
            const earlier = await ask();
            const id = await f.help.insertAssignment(earlier.id, helper.personId, member.personId);
            await f.help.updateAssignment(id, { status: AssignmentStatus.ACCEPTED });
            await f.help.setRequestStatus(earlier.id, HelpRequestStatus.ACCEPTED);
            return { helper, requestId: (await ask()).id };
          },
          ['OVER_WEEKLY_CAP'],
        ],
        [
          'far and busy at once',
          async () => {
            const helper = await helperIn(f, { maxMinutesPerWeek: 30 });
            return { helper, requestId: (await ask()).id };
          },
          ['OUTSIDE_RADIUS', 'OVER_WEEKLY_CAP'],
        ],
      ];

      it.each(cases)(
        'refuses a helper %s unless a coordinator gives a reason, which is recorded',
        async (_name, arrange, rules) => {
          const { helper, requestId } = await arrange();
          const assignmentsBefore = f.help.state.assignments.size;
          const assign = (by: Principal, reason: string | null) =>
            f.requests.assign(by, requestId, helper.personId, reason);
          expect(await rejection(assign(member, null))).toMatchObject(MEMBER_REFUSAL);
          expect(await rejection(assign(coordinator, '   '))).toMatchObject({
            code: 'BAD_USER_INPUT',
            rules,
          });
          // The member who asked cannot override; a reason is text like any other.
          expect(await rejection(assign(member, 'I trust them'))).toMatchObject(MEMBER_REFUSAL);
          expect(await rejection(assign(coordinator, 'x'.repeat(501)))).toMatchObject({
            code: 'BAD_USER_INPUT',
            rules: undefined,
            paths: ['overrideReason'],
          });
          expect(f.help.state.assignments.size).toBe(assignmentsBefore);

          const offered = await assign(coordinator, '  Agreed with both by phone ');
          const override = { reason: 'Agreed with both by phone', rules };
          expect(offered.override).toEqual(override);
          expect(f.audit.rows.at(-1)).toMatchObject({
            actorId: coordinator.personId,
            action: 'assignment.offered',
            details: { override },
          });
        },
      );
    });

    it('is for the member who asked or a coordinator of the area, on an open request only', async () => {
      const helper = await nearHelper();
      const request = await ask();
      const elsewhere = principalIn(f);
      f.people.coordinators.set(elsewhere.personId, ['area-elsewhere']);
      expect(
        await rejection(f.requests.assign(elsewhere, request.id, helper.personId)),
      ).toMatchObject({ code: 'FORBIDDEN' });
      await f.requests.assign(coordinator, request.id, helper.personId);
      expect(
        await rejection(f.requests.assign(member, request.id, (await nearHelper()).personId)),
      ).toMatchObject({ code: 'CONFLICT' });
      expect(
        await rejection(f.requests.assign(member, randomUUID(), helper.personId)),
      ).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('after the offer', () => {
    async function offered() {
      const helper = await nearHelper();
      const request = await ask();
      const assignment = await f.requests.assign(member, request.id, helper.personId);
      return { helper, request, assignment };
    }

    it('lets only the helper answer; declining reopens the request, answering twice is the same', async () => {
      const { helper, request, assignment } = await offered();
      expect(await rejection(f.requests.respond(member, assignment.id, true))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect((await f.requests.respond(helper, assignment.id, false)).status).toBe('DECLINED');
      expect((await f.requests.respond(helper, assignment.id, false)).status).toBe('DECLINED');
      expect((await f.help.request(request.id))?.status).toBe(HelpRequestStatus.OPEN);
      expect(await rejection(f.requests.respond(helper, assignment.id, true))).toMatchObject({
        code: 'CONFLICT',
      });
    });

    it('checks again on accepting: vetting lapsed since the offer, or a block, refuses it', async () => {
      const { helper, request, assignment } = await offered();
      const row = present(f.help.state.helpers.get(helper.personId));
      row.dbsExpiresOn = '2020-01-01';
      expect(await rejection(f.requests.respond(helper, assignment.id, true))).toMatchObject({
        code: 'CONFLICT',
      });
      expect((await f.help.assignment(assignment.id))?.status).toBe(AssignmentStatus.OFFERED);
      expect((await f.help.request(request.id))?.status).toBe(HelpRequestStatus.ASSIGNED);
      row.dbsExpiresOn = '2028-01-01';
      await f.help.block(member.personId, helper.personId);
      expect(await rejection(f.requests.respond(helper, assignment.id, true))).toMatchObject({
        code: 'CONFLICT',
      });
    });

    it('keeps a weekly limit overridden at the offer overridden, and checks it when it was not', async () => {
      const helper = await nearHelper({ maxMinutesPerWeek: 60 });
      const first = await f.requests.assign(member, (await ask()).id, helper.personId);
      const second = await f.requests.assign(member, (await ask()).id, helper.personId);
      // Both offers fitted the week; once one is accepted the other no longer does.
      await f.requests.respond(helper, first.id, true);
      expect(await rejection(f.requests.respond(helper, second.id, true))).toMatchObject({
        code: 'CONFLICT',
      });
      const third = await f.requests.assign(
        coordinator,
        (await ask()).id,
        helper.personId,
        'Agreed with the helper',
      );
      expect(third.override?.rules).toEqual(['OVER_WEEKLY_CAP']);
      expect((await f.requests.respond(helper, third.id, true)).status).toBe('ACCEPTED');
    });

    it('moves the minutes once on completion, up to twice the time asked plus 30', async () => {
      const { helper, request, assignment } = await offered();
      expect(await rejection(f.requests.complete(helper, assignment.id, 30))).toMatchObject({
        code: 'CONFLICT',
      });
      await f.requests.respond(helper, assignment.id, true);
      expect(maxClaimMinutes(60)).toBe(150);
      for (const minutes of [0, 151, 1.5, 601])
        expect(await rejection(f.requests.complete(helper, assignment.id, minutes))).toMatchObject({
          code: 'BAD_USER_INPUT',
          paths: ['minutes'],
        });
      await f.requests.complete(helper, assignment.id, 75);
      await f.requests.complete(helper, assignment.id, 75);
      expect(await f.ledgerRows.balance(member.personId)).toBe(-75);
      expect(await f.ledgerRows.balance(helper.personId)).toBe(75);
      expect(f.ledgerRows.state.transfers.size).toBe(1);
      expect((await f.help.request(request.id))?.status).toBe(HelpRequestStatus.DONE);
      // Member and helper tied, once (the second completion changed nothing).
      expect(f.ties.made).toEqual([
        { assignmentId: assignment.id, memberId: member.personId, helperId: helper.personId },
      ]);
    });

    it('leaves the assignment accepted when the member’s balance would pass the floor', async () => {
      const { helper, request, assignment } = await offered();
      await f.requests.respond(helper, assignment.id, true);
      await f.ledgerRows.ensureAccounts([member.personId], -120);
      present(f.ledgerRows.state.accounts.get(member.personId)).balance = -100;
      expect(await rejection(f.requests.complete(helper, assignment.id, 60))).toMatchObject({
        code: 'CONFLICT',
      });
      expect((await f.help.assignment(assignment.id))?.status).toBe(AssignmentStatus.ACCEPTED);
      expect((await f.help.request(request.id))?.status).toBe(HelpRequestStatus.ACCEPTED);
      expect(f.ledgerRows.state.transfers.size).toBe(0);
    });

    it('lets only the member rate, and only completed help', async () => {
      const { helper, assignment } = await offered();
      expect(await rejection(f.requests.rate(member, assignment.id, 5, null))).toMatchObject({
        code: 'CONFLICT',
      });
      await f.requests.respond(helper, assignment.id, true);
      await f.requests.complete(helper, assignment.id, 60);
      expect(await rejection(f.requests.rate(helper, assignment.id, 5, null))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await rejection(f.requests.rate(member, assignment.id, 6, null))).toMatchObject({
        code: 'BAD_USER_INPUT',
        paths: ['rating'],
      });
      expect((await f.requests.rate(member, assignment.id, 4, 'Kind')).rating).toBe(4);
    });

    it('withdraws the live offer when the member cancels, and keeps a done request done', async () => {
      const { assignment, request } = await offered();
      const stranger = principalIn(f);
      expect(await rejection(f.requests.cancel(stranger, request.id))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect((await f.requests.cancel(member, request.id)).status).toBe('CANCELLED');
      expect((await f.requests.cancel(member, request.id)).status).toBe('CANCELLED');
      expect((await f.help.assignment(assignment.id))?.status).toBe(AssignmentStatus.WITHDRAWN);
      expect(f.audit.actions(assignment.id)).toEqual([
        'assignment.offered',
        'assignment.withdrawn',
      ]);
    });

    it('shows the helper the member’s phone and address only once accepted', async () => {
      const { helper, assignment } = await offered();
      const view = async () =>
        (
          await f.requests.memberViews(helper, [present(await f.help.assignment(assignment.id))])
        ).get(assignment.id);
      expect(await view()).toEqual({
        firstName: 'Ada',
        distanceBand: expect.any(String) as unknown,
        phone: null,
        address: null,
      });
      await f.requests.respond(helper, assignment.id, true);
      expect(await view()).toMatchObject({ phone: '020 7946 0000', address: '1 High Street' });
      expect(
        (await f.requests.memberViews(member, [present(await f.help.assignment(assignment.id))]))
          .size,
      ).toBe(0);
    });
  });

  describe('block', () => {
    it('withdraws help offered or accepted between the two, either way round, reopening it', async () => {
      const helper = await nearHelper();
      const request = await ask();
      const assignment = await f.requests.assign(member, request.id, helper.personId);
      await f.requests.respond(helper, assignment.id, true);
      await f.requests.block(helper, member.personId);
      expect((await f.help.assignment(assignment.id))?.status).toBe(AssignmentStatus.WITHDRAWN);
      expect((await f.help.request(request.id))?.status).toBe(HelpRequestStatus.OPEN);
      expect(f.audit.rows.at(-1)).toMatchObject({
        action: 'assignment.withdrawn',
        details: { reason: 'blocked' },
      });
      // And whatever introduction was pending between them, in the same transaction.
      expect(f.introductions.withdrawn).toEqual([[helper.personId, member.personId]]);
    });

    it('refuses oneself and an unknown person, and records a block once', async () => {
      expect(await rejection(f.requests.block(member, member.personId))).toMatchObject({
        code: 'BAD_USER_INPUT',
        paths: ['personId'],
      });
      expect(await rejection(f.requests.block(member, randomUUID()))).toMatchObject({
        code: 'NOT_FOUND',
      });
      const other = principalIn(f);
      await f.requests.block(member, other.personId);
      await f.requests.block(member, other.personId);
      expect(f.help.state.blocks).toEqual([
        { blockerId: member.personId, blockedId: other.personId },
      ]);
      expect(await f.help.blockedEitherWay(other.personId, member.personId)).toBe(true);
    });
  });
});

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing');
  return value;
}
