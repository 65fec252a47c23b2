import type { TestingModule } from '@nestjs/testing';
import { AreaService } from '@kith/areas';
import { ActivityService, BookingService, CommunityModule } from '@kith/community';
import { Db, londonWallTime } from '@kith/platform';
import type { NewActivity } from '@kith/community';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { importShippedAreas } from '../support/areas';
import { TestClock } from '../support/clock';
import { testConfig } from '../support/config';
import { createContext } from '../support/context';
import { principalWith } from '../support/principals';
import { uniqueEmail } from '../support/sign-in';

const WALKING = 'walking';

describe('activities and their sessions', () => {
  const clock = new TestClock(new Date('2027-03-01T12:00:00Z'));
  let context: TestingModule;
  let activities: ActivityService;
  let db: Db;
  let coordinator: Principal;
  let walkingId: string;

  beforeAll(async () => {
    context = await createContext([CommunityModule], testConfig(), [], clock);
    activities = context.get(ActivityService);
    db = context.get(Db);
    await importShippedAreas(context.get(AreaService));
    coordinator = await principalWith(context, Role.COORDINATOR, 'K09000001');
    [{ id: walkingId }] = await db.query<{ id: string }>(
      `SELECT id FROM interest WHERE slug = $1`,
      [WALKING],
    );
  });

  afterAll(() => context.close());

  const activity = (overrides: Partial<NewActivity> = {}): NewActivity => ({
    title: 'Riverside walk',
    description: 'A gentle walk',
    interestIds: [walkingId],
    venueName: `Pier ${Math.random()}`,
    venueLocation: { lat: 51.505, lng: -0.1 },
    capacity: 10,
    firstStartsAt: new Date('2027-03-16T10:00:00Z'),
    durationMinutes: 90,
    recurrence: 'FREQ=WEEKLY;BYDAY=TU',
    ...overrides,
  });

  const startsOf = async (activityId: string) =>
    (
      await db.query<{ starts_at: Date }>(
        `SELECT starts_at FROM session WHERE activity_id = $1 ORDER BY starts_at`,
        [activityId],
      )
    ).map((r) => r.starts_at);

  it('keeps a weekly 10:00 at 10:00 London time across the March change, for eight weeks', async () => {
    clock.at = new Date('2027-03-01T12:00:00Z');
    const created = await activities.create(coordinator, activity());
    const starts = await startsOf(created.id);
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2027-03-16T10:00:00.000Z',
      '2027-03-23T10:00:00.000Z',
      '2027-03-30T09:00:00.000Z', // British Summer Time from 28 March 2027
      '2027-04-06T09:00:00.000Z',
      '2027-04-13T09:00:00.000Z',
      '2027-04-20T09:00:00.000Z',
    ]);
    expect(starts.every((d) => londonWallTime(d).hour === 10)).toBe(true);
  });

  it('keeps a weekly 10:00 at 10:00 London time across the October change', async () => {
    clock.at = new Date('2027-10-01T12:00:00Z');
    const created = await activities.create(
      coordinator,
      activity({ firstStartsAt: new Date('2027-10-19T09:00:00Z') }),
    );
    const starts = await startsOf(created.id);
    expect(starts.slice(0, 4).map((d) => d.toISOString())).toEqual([
      '2027-10-19T09:00:00.000Z',
      '2027-10-26T09:00:00.000Z',
      '2027-11-02T10:00:00.000Z', // GMT from 31 October 2027
      '2027-11-09T10:00:00.000Z',
    ]);
    expect(starts.every((d) => londonWallTime(d).hour === 10)).toBe(true);
  });

  it('expands idempotently, and the daily run adds the week that comes into range', async () => {
    clock.at = new Date('2027-05-03T12:00:00Z');
    const created = await activities.create(
      coordinator,
      activity({ firstStartsAt: new Date('2027-05-04T09:00:00Z') }),
    );
    const before = await startsOf(created.id);
    expect(before).toHaveLength(8);
    expect(await activities.expand(created.id)).toBe(0);
    expect(await startsOf(created.id)).toEqual(before);

    // Not yet short of the horizon: the daily run leaves it be.
    const jobsFor = () =>
      db.query<{ job_id: string; payload: unknown }>(
        `SELECT job_id, payload FROM job WHERE job_id LIKE 'expand-activity-sessions-' || $1 || '-%'`,
        [created.id],
      );
    await activities.scheduleExpansions();
    expect(await jobsFor()).toEqual([]);

    clock.advanceDays(7);
    expect(await activities.scheduleExpansions()).toBeGreaterThanOrEqual(1);
    expect(await jobsFor()).toEqual([
      {
        job_id: `expand-activity-sessions-${created.id}-20270510`,
        payload: { activityId: created.id },
      },
    ]);
    // A second daily run the same London day decides nothing new for it.
    await activities.scheduleExpansions();
    expect(await jobsFor()).toHaveLength(1);

    expect(await activities.expand(created.id)).toBe(1);
    const after = await startsOf(created.id);
    expect(after).toHaveLength(9);
    expect(after.at(-1)!.toISOString()).toBe('2027-06-29T09:00:00.000Z');
    expect(await activities.expand(created.id)).toBe(0);
    expect(await startsOf(created.id)).toHaveLength(9);
  });

  it('makes one session for an activity without a rule, and none for a proposal until approved', async () => {
    clock.at = new Date('2027-05-03T12:00:00Z');
    const single = await activities.create(
      coordinator,
      activity({ recurrence: null, firstStartsAt: new Date('2027-05-10T09:00:00Z') }),
    );
    expect(await startsOf(single.id)).toHaveLength(1);

    const member = await principalWith(context, Role.MEMBER);
    const proposed = await activities.create(
      member,
      activity({ firstStartsAt: new Date('2027-05-05T09:00:00Z') }),
    );
    expect(proposed.status).toBe('PROPOSED');
    expect(await startsOf(proposed.id)).toHaveLength(0);
    await expect(activities.review(member, proposed.id, true)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await activities.review(coordinator, proposed.id, true)).status).toBe('APPROVED');
    // Proposed for a Wednesday with BYDAY=TU: the first session is the next Tuesday.
    expect(await startsOf(proposed.id)).toHaveLength(7);
    await expect(activities.review(coordinator, proposed.id, true)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('lets the database itself refuse more places than capacity', async () => {
    clock.at = new Date('2027-05-03T12:00:00Z');
    const created = await activities.create(
      coordinator,
      activity({ recurrence: null, capacity: 1, firstStartsAt: new Date('2027-05-10T09:00:00Z') }),
    );
    const [session] = await db.query<{ id: string }>(
      `SELECT id FROM session WHERE activity_id = $1`,
      [created.id],
    );
    await expect(
      db.query(`UPDATE session SET booked_count = 2 WHERE id = $1`, [session.id]),
    ).rejects.toThrow(/ck_session_places/);
    const bookings = context.get(BookingService);
    const { person } = await context.get(PersonService).grantRole(uniqueEmail('one'), Role.MEMBER);
    await bookings.join(person.id, session.id);
    await expect(
      db.query(`INSERT INTO booking (session_id, person_id, status) VALUES ($1, $2, 'BOOKED')`, [
        session.id,
        person.id,
      ]),
    ).rejects.toThrow(/ux_booking_session_person/);
  });
});
