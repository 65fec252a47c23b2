import type { INestApplicationContext } from '@nestjs/common';
import { AreaService } from '@kith/areas';
import { SessionMatchingService } from '@kith/matching';
import { SHIPPED_INSTRUMENTS } from '@kith/network';
import { NudgeDecisionHandler, SURVEYED_INSTRUMENTS } from '@kith/nudges';
import { Db, londonDate } from '@kith/platform';
import { startApi, startWorker } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import {
  CREATE_ACTIVITY,
  interestIds,
  JOIN,
  LEAVE,
  UPDATE_PROFILE,
  weeklyActivity,
} from '../support/community';
import { testConfig } from '../support/config';
import { APPROVE, ASSIGN, COMPLETE, HelpFixtures, RESPOND } from '../support/help';
import { everyoneAwake, inboxHas, inboxOf, until } from '../support/nudges';
import type { Session } from '../support/sign-in';

const INTRODUCE = `mutation($p: ID!) { requestIntroduction(personId: $p) { id status } }`;
const ANSWER = `mutation($id: ID!, $a: Boolean!) { respondToIntroduction(id: $id, accept: $a) { id status } }`;
const ATTENDED = `mutation($s: ID!, $p: ID!) { recordAttendance(sessionId: $s, personId: $p, attended: true) { status } }`;

