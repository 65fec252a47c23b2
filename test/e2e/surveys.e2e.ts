import { parseInstrument, SurveyInstrumentRepository } from '@kith/network';
import { Db, londonDate } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { testConfig } from '../support/config';
import { signIn } from '../support/sign-in';

const PENDING = `{ pendingSurveys { stage dueOn instrument { id version title items { id text options { value label } } } } }`;
const SUBMIT = `mutation($i: ID!, $a: [SurveyAnswerInput!]!) {
  submitSurvey(instrumentId: $i, answers: $a) { instrumentId version stage score subscales { id score } }
}`;

describe("a member's surveys: due, answered, scored, kept as given", () => {
  let api: RunningApi;
  let db: Db;

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }));
    db = api.app.get(Db);
  });

  afterAll(() => api?.close());

  const responsesOf = async (member: { personId: string }) =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM survey_response WHERE person_id = $1`,
        [member.personId],
      )
    )[0].n;

  it('asks for a baseline, scores the answers as hand-worked, and then a review three months on', async () => {
    const member = await signIn(api);
    const pending = await api.gql<{
      pendingSurveys: {
        stage: string;
        dueOn: string;
        instrument: { id: string; items: unknown[] };
      }[];
    }>(PENDING, {}, member.accessToken);
    expect(pending.data?.pendingSurveys.map((d) => [d.instrument.id, d.stage])).toEqual([
      ['ucla-3', 'BASELINE'],
      ['ons-direct', 'BASELINE'],
      ['kith-resources', 'BASELINE'],
    ]);
    const answers = [
      { itemId: 'companionship', value: 3 },
      { itemId: 'left-out', value: 2 },
      { itemId: 'isolated', value: 1 },
    ];
    const first = await api.gql(SUBMIT, { i: 'ucla-3', a: answers }, member.accessToken);
    expect(first.data).toEqual({
      submitSurvey: {
        instrumentId: 'ucla-3',
        version: 1,
        stage: 'BASELINE',
        score: 6,
        subscales: [],
      },
    });
    // Answered: no longer due, until three months after.
    const after = await api.gql<{ pendingSurveys: { instrument: { id: string } }[] }>(
      PENDING,
      {},
      member.accessToken,
    );
    expect(after.data?.pendingSurveys.map((d) => d.instrument.id)).not.toContain('ucla-3');
    await db.query(
      `ALTER TABLE survey_response DISABLE TRIGGER survey_response_unchanged;
       UPDATE survey_response SET created_at = now() - interval '95 days' WHERE person_id = '${member.personId}';
       ALTER TABLE survey_response ENABLE TRIGGER survey_response_unchanged;`,
    );
    const review = await api.gql<{
      pendingSurveys: { stage: string; instrument: { id: string } }[];
    }>(PENDING, {}, member.accessToken);
    expect(review.data?.pendingSurveys).toContainEqual({
      stage: 'REVIEW',
      dueOn: expect.any(String) as unknown,
      instrument: expect.objectContaining({ id: 'ucla-3' }) as unknown,
    });
    const again = await api.gql(SUBMIT, { i: 'ucla-3', a: answers }, member.accessToken);
    expect(again.data).toMatchObject({ submitSurvey: { stage: 'REVIEW', score: 6 } });
  });

  it('scores the resource generator by domain, and shows a Spanish speaker Spanish', async () => {
    const member = await signIn(api);
    await api.gql(
      `mutation { updateNudgePreferences(input: { language: "es" }) { language } }`,
      {},
      member.accessToken,
    );
    const pending = await api.gql<{
      pendingSurveys: { instrument: { id: string; title: string; items: { text: string }[] } }[];
    }>(PENDING, {}, member.accessToken);
    const resources = pending.data!.pendingSurveys.find(
      (d) => d.instrument.id === 'kith-resources',
    )!;
    expect(resources.instrument.title).toBe('Las personas a las que puedes acudir');
    expect(resources.instrument.items[0].text).toMatch(/^¿Hay alguien/);
    const yes = new Set(['shopping', 'letters', 'phone', 'decision', 'worry']);
    const items = [
      'shopping',
      'home-watch',
      'lend',
      'money-advice',
      'health-advice',
      'letters',
      'repairs',
      'phone',
      'forms',
      'decision',
      'worry',
      'work',
    ];
    const result = await api.gql(
      SUBMIT,
      {
        i: 'kith-resources',
        a: items.map((itemId) => ({ itemId, value: yes.has(itemId) ? 1 : 0 })),
      },
      member.accessToken,
    );
    expect(result.data).toMatchObject({
      submitSurvey: {
        score: 5,
        subscales: [
          { id: 'domestic', score: 1 },
          { id: 'expert-advice', score: 1 },
          { id: 'personal-skills', score: 1 },
          { id: 'problem-solving', score: 2 },
        ],
      },
    });
  });

  it('refuses answers that do not fit, naming the item, and stores nothing; responses never change', async () => {
    const member = await signIn(api);
    const refused = await api.gql(
      SUBMIT,
      {
        i: 'ucla-3',
        a: [
          { itemId: 'companionship', value: 7 },
          { itemId: 'left-out', value: 1 },
        ],
      },
      member.accessToken,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining([
        { path: 'answers.companionship', message: 'choose one of 1, 2, 3' },
        { path: 'answers.isolated', message: 'this item needs an answer' },
      ]) as unknown,
    });
    const unknown = await api.gql(SUBMIT, { i: 'no-such-survey', a: [] }, member.accessToken);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM survey_response WHERE person_id = $1`,
      [member.personId],
    );
    expect(n).toBe(0);
    await api.gql(
      SUBMIT,
      { i: 'ons-direct', a: [{ itemId: 'lonely', value: 2 }] },
      member.accessToken,
    );
    await expect(
      db.query(`UPDATE survey_response SET score = 1 WHERE person_id = $1`, [member.personId]),
    ).rejects.toThrow(/never changed/);
  });

  it('makes one baseline of two answers sent at once, and the other is not due', async () => {
    const member = await signIn(api);
    const send = () =>
      api.gql<{ submitSurvey: { stage: string } }>(
        SUBMIT,
        { i: 'ons-direct', a: [{ itemId: 'lonely', value: 4 }] },
        member.accessToken,
      );
    const answers = await Promise.all([send(), send()]);
    expect(
      answers.map((r) => r.data?.submitSurvey.stage ?? r.errors?.[0].extensions.code).sort(),
    ).toEqual(['BASELINE', 'CONFLICT']);
  });

  it('takes an answer only when that survey is due: not a second baseline, not a review early', async () => {
    const member = await signIn(api);
    const ucla = ['companionship', 'left-out', 'isolated'].map((itemId) => ({ itemId, value: 2 }));
    const first = await api.gql(SUBMIT, { i: 'ucla-3', a: ucla }, member.accessToken);
    expect(first.data).toMatchObject({ submitSurvey: { stage: 'BASELINE' } });
    const [{ at }] = await db.query<{ at: Date }>(
      `SELECT created_at AS at FROM survey_response WHERE person_id = $1`,
      [member.personId],
    );
    const next = new Date(at);
    next.setUTCMonth(next.getUTCMonth() + 3);
    const again = await api.gql(SUBMIT, { i: 'ucla-3', a: ucla }, member.accessToken);
    expect(again.errors?.[0]).toMatchObject({
      message: `This survey is not due for you now: it is next due on ${londonDate(next)}`,
      extensions: {
        code: 'CONFLICT',
        fields: [
          {
            path: 'instrumentId',
            message: `ucla-3 is not due: it is next due on ${londonDate(next)}`,
          },
        ],
      },
    });
    expect(await responsesOf(member)).toBe(1);
  });

  it('after leaving takes one exit answer of each survey answered before, then nothing', async () => {
    const member = await signIn(api);
    const ucla = ['companionship', 'left-out', 'isolated'].map((itemId) => ({ itemId, value: 2 }));
    await api.gql(SUBMIT, { i: 'ucla-3', a: ucla }, member.accessToken);
    await api.gql(`mutation { leaveKith }`, {}, member.accessToken);
    const exit = await api.gql(SUBMIT, { i: 'ucla-3', a: ucla }, member.accessToken);
    expect(exit.data).toMatchObject({ submitSurvey: { stage: 'EXIT' } });
    const more = await api.gql(SUBMIT, { i: 'ucla-3', a: ucla }, member.accessToken);
    expect(more.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      fields: [
        {
          path: 'instrumentId',
          message:
            'ucla-3 is not due: you have answered it since leaving Kith, and nothing more is asked',
        },
      ],
    });
    // Never answered before leaving: no exit of it either.
    const never = await api.gql(
      SUBMIT,
      { i: 'ons-direct', a: [{ itemId: 'lonely', value: 2 }] },
      member.accessToken,
    );
    expect(never.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await responsesOf(member)).toBe(2);
    const pending = await api.gql<{ pendingSurveys: unknown[] }>(PENDING, {}, member.accessToken);
    expect(pending.data?.pendingSurveys).toEqual([]);
  });

  it('refuses a flood: more answers than items unread, and tries beyond ten an hour, sent at once', async () => {
    const member = await signIn(api);
    const tooMany = await api.gql(
      SUBMIT,
      {
        i: 'ucla-3',
        a: Array.from({ length: 150 }, () => ({ itemId: 'companionship', value: 1 })),
      },
      member.accessToken,
    );
    expect(tooMany.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'answers', message: 'at most 3 answers, one for each item of ucla-3' }],
    });
    // 150 answers sent at once, as the attack did: one taken, the rest refused, most unread.
    const ucla = ['companionship', 'left-out', 'isolated'].map((itemId) => ({ itemId, value: 3 }));
    const flood = await Promise.all(
      Array.from({ length: 150 }, () =>
        api.gql(SUBMIT, { i: 'ucla-3', a: ucla }, member.accessToken),
      ),
    );
    const codes = flood.map((r) => (r.errors ? r.errors[0].extensions.code : 'TAKEN'));
    expect(codes.filter((c) => c === 'TAKEN')).toHaveLength(1);
    // Ten tries an hour, the list above among them.
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(141);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(8);
    const limited = flood.find((r) => r.errors?.[0].extensions.code === 'RATE_LIMITED')!;
    expect(limited.errors?.[0].extensions.retryAfterSeconds).toEqual(expect.any(Number));
    expect(limited.errors?.[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.errors?.[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(await responsesOf(member)).toBe(1);
  });

  it('asks for an instrument the operator imported, and scores it from its stored definition', async () => {
    const instruments = api.app.get(SurveyInstrumentRepository);
    const licensed = (version: number, items: number) =>
      parseInstrument(
        JSON.stringify({
          id: 'operator-wellbeing',
          version,
          title: { en: 'Wellbeing' },
          licence: 'Used under the operator’s licence (test fixture, no real wording).',
          items: Array.from({ length: items }, (_, n) => ({
            id: `item-${n + 1}`,
            text: { en: `Item ${n + 1}` },
            options: [1, 2, 3].map((value) => ({ value, label: { en: String(value) } })),
          })),
          scoring: { method: 'sum', higherIs: 'better' },
        }),
      );
    await instruments.import(licensed(1, 2));
    // A newer version is what members are asked from then on.
    await instruments.import(licensed(2, 3));
    const me = await signIn(api);
    const pending = await api.gql<{
      pendingSurveys: { stage: string; instrument: { id: string; version: number } }[];
    }>(PENDING, {}, me.accessToken);
    expect(pending.data?.pendingSurveys).toContainEqual(
      expect.objectContaining({
        stage: 'BASELINE',
        instrument: expect.objectContaining({ id: 'operator-wellbeing', version: 2 }) as unknown,
      }),
    );
    const answered = await api.gql<{ submitSurvey: { score: number; version: number } }>(
      SUBMIT,
      {
        i: 'operator-wellbeing',
        a: [
          { itemId: 'item-1', value: 3 },
          { itemId: 'item-2', value: 1 },
          { itemId: 'item-3', value: 2 },
        ],
      },
      me.accessToken,
    );
    expect(answered.data?.submitSurvey).toMatchObject({ score: 6, version: 2 });
    // Answers to the older version's two items do not fit: item-3 is named, nothing stored.
    const short = await api.gql(
      SUBMIT,
      {
        i: 'operator-wellbeing',
        a: [
          { itemId: 'item-1', value: 3 },
          { itemId: 'item-2', value: 1 },
        ],
      },
      me.accessToken,
    );
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(short.errors?.[0].extensions)).toContain('item-3');
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM survey_response WHERE person_id = $1`,
      [me.personId],
    );
    expect(n).toBe(1);
  });
});
