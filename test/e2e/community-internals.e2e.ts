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

  it('registers the daily session expansion once, under its stable key, however often the worker starts', async () => {
    const first = await startWorker(api.config);
    await first.close();
    const second = await startWorker(api.config);
    try {
      const schedulers = await api.app.get(QueueRegistry).get(QueueName.Default).getJobSchedulers();
      expect(schedulers).toHaveLength(1);
      expect(schedulers[0]).toMatchObject({
        key: 'expand-recurring-sessions-daily',
        name: JobName.ExpandRecurringSessions,
        pattern: '15 3 * * *',
        tz: 'Europe/London',
      });
    } finally {
      await second.close();
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
      // The outbox relay polls in the background; count only what the request asked.
      return spy.mock.calls.filter(([sql]) => !sql.includes('outbox')).length;
    };
    const few = await queriesFor(2);
    const many = await queriesFor(40);
    spy.mockRestore();
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(8);
  });
});
