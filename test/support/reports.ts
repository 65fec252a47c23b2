import type { Db } from '@kith/platform';
import { until } from './nudges';
import { runBuilt } from './processes';

/** The first instant of the month `back` months before `now`'s, on London's clocks (ISO). */
export function londonMonthStart(back: number, now = new Date()): string {
  const utc = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1);
  const londonHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric' }).format(utc),
  );
  return new Date(utc - londonHour * 3600_000).toISOString();
}

/** Once every rollup job that attendance or a profile's change started has run. */
export function rollupsSettled(db: Db): Promise<true> {
  return until(
    'the rollup jobs',
    async () => {
      const [row] = await db.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM job
          WHERE job_name IN ('roll-up-session-attendance', 'roll-up-member') AND state <> 'done'`,
      );
      return row.waiting === 0 ? true : undefined;
    },
    60_000,
  );
}

/** The demo neighbourhood seeded into this file's database by the built CLI, as an operator would. */
export async function seedDemo(
  env: NodeJS.ProcessEnv,
  members: number,
  seed: number,
): Promise<void> {
  const seeded = await runBuilt(
    'cli',
    ['demo', '--members', String(members), '--seed', String(seed)],
    env,
    200_000,
  );
  if (seeded.code !== 0) throw new Error(`the demo did not seed: ${seeded.stderr}`);
}
