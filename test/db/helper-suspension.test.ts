import type { TestingModule } from '@nestjs/testing';
import { CommunityModule } from '@kith/community';
import { AssignmentStatus, HelperService, HelpModule, HelpRequestStatus } from '@kith/help';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { Db, DomainError } from '@kith/platform';
// Repositories are the libs' own; a test that arranges rows reaches in for them.
import { HelpRepository } from '../../libs/help/src/help.repository';
import { TestClock } from '../support/clock';
import { testConfig } from '../support/config';
import { createContext } from '../support/context';
import { writeHelper } from '../support/helper-rows';
import { uniqueEmail } from '../support/sign-in';

describe('suspending a helper', () => {
  let context: TestingModule;
  let db: Db;
  let help: HelpRepository;
  let skill: string;

  beforeAll(async () => {
    context = await createContext(
      [CommunityModule, HelpModule],
      testConfig(),
      [],
      new TestClock(new Date('2027-09-01T08:00:00Z')),
    );
    db = context.get(Db);
    help = context.get(HelpRepository);
    [{ id: skill }] = await db.query<{ id: string }>(`SELECT id FROM skill WHERE slug = 'diy'`);
  });

  afterAll(() => context.close());

  async function person(role = Role.MEMBER): Promise<Principal> {
    const { person } = await context.get(PersonService).grantRole(uniqueEmail('s'), role);
    return { personId: person.id, sessionId: 'test', roles: [] };
  }

  /** A request by a new member, with an assignment to `helperId` in `status`. */
  async function assignment(helperId: string, status: AssignmentStatus) {
    const member = await person();
    const requestId = await help.insertRequest({
      memberId: member.personId,
      skillId: skill,
      description: 'A shelf',
      durationMinutes: 60,
      atHome: true,
      preferredWindows: [],
      sessionId: null,
      areaId: null,
    });
    const id = await help.insertAssignment(requestId, helperId, member.personId);
    await help.updateAssignment(id, {
      status,
      ...(status === AssignmentStatus.COMPLETED ? { minutes: 60 } : {}),
    });
    const requestStatus = {
      [AssignmentStatus.OFFERED]: HelpRequestStatus.ASSIGNED,
      [AssignmentStatus.ACCEPTED]: HelpRequestStatus.ACCEPTED,
      [AssignmentStatus.COMPLETED]: HelpRequestStatus.DONE,
      [AssignmentStatus.DECLINED]: HelpRequestStatus.OPEN,
      [AssignmentStatus.WITHDRAWN]: HelpRequestStatus.OPEN,
    }[status];
    await help.setRequestStatus(requestId, requestStatus);
    return { id, requestId };
  }

  const state = async (a: { id: string; requestId: string }) => [
    (await help.assignment(a.id))?.status,
    (await help.request(a.requestId))?.status,
  ];
  const counts = async () =>
    (await db.query<{ jobs: number }>(`SELECT count(*)::int AS jobs FROM job`))[0];

  it('withdraws their offered and accepted assignments and reopens those requests, in one go, telling no one', async () => {
    const coordinator = await person(Role.COORDINATOR);
    const suspended = await writeHelper(help, db, (await person()).personId, skill);
    const other = await writeHelper(help, db, (await person()).personId, skill);
    const offered = await assignment(suspended, AssignmentStatus.OFFERED);
    const accepted = await assignment(suspended, AssignmentStatus.ACCEPTED);
    const completed = await assignment(suspended, AssignmentStatus.COMPLETED);
    const declined = await assignment(suspended, AssignmentStatus.DECLINED);
    const someoneElses = await assignment(other, AssignmentStatus.OFFERED);
    const before = await counts();

    const row = await context
      .get(HelperService)
      .suspend(coordinator, suspended, 'Concerns raised by a member');
    expect(row.status).toBe('SUSPENDED');

    expect(await state(offered)).toEqual(['WITHDRAWN', 'OPEN']);
    expect(await state(accepted)).toEqual(['WITHDRAWN', 'OPEN']);
    expect(await state(completed)).toEqual(['COMPLETED', 'DONE']);
    expect(await state(declined)).toEqual(['DECLINED', 'OPEN']);
    expect(await state(someoneElses)).toEqual(['OFFERED', 'ASSIGNED']);
    expect(await help.liveAssignmentsOfHelper(suspended)).toEqual([]);
    const audit = await db.query<{ subject: string; details: { reason?: string } }>(
      `SELECT subject_id AS subject, details FROM audit_log WHERE action = 'assignment.withdrawn' AND subject_id = ANY($1)`,
      [[offered.id, accepted.id, completed.id, declined.id, someoneElses.id]],
    );
    expect(audit.map((a) => a.subject).sort()).toEqual([offered.id, accepted.id].sort());
    expect(audit.every((a) => a.details.reason === 'helper suspended')).toBe(true);
    // Nothing new is sent: no job is written (the job table is the outbox).
    expect(await counts()).toEqual(before);
  });

  it('changes nothing when the suspension is refused', async () => {
    const stranger = await person();
    const helper = await writeHelper(help, db, (await person()).personId, skill);
    const accepted = await assignment(helper, AssignmentStatus.ACCEPTED);
    await expect(
      context.get(HelperService).suspend(stranger, helper, 'Not mine to say'),
    ).rejects.toBeInstanceOf(DomainError);
    expect((await help.helper(helper))?.status).toBe('APPROVED');
    expect(await state(accepted)).toEqual(['ACCEPTED', 'ACCEPTED']);
  });

  it('writes nothing when the last step fails: status, withdrawals and audit stand or fall together', async () => {
    const coordinator = await person(Role.COORDINATOR);
    const helper = await writeHelper(help, db, (await person()).personId, skill);
    const accepted = await assignment(helper, AssignmentStatus.ACCEPTED);
    await db.query(`CREATE FUNCTION fail_suspension() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit unavailable'; END $$`);
    await db.query(`CREATE TRIGGER fail_suspension BEFORE INSERT ON audit_log FOR EACH ROW
      WHEN (NEW.action = 'helper.suspended') EXECUTE FUNCTION fail_suspension()`);
    try {
      await expect(
        context.get(HelperService).suspend(coordinator, helper, 'Concerns raised'),
      ).rejects.toThrow(/audit unavailable/);
    } finally {
      await db.query(`DROP TRIGGER fail_suspension ON audit_log`);
      await db.query(`DROP FUNCTION fail_suspension()`);
    }
    expect((await help.helper(helper))?.status).toBe('APPROVED');
    expect(await state(accepted)).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(await db.query(`SELECT 1 FROM audit_log WHERE subject_id = $1`, [accepted.id])).toEqual(
      [],
    );
  });
});
