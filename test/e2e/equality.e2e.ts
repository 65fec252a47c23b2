import { PersonService, Role } from '@kith/identity';
import { Db } from '@kith/platform';
import { AreaService } from '@kith/areas';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { testConfig } from '../support/config';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const MINE = `{ myEqualityMonitoring { sex genderIdentity ethnicGroup disability religion sexualOrientation } }`;
const UPDATE = `mutation ($input: EqualityMonitoringInput!) {
  updateEqualityMonitoring(input: $input) { sex genderIdentity ethnicGroup disability religion sexualOrientation }
}`;
const NOTHING = {
  sex: null,
  genderIdentity: null,
  ethnicGroup: null,
  disability: null,
  religion: null,
  sexualOrientation: null,
};

/**
 * Equality monitoring: a member gives what they choose, changes or takes it back; a bad answer
 * saves nothing; nobody else can read it, through any field; two changes at once both stay.
 */
describe('equality monitoring answers', () => {
  let api: RunningApi;
  let db: Db;
  let member: Session;
  let coordinator: Session;

  beforeAll(async () => {
    api = await startApi(testConfig());
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    member = await signIn(api);
    coordinator = await signIn(api);
    await api.app.get(PersonService).grantRole(coordinator.email, Role.COORDINATOR, 'K09000001');
  });

  afterAll(() => api?.close());

  const rows = async (personId: string) =>
    db.query(`SELECT sex, disability, religion FROM equality_monitoring WHERE person_id = $1`, [
      personId,
    ]);

  it('offers the questions before sign-in, each with "prefer not to say"', async () => {
    const { data } = await api.gql<{
      equalityQuestions: { key: string; options: { slug: string }[] }[];
    }>(`{ equalityQuestions { key characteristic question options { slug label } } }`);
    expect(data?.equalityQuestions.map((q) => q.key)).toEqual([
      'sex',
      'genderIdentity',
      'ethnicGroup',
      'disability',
      'religion',
      'sexualOrientation',
    ]);
    for (const q of data?.equalityQuestions ?? [])
      expect(q.options.map((o) => o.slug)).toContain('prefer-not-to-say');
  });

  it('keeps what is given, leaves what is absent, takes back a null, and keeps nothing when all is taken back', async () => {
    expect((await api.gql(MINE, {}, member.accessToken)).data).toEqual({
      myEqualityMonitoring: NOTHING,
    });
    const first = await api.gql(
      UPDATE,
      { input: { sex: 'female', disability: 'yes', religion: 'prefer-not-to-say' } },
      member.accessToken,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data).toEqual({
      updateEqualityMonitoring: {
        ...NOTHING,
        sex: 'female',
        disability: 'yes',
        religion: 'prefer-not-to-say',
      },
    });
    const second = await api.gql(UPDATE, { input: { disability: null } }, member.accessToken);
    expect(second.data).toEqual({
      updateEqualityMonitoring: { ...NOTHING, sex: 'female', religion: 'prefer-not-to-say' },
    });
    expect(await rows(member.personId)).toEqual([
      { sex: 'female', disability: null, religion: 'prefer-not-to-say' },
    ]);
    await api.gql(UPDATE, { input: { sex: null, religion: null } }, member.accessToken);
    expect(await rows(member.personId)).toEqual([]);
    expect((await api.gql(MINE, {}, member.accessToken)).data).toEqual({
      myEqualityMonitoring: NOTHING,
    });
  });

  it('refuses an answer that is not an option, naming each, and saves none of the input', async () => {
    await api.gql(UPDATE, { input: { sex: 'male' } }, member.accessToken);
    const result = await api.gql(
      UPDATE,
      { input: { sex: 'female', ethnicGroup: 'martian', religion: 'Christian' } },
      member.accessToken,
    );
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const fields = result.errors?.[0].extensions.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(['ethnicGroup', 'religion']);
    expect(fields[0].message).toMatch(/choose one of .*prefer-not-to-say/);
    expect(await rows(member.personId)).toEqual([
      { sex: 'male', disability: null, religion: null },
    ]);
    // The database holds to the options too, whatever writes to it.
    await expect(
      db.query(`UPDATE equality_monitoring SET sex = 'x' WHERE person_id = $1`, [member.personId]),
    ).rejects.toThrow(/ck_equality_monitoring_sex/);
  });

  it('keeps two changes made at once to different questions', async () => {
    const other = await signIn(api);
    const [a, b] = await Promise.all([
      api.gql(UPDATE, { input: { disability: 'no' } }, other.accessToken),
      api.gql(UPDATE, { input: { religion: 'none' } }, other.accessToken),
    ]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(await rows(other.personId)).toEqual([{ sex: null, disability: 'no', religion: 'none' }]);
  });

  it('keeps no copy of the answers for replay, whatever key the client sends', async () => {
    const key = 'equality-replay-test';
    const first = await api.gql(
      UPDATE,
      { input: { sexualOrientation: 'bisexual' } },
      member.accessToken,
      { 'idempotency-key': key },
    );
    expect(first.errors).toBeUndefined();
    expect(await db.query(`SELECT 1 FROM idempotency_key WHERE key = $1`, [key])).toEqual([]);
    await api.gql(UPDATE, { input: { sexualOrientation: null } }, member.accessToken);
    expect(await rows(member.personId)).toEqual([
      { sex: 'male', disability: null, religion: null },
    ]);
  });

  it('shows the answers to nobody else: not a coordinator, not through another person', async () => {
    await api.gql(UPDATE, { input: { sex: 'male' } }, member.accessToken);
    // Only one's own: the query takes no person, and a coordinator asking gets their own (none).
    expect((await api.gql(MINE, {}, coordinator.accessToken)).data).toEqual({
      myEqualityMonitoring: NOTHING,
    });
    const schema = await api.gql<{
      __schema: { types: { name: string; fields: { name: string }[] | null }[] };
    }>(`{ __schema { types { name fields { name } } } }`);
    const holders = (schema.data?.__schema.types ?? []).filter((t) =>
      (t.fields ?? []).some((f) => ['sexualOrientation', 'ethnicGroup'].includes(f.name)),
    );
    // The answers appear on one type only, reached from one query, for the caller alone.
    expect(holders.map((t) => t.name)).toEqual(['EqualityMonitoring']);
    const anonymous = await api.gql(MINE);
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