describe('every kind of nudge reaches the right person, with words that say what happened', () => {
  const config = testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' });
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: Db;
  let help: HelpFixtures;

  /** A member living in the coordinator's area, awake now, opted in to introductions. */
  const member = async (choir: string): Promise<Session> => {
    const session = await help.member();
    await api.gql(
      UPDATE_PROFILE,
      { input: { interestIds: [choir], shownInterestIds: [choir], peerIntroductions: true } },
      session.accessToken,
    );
    await everyoneAwake(db);
    return session;
  };

  const createSession = async (title: string, interests: string[]): Promise<string> => {
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity(interests, { title }) },
      help.coordinator.accessToken,
    );
    return created.data!.createActivity.sessions[0].id;
  };

  beforeAll(async () => {
    api = await startApi(config);
    worker = await startWorker(config);
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    help = await HelpFixtures.create(api);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('tells the person asked about an introduction, and the asker about the yes', async () => {
    const choir = (await interestIds(api, help.coordinator.accessToken, 'choir'))[0];
    const asker = await member(choir);
    const asked = await member(choir);
    await db.query(`UPDATE person SET display_name = 'Margaret Hughes' WHERE id = $1`, [
      asker.personId,
    ]);
    const intro = await api.gql<{ requestIntroduction: { id: string } }>(
      INTRODUCE,
      { p: asked.personId },
      asker.accessToken,
    );
    const id = intro.data!.requestIntroduction.id;
    const [received] = await inboxHas(db, asked.personId, 'INTRODUCTION_RECEIVED');
    expect(received).toMatchObject({
      title: 'Margaret would like to meet you',
      linkScreen: 'INTRODUCTION',
      linkId: id,
    });
    // Only the first name of the asker: never their surname.
    expect(JSON.stringify(received)).not.toContain('Hughes');
    await api.gql(ANSWER, { id, a: true }, asked.accessToken);
    const [accepted] = await inboxHas(db, asker.personId, 'INTRODUCTION_ACCEPTED');
    expect(accepted.body).toContain('said yes to meeting you');
    expect(await inboxOf(db, asker.personId, 'INTRODUCTION_RECEIVED')).toEqual([]);
  });

  it('offers the helper the request, tells the member it is taken, thanks both when done', async () => {
    const asker = await help.member();
    const helper = await help.helper();
    await everyoneAwake(db);
    const requestId = await help.askWeeding(asker);
    const assigned = await api.gql<{ assignHelper: { id: string } }>(
      ASSIGN,
      { r: requestId, h: helper.personId },
      asker.accessToken,
    );
    const assignmentId = assigned.data!.assignHelper.id;
    const [offered] = await inboxHas(db, helper.personId, 'ASSIGNMENT_OFFERED');
    expect(offered).toMatchObject({ linkScreen: 'ASSIGNMENT', linkId: assignmentId });
    expect(offered.title).toMatch(/^Could you help \S+\?$/);
    await api.gql(RESPOND, { id: assignmentId, a: true }, helper.accessToken);
    const [taken] = await inboxHas(db, asker.personId, 'ASSIGNMENT_ACCEPTED');
    expect(taken.body).toContain('has said yes to your request (Gardening)');
    await api.gql(COMPLETE, { id: assignmentId, m: 75 }, helper.accessToken);
    const [thanks] = await inboxHas(db, helper.personId, 'ASSIGNMENT_COMPLETED');
    expect(thanks.body).toContain('75 minutes in your time credits');
    const [doneForMember] = await inboxHas(db, asker.personId, 'ASSIGNMENT_COMPLETED');
    expect(doneForMember.title).toBe('Done: Gardening');
  });

  it('offers company on a first visit to a group, once, and asks how it went afterwards', async () => {
    const choir = await interestIds(api, help.coordinator.accessToken, 'choir');
    const first = await createSession('Sing for joy', choir);
    const second = await createSession('Evening choir', choir);
    const regular = await member(choir[0]);
    // Only someone who chose to be seen going can be the "someone going" a newcomer hears of.
    await api.gql(UPDATE_PROFILE, { input: { showMeGoing: true } }, regular.accessToken);
    await api.gql(JOIN, { id: first }, regular.accessToken);
    const newcomer = await member(choir[0]);
    await api.gql(JOIN, { id: first }, newcomer.accessToken);
    const [welcome] = await inboxHas(db, newcomer.personId, 'FIRST_VISIT_SUPPORT');
    expect(welcome).toMatchObject({ linkScreen: 'SESSION', linkId: first });
    expect(welcome.body).toContain('for the first time');
    // The regular is opted in and shares the interest: matching finds them, but the nudge never
    // names them (their being there is theirs to tell); an introduction is offered instead.
    const [regularName] = await db.query<{ name: string }>(
      `SELECT split_part(display_name, ' ', 1) AS name FROM person WHERE id = $1`,
      [regular.personId],
    );
    expect(welcome.body).toContain('Someone going also enjoys');
    expect(welcome.body).not.toContain(regularName.name);
    // A second choir is not a first visit to the group.
    await api.gql(JOIN, { id: second }, newcomer.accessToken);
    await until('the second booking decided', async () => {
      const [row] = await db.query(
        `SELECT 1 FROM job WHERE job_name = 'decide-nudge' AND payload->>'event' = 'SESSION_BOOKED'
            AND state = 'done' AND payload->>'bookingId' IN (
              SELECT id::text FROM booking WHERE session_id = $1 AND person_id = $2)`,
        [second, newcomer.personId],
      );
      return row;
    });
    expect(await inboxOf(db, newcomer.personId, 'FIRST_VISIT_SUPPORT')).toHaveLength(1);

    // The session happened; the coordinator records that the newcomer came.
    await db.query(
      `UPDATE session SET starts_at = now() - interval '5 hours', ends_at = now() - interval '210 minutes' WHERE id = $1`,
      [first],
    );
    await api.gql(ATTENDED, { s: first, p: newcomer.personId }, help.coordinator.accessToken);
    // Planned for three hours after the end (as a job row), it falls due half an hour ago.
    const [planned] = await until('the follow-up planned', async () => {
      const rows = await db.query<{ due: Date; ends: Date }>(
        `SELECT j.available_at AS due, s.ends_at AS ends FROM job j
           JOIN booking b ON b.id::text = j.payload->>'bookingId' JOIN session s ON s.id = b.session_id
          WHERE j.job_name = 'decide-nudge' AND j.payload->>'event' = 'FOLLOW_UP' AND b.person_id = $1`,
        [newcomer.personId],
      );
      return rows.length > 0 ? rows : undefined;
    });
    expect(planned.due.getTime() - planned.ends.getTime()).toBe(3 * 3600_000);
    const [followUp] = await inboxHas(db, newcomer.personId, 'FOLLOW_UP');
    expect(followUp).toMatchObject({
      title: 'How was Sing for joy?',
      linkScreen: 'SESSION_FOLLOW_UP',
      linkId: first,
    });
  });

  it('tells a helper and their coordinator 30 days before a DBS check runs out', async () => {
    const helper = await help.helper();
    await everyoneAwake(db);
    const day = londonDate(new Date(Date.now() + 30 * 24 * 3600_000));
    await api.gql(
      APPROVE,
      { p: helper.personId, c: '2026-01-10T00:00:00Z', e: `${day}T00:00:00Z` },
      help.coordinator.accessToken,
    );
    await worker.get(NudgeDecisionHandler).findDue();
    const [own] = await inboxHas(db, helper.personId, 'DBS_EXPIRING');
    expect(own.title).toMatch(/^Your DBS check runs out on \d+ \w+ \d{4}$/);
    const [told] = await inboxHas(db, help.coordinator.personId, 'DBS_EXPIRING');
    expect(told).toMatchObject({ linkScreen: 'HELPER', linkId: helper.personId });
    // Looking again the same day finds nothing new.
    await worker.get(NudgeDecisionHandler).findDue();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await inboxOf(db, helper.personId, 'DBS_EXPIRING')).toHaveLength(1);
  });

  it('suggests one session after three weeks away, and after six asks a person to call', async () => {
    const choir = await interestIds(api, help.coordinator.accessToken, 'choir');
    await createSession('Tuesday choir', choir);
    const quiet = await member(choir[0]);
    // Joined, and booked nothing, 22 days ago.
    await db.query(`UPDATE person SET created_at = now() - interval '22 days' WHERE id = $1`, [
      quiet.personId,
    ]);
    await worker.get(NudgeDecisionHandler).findDue();
    const [suggestion] = await inboxHas(db, quiet.personId, 'RE_ENGAGE');
    // The member's top recommended session, as matching ranks it for them.
    const [top] = (await worker.get(SessionMatchingService).recommend(quiet.personId, 1)).matches;
    expect(top).toBeDefined();
    expect(suggestion.linkId).toBe(top.candidate.sessionId);
    const [{ title }] = await db.query<{ title: string }>(
      `SELECT a.title FROM session s JOIN activity a ON a.id = s.activity_id WHERE s.id = $1`,
      [top.candidate.sessionId],
    );
    expect(suggestion.title).toBe(`Something you might enjoy: ${title}`);
    expect(suggestion.body).toContain('we have been thinking of you');

    // Three weeks more without an answer: no second message, a check-in task for a person.
    await db.query(`UPDATE person SET created_at = now() - interval '43 days' WHERE id = $1`, [
      quiet.personId,
    ]);
    await db.query(`UPDATE nudge SET sent_at = now() - interval '20 days' WHERE person_id = $1`, [
      quiet.personId,
    ]);
    await worker.get(NudgeDecisionHandler).findDue();
    const [task] = await inboxHas(db, help.coordinator.personId, 'CHECK_IN');
    expect(task.body).toContain('A friendly call from a person may help');
    const tasks = await db.query<{ id: string }>(
      `SELECT id FROM check_in_task WHERE person_id = $1 AND done_at IS NULL`,
      [quiet.personId],
    );
    expect(tasks).toEqual([{ id: task.linkId }]);
    expect(await inboxOf(db, quiet.personId, 'RE_ENGAGE')).toHaveLength(1);
  });

  it('keeps the reminders of a place taken again when the news of leaving it comes late', async () => {
    const choir = await interestIds(api, help.coordinator.accessToken, 'choir');
    const sessionId = await createSession('Choir again', choir);
    const who = await member(choir[0]);
    await api.gql(JOIN, { id: sessionId }, who.accessToken);
    const [{ id: bookingId }] = await db.query<{ id: string }>(
      `SELECT id FROM booking WHERE session_id = $1 AND person_id = $2`,
      [sessionId, who.personId],
    );
    const reminders = () =>
      db.query<{ key: string; status: string }>(
        `SELECT key, status FROM nudge WHERE subject_id = $1 AND kind = 'SESSION_REMINDER' ORDER BY key`,
        [bookingId],
      );
    await until('the first reminders', async () =>
      (await reminders()).length === 2 ? true : undefined,
    );
    await api.gql(LEAVE, { id: sessionId }, who.accessToken);
    await api.gql(JOIN, { id: sessionId }, who.accessToken);
    // The second taking's two, beside the first's two.
    await until('the new reminders', async () =>
      (await reminders()).length === 4 ? true : undefined,
    );
    // The leaving's event decided again now, after the place was taken again: it calls off
    // only what was planned for the first taking.
    await worker.get(NudgeDecisionHandler).decide({ event: 'BOOKING_RELEASED', bookingId });
    const statuses = (await reminders()).map((r) => r.status).sort();
    expect(statuses).toEqual(['CANCELLED', 'CANCELLED', 'PENDING', 'PENDING']);
  });

  it('asks for a baseline a week after joining, and for a review three months after the last', async () => {
    const choir = (await interestIds(api, help.coordinator.accessToken, 'choir'))[0];
    const newcomer = await member(choir);
    await db.query(`UPDATE person SET created_at = now() - interval '8 days' WHERE id = $1`, [
      newcomer.personId,
    ]);
    const regular = await member(choir);
    await api.gql(
      `mutation { submitSurvey(instrumentId: "ons-direct", answers: [{ itemId: "lonely", value: 3 }]) { score } }`,
      {},
      regular.accessToken,
    );
    await db.query(
      `ALTER TABLE survey_response DISABLE TRIGGER survey_response_unchanged;
       UPDATE survey_response SET created_at = now() - interval '3 months 1 day' WHERE person_id = '${regular.personId}';
       ALTER TABLE survey_response ENABLE TRIGGER survey_response_unchanged;`,
    );
    await worker.get(NudgeDecisionHandler).findDue();
    // One ask for the newcomer's three baselines, and one for the regular's review.
    const [baseline] = await inboxHas(db, newcomer.personId, 'SURVEY_DUE');
    expect(baseline).toMatchObject({
      title: 'A few questions, when you have a minute',
      linkScreen: 'SURVEYS',
    });
    await inboxHas(db, regular.personId, 'SURVEY_DUE');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await inboxOf(db, newcomer.personId, 'SURVEY_DUE')).toHaveLength(1);
    expect(await inboxOf(db, regular.personId, 'SURVEY_DUE')).toHaveLength(1);
  });

  it('asks about the instruments the network lib ships, every one', () => {
    expect(SURVEYED_INSTRUMENTS).toEqual(SHIPPED_INSTRUMENTS.map((i) => i.id));
  });

  it('suggests something to a member whose last booking was three weeks ago', async () => {
    const choir = await interestIds(api, help.coordinator.accessToken, 'choir');
    const sessionId = await createSession('Thursday choir', choir);
    const lapsed = await member(choir[0]);
    await api.gql(JOIN, { id: sessionId }, lapsed.accessToken);
    await db.query(
      `UPDATE booking SET created_at = now() - interval '22 days', status = 'ATTENDED' WHERE person_id = $1`,
      [lapsed.personId],
    );
    await db.query(`UPDATE person SET created_at = now() - interval '60 days' WHERE id = $1`, [
      lapsed.personId,
    ]);
    await worker.get(NudgeDecisionHandler).findDue();
    // Their last booking is the one the quiet spell counts from, not a booking "since" it.
    await inboxHas(db, lapsed.personId, 'RE_ENGAGE');
  });
});
