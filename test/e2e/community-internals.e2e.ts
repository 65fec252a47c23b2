import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { Db, JobName, QueueName, QueueRegistry } from '@kith/platform';
import { startApi, startWorker } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { CREATE_ACTIVITY, interestIds, weeklyActivity } from '../support/community';
import { testConfig } from '../support/config';
import { signIn } from '../support/sign-in';

describe('community internals', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(testConfig());
    await importShippedAreas(api.app.get(AreaService));
  });

  afterAll(() => api?.close());

  it('keeps the daily session expansion in Postgres once, however often workers start, and drops the old BullMQ scheduler', async () => {
    const queue = api.app.get(QueueRegistry).get(QueueName.Default);
    // What earlier versions registered: it would fire beside the schedule in Postgres.
    await queue.upsertJobScheduler(
      'expand-recurring-sessions-daily',
      { pattern: '15 3 * * *', tz: 'Europe/London' },
      { name: JobName.ExpandRecurringSessions, data: {} },
    );
    const first = await startWorker(api.config);
    await first.close();
    const [second, third] = await Promise.all([startWorker(api.config), startWorker(api.config)]);
    try {
      expect(await queue.getJobSchedulers()).toEqual([]);
      const rows = await api.app
        .get(Db)
        .query<{ key: string; job_name: string; pattern: string; next_run_at: Date }>(
          `SELECT key, job_name, pattern, next_run_at FROM job_schedule WHERE key = $1`,
          ['expand-recurring-sessions-daily'],
        );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        job_name: JobName.ExpandRecurringSessions,
        pattern: '15 3 * * *',
      });
      expect(rows[0].next_run_at.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await Promise.all([second.close(), third.close()]);
    }
  });

  it('answers a page of sessions with nested activities and interests in a constant number of queries', async () => {
    const coordinator = await signIn(api);
    await api.app.get(PersonService).grantRole(coordinator.email, Role.COORDINATOR, 'K09000001');
    const [walking, choir] = await interestIds(api, coordinator.accessToken, 'walking', 'choir');
    for (let i = 0; i < 6; i += 1) {
      await api.gql(
        CREATE_ACTIVITY,
        { input: weeklyActivity([walking, choir]) },
        coordinator.accessToken,
      );
    }
    const db = api.app.get(Db);
    const spy = jest.spyOn(db, 'query');
    const queriesFor = async (first: number) => {
      spy.mockClear();
      const result = await api.gql<{ sessions: { edges: unknown[] } }>(
        `query($first: Int) { sessions(first: $first) { edges { node { id placesLeft activity { title interests { slug } sessions(first: 3) { id activity { id } } } } } } }`,
        { first },
        coordinator.accessToken,
      );
      expect(result.data!.sessions.edges).toHaveLength(first);
      // The job relay polls in the background; count only what the request asked.
      return spy.mock.calls.filter(([sql]) => !/\b(FROM|INTO|UPDATE) job\b/.test(sql)).length;
    };
    const few = await queriesFor(2);
    const many = await queriesFor(40);
    spy.mockRestore();
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(8);
  });
});
