import type { TestingModule } from '@nestjs/testing';
import { NudgeReleaseHandler, NudgesModule, RELEASE_BATCH } from '@kith/nudges';
import { Db } from '@kith/platform';
import { createContext } from '../support/context';
import { quietHoursAwayFromNow } from '../support/nudges';

/**
 * Planned nudges falling due, released by runs side by side (two workers at once): each is sent
 * once, with one inbox delivery, and a full batch asks for the next run.
 */
describe('releasing planned nudges', () => {
  let context: TestingModule;
  let db: Db;
  let handler: NudgeReleaseHandler;

  beforeAll(async () => {
    context = await createContext([NudgesModule]);
    db = context.get(Db);
    handler = context.get(NudgeReleaseHandler);
  });

  afterAll(() => context?.close());

  it('sends each due nudge once however many runs take them at once, and leaves the rest', async () => {
    const due = 2 * RELEASE_BATCH + 500;
    await db.query(
      `INSERT INTO person (email, display_name)
       SELECT 'release' || g || '@example.test', 'R' FROM generate_series(1, 50) g`,
    );
    // Their quiet hours away from now: whenever the test runs, what is due goes now.
    const { quietHoursStart, quietHoursEnd } = quietHoursAwayFromNow();
    const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    await db.query(
      `INSERT INTO nudge_preferences (person_id, channels, quiet_start, quiet_end, weekly_limit, language)
       SELECT id, '{INBOX,EMAIL,PUSH}', $1, $2, 3, 'en' FROM person WHERE email LIKE 'release%'`,
      [minute(quietHoursStart), minute(quietHoursEnd)],
    );
    // Follow-ups (no booking to re-check) due a minute ago, and ten due tomorrow.
    await db.query(
      `INSERT INTO nudge (person_id, kind, key, due_at, status, title, body)
       SELECT p.id, 'FOLLOW_UP', 'release-' || g, now() - interval '1 minute' + (CASE WHEN g > $1 THEN interval '1 day' ELSE interval '0' END),
              'PENDING', 'How was it?', 'Tell us who you met'
         FROM generate_series(1, $1 + 10) g
         JOIN LATERAL (SELECT id FROM person WHERE email LIKE 'release%' ORDER BY email OFFSET g % 50 LIMIT 1) p ON true`,
      [due],
    );
    const run = () => db.transaction(() => handler.release());
    const results = await Promise.all([run(), run(), run(), run()]);
    expect(results.filter((r) => r.status === 'done').length).toBeGreaterThanOrEqual(3);
    const [counts] = await db.query<{ sent: number; pending: number; inbox: number; keys: number }>(
      `SELECT count(*) FILTER (WHERE n.status = 'SENT')::int AS sent,
              count(*) FILTER (WHERE n.status = 'PENDING')::int AS pending,
              (SELECT count(*)::int FROM nudge_delivery d JOIN nudge m ON m.id = d.nudge_id
                WHERE m.key LIKE 'release-%' AND d.channel = 'INBOX') AS inbox,
              count(DISTINCT n.key)::int AS keys
         FROM nudge n WHERE n.key LIKE 'release-%'`,
    );
    expect(counts).toEqual({ sent: due, pending: 10, inbox: due, keys: due + 10 });
    // Nothing more is due: a run now finds nothing.
    expect(await run()).toEqual({ status: 'skipped', reason: 'nothing planned is due' });
  });

  it('asks for the next run at once after a full batch, and not after a short one', async () => {
    // How runs side by side split what is due between them is theirs to decide: one run here.
    await db.query(
      `INSERT INTO nudge (person_id, kind, key, due_at, status, title, body)
       SELECT (SELECT id FROM person WHERE email LIKE 'release%' ORDER BY email LIMIT 1), 'FOLLOW_UP',
              'full-' || g, now() - interval '1 minute', 'PENDING', 'How was it?', 'Tell us who you met'
         FROM generate_series(1, $1 + 5) g`,
      [RELEASE_BATCH],
    );
    const runs = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM job WHERE job_name = 'release-due-nudges'`,
        )
      )[0].n;
    const before = await runs();
    const run = () => db.transaction(() => handler.release());
    expect(await run()).toEqual({ status: 'done' });
    expect(await runs()).toBe(before + 1);
    expect(await run()).toEqual({ status: 'done' });
    expect(await runs()).toBe(before + 1);
  });
});
