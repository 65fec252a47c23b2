import { randomUUID } from 'node:crypto';
import { Weekday } from '@kith/community';
import { Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { fakeHelp, rejection, helperIn, principalIn } from '../../../test/support/help-fakes';
import type { FakeHelp } from '../../../test/support/help-fakes';
import { AssignmentStatus, HelperStatus, HelpRequestStatus } from './help.entities';

const RIVERSIDE = 'area-riverside';
const WARD = 'area-riverside-ward';
const ELSEWHERE = 'area-elsewhere';
const IN_WARD = { lat: 51.504, lng: -0.099 };
const OUTSIDE = { lat: 48.857, lng: 2.353 };

describe('HelperService, over in-memory repositories', () => {
  let f: FakeHelp;
  let coordinator: Principal;

  beforeEach(() => {
    f = fakeHelp();
    coordinator = principalIn(f);
    f.people.coordinators.set(coordinator.personId, [RIVERSIDE]);
    f.people.parents.set(WARD, RIVERSIDE);
    f.help.state.baseAreas.set(`${IN_WARD.lat},${IN_WARD.lng}`, WARD);
  });

  const offer = (who: Principal, base = IN_WARD, overrides = {}) =>
    f.helpers.update(who, {
      skillIds: [f.help.skillId('gardening')],
      base,
      travelRadiusMetres: 3000,
      availability: [{ weekday: Weekday.SAT, start: '09:00', end: '17:00' }],
      ...overrides,
    });

  describe('update', () => {
    it('names every bad field and saves nothing', async () => {
      const who = principalIn(f);
      expect(
        await rejection(
          offer(
            who,
            { lat: 91, lng: 0 },
            {
              skillIds: [randomUUID()],
              travelRadiusMetres: 50,
              maxMinutesPerWeek: 5,
              availability: [{ weekday: Weekday.SAT, start: '25:00', end: '26:00' }],
            },
          ),
        ),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        paths: [
          'skillIds',
          'base.lat',
          'travelRadiusMetres',
          'maxMinutesPerWeek',
          'availability.0.start',
          'availability.0.end',
        ],
      });
      expect(f.help.state.helpers.size).toBe(0);
    });

    it('makes a new helper pending, and keeps an approval while the base stays in its area', async () => {
      const who = principalIn(f);
      expect((await offer(who)).status).toBe(HelperStatus.PENDING);
      expect(f.audit.actions(who.personId)).toEqual(['helper.offered']);
      await f.helpers.approve(coordinator, who.personId, new Date('2027-01-10'), null);
      expect((await offer(who, IN_WARD, { travelRadiusMetres: 5000 })).status).toBe(
        HelperStatus.APPROVED,
      );
    });

    it('puts an approved helper whose base leaves the approving area back to pending', async () => {
      const who = principalIn(f);
      await offer(who);
      await f.helpers.approve(coordinator, who.personId, new Date('2027-01-10'), null);
      expect((await offer(who, OUTSIDE)).status).toBe(HelperStatus.PENDING);
      expect(f.audit.actions(who.personId)).toEqual([
        'helper.offered',
        'helper.approved',
        'helper.updated',
        'helper.approval-lapsed',
      ]);
    });
  });

  describe('approve', () => {
    it('refuses a check in the future or an expiry before it', async () => {
      const who = principalIn(f);
      await offer(who);
      expect(
        await rejection(f.helpers.approve(coordinator, who.personId, new Date('2027-09-02'), null)),
      ).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['dbsCheckedOn'] });
      expect(
        await rejection(
          f.helpers.approve(
            coordinator,
            who.personId,
            new Date('2027-01-10'),
            new Date('2027-01-09'),
          ),
        ),
      ).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['dbsExpiresOn'] });
    });

    it('is for a coordinator of the base’s area only, and grants the HELPER role', async () => {
      const who = principalIn(f);
      await offer(who);
      const other = principalIn(f);
      f.people.coordinators.set(other.personId, [ELSEWHERE]);
      expect(
        await rejection(f.helpers.approve(other, who.personId, new Date('2027-01-10'), null)),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await rejection(f.helpers.approve(coordinator, randomUUID(), new Date('2027-01-10'), null)),
      ).toMatchObject({ code: 'NOT_FOUND' });
      const approved = await f.helpers.approve(
        coordinator,
        who.personId,
        new Date('2027-01-10T23:30:00Z'),
        new Date('2030-01-10'),
      );
      // London dates: half past eleven on 10 January in UTC is the same day in London (GMT).
      expect(approved).toMatchObject({
        status: HelperStatus.APPROVED,
        approvedAreaId: WARD,
        dbsCheckedOn: '2027-01-10',
        dbsExpiresOn: '2030-01-10',
      });
      expect(f.people.granted).toEqual([{ personId: who.personId, role: Role.HELPER }]);
    });
  });

  describe('suspend', () => {
    it('withdraws offered and accepted assignments, reopening their requests, and nothing else', async () => {
      const helper = await helperIn(f, { approvedAreaId: RIVERSIDE });
      const member = principalIn(f, RIVERSIDE);
      const made: Record<string, { id: string; requestId: string }> = {};
      for (const status of [
        AssignmentStatus.OFFERED,
        AssignmentStatus.ACCEPTED,
        AssignmentStatus.COMPLETED,
      ]) {
        const requestId = await f.help.insertRequest({
          memberId: member.personId,
          skillId: f.help.skillId('gardening'),
          description: 'Weeding',
          durationMinutes: 60,
          atHome: true,
          preferredWindows: [],
          sessionId: null,
          areaId: RIVERSIDE,
        });
        const id = await f.help.insertAssignment(requestId, helper.personId, member.personId);
        await f.help.updateAssignment(id, { status });
        await f.help.setRequestStatus(
          requestId,
          status === AssignmentStatus.COMPLETED
            ? HelpRequestStatus.DONE
            : HelpRequestStatus.ASSIGNED,
        );
        made[status] = { id, requestId };
      }
      expect(await rejection(f.helpers.suspend(coordinator, helper.personId, ' '))).toMatchObject({
        code: 'BAD_USER_INPUT',
        paths: ['reason'],
      });
      const row = await f.helpers.suspend(coordinator, helper.personId, 'Concerns raised');
      expect(row.status).toBe(HelperStatus.SUSPENDED);
      for (const status of [AssignmentStatus.OFFERED, AssignmentStatus.ACCEPTED]) {
        expect((await f.help.assignment(made[status].id))?.status).toBe('WITHDRAWN');
        expect((await f.help.request(made[status].requestId))?.status).toBe('OPEN');
      }
      expect((await f.help.assignment(made.COMPLETED.id))?.status).toBe('COMPLETED');
      expect((await f.help.request(made.COMPLETED.requestId))?.status).toBe('DONE');
      expect(f.audit.actions().filter((a) => a === 'assignment.withdrawn')).toHaveLength(2);
    });

    it('is for a coordinator of the approving or the base’s area; others change nothing', async () => {
      const helper = await helperIn(f, { approvedAreaId: RIVERSIDE, baseAreaId: null });
      const other = principalIn(f);
      f.people.coordinators.set(other.personId, [ELSEWHERE]);
      expect(await rejection(f.helpers.suspend(other, helper.personId, 'No'))).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect((await f.help.helper(helper.personId))?.status).toBe(HelperStatus.APPROVED);
      expect((await f.helpers.suspend(coordinator, helper.personId, 'Yes')).status).toBe(
        HelperStatus.SUSPENDED,
      );
    });
  });
});
