import { Db as DbToken, londonWallTime } from '@kith/platform';
import type { Db } from '@kith/platform';
import type { RunningApi } from './api';
import { CREATE_ACTIVITY, interestIds, JOIN, LEAVE, weeklyActivity } from './community';
import type { Session } from './sign-in';
import { signIn } from './sign-in';

export const UPDATE_PREFERENCES = `mutation($input: NudgePreferencesInput!) { updateNudgePreferences(input: $input) { language } }`;
export const REGISTER_DEVICE = `mutation($token: String!, $platform: DevicePlatform!) { registerDevice(token: $token, platform: $platform) }`;

/** A one-minute quiet window ten hours from now, so a nudge is not held for the morning. */
export function quietHoursAwayFromNow(): { quietHoursStart: string; quietHoursEnd: string } {
  const w = londonWallTime(new Date());
  const start = (w.hour * 60 + w.minute + 600) % 1440;
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { quietHoursStart: hhmm(start), quietHoursEnd: hhmm((start + 1) % 1440) };
}

/**
 * Resolves once `check` gives a value (not undefined), asking every 50 ms; rejects after the
 * timeout with what it was waiting for. For outcomes written by another process's jobs.
 */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface DeliveryRecord {
  channel: string;
  status: string;
  attempts: number;
  reason: string | null;
}

/** The nudge's deliveries by channel, as the database records them. */
export async function deliveriesOf(
  db: Db,
  nudgeId: string,
): Promise<Record<string, DeliveryRecord>> {
  const rows = await db.query<DeliveryRecord>(
    `SELECT channel, status, attempts, reason FROM nudge_delivery WHERE nudge_id = $1`,
    [nudgeId],
  );
  return Object.fromEntries(rows.map((row) => [row.channel, row]));
}

/** Resolves when none of the nudge's deliveries is waiting or being sent any more. */
export function settledDeliveries(db: Db, nudgeId: string, timeoutMs?: number) {
  return until(
    `the deliveries of ${nudgeId} to settle`,
    async () => {
      const all = await deliveriesOf(db, nudgeId);
      const open = Object.values(all).some((d) => d.status === 'QUEUED' || d.status === 'SENDING');
      return Object.keys(all).length > 0 && !open ? all : undefined;
    },
    timeoutMs,
  );
}

/**
 * A member promoted off a waitlist: a session of one place, someone in it who leaves, and the
 * member waiting (signed in, awake at this hour, set up by `prepare` before the place comes free).
 * Resolves with the member and the id of their WAITLIST_PROMOTED nudge once it is written.
 */
export async function promotedMember(
  api: RunningApi,
  coordinatorToken: string,
  prepare: (member: Session) => Promise<void> | void = () => undefined,
): Promise<{ member: Session; nudgeId: string; sessionId: string }> {
  const db = api.app.get(DbToken);
  const interests = await interestIds(api, coordinatorToken, 'choir');
  const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
    CREATE_ACTIVITY,
    { input: weeklyActivity(interests, { title: 'Community choir', capacity: 1 }) },
    coordinatorToken,
  );
  const sessionId = created.data!.createActivity.sessions[0].id;
  const first = await signIn(api);
  const member = await signIn(api);
  // Awake now, and no prompts (the first visit's welcome would be one): only the promotion comes.
  await api.gql(
    UPDATE_PREFERENCES,
    { input: { ...quietHoursAwayFromNow(), weeklyLimit: 0 } },
    member.accessToken,
  );
  await prepare(member);
  await api.gql(JOIN, { id: sessionId }, first.accessToken);
  await api.gql(JOIN, { id: sessionId }, member.accessToken);
  await api.gql(LEAVE, { id: sessionId }, first.accessToken);
  const nudgeId = await until('the promotion nudge', async () => {
    const [row] = await db.query<{ id: string }>(
      `SELECT id FROM nudge WHERE person_id = $1 AND kind = 'WAITLIST_PROMOTED' AND status = 'SENT'`,
      [member.personId],
    );
    return row?.id;
  });
  return { member, sessionId, nudgeId };
}

/** Everyone's quiet hours moved away from now (a minute, ten hours off), so nothing waits. */
export async function everyoneAwake(db: Db): Promise<void> {
  const { quietHoursStart, quietHoursEnd } = quietHoursAwayFromNow();
  const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  await db.query(
    `INSERT INTO nudge_preferences (person_id, channels, quiet_start, quiet_end, weekly_limit, language)
     SELECT id, '{INBOX}', $1, $2, 3, 'en' FROM person
     ON CONFLICT (person_id) DO UPDATE SET quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end`,
    [minute(quietHoursStart), minute(quietHoursEnd)],
  );
}

export interface InboxRow {
  kind: string;
  title: string;
  body: string;
  linkScreen: string | null;
  linkId: string | null;
  variant: string;
}

/** The person's nudges in the inbox, as the database has them, oldest first. */
export function inboxOf(db: Db, personId: string, kind?: string): Promise<InboxRow[]> {
  return db.query<InboxRow>(
    `SELECT kind, title, body, link_screen AS "linkScreen", link_id AS "linkId", variant FROM nudge
      WHERE person_id = $1 AND status = 'SENT' AND ($2::text IS NULL OR kind::text = $2) ORDER BY sent_at, id`,
    [personId, kind ?? null],
  );
}

/** Resolves with the person's inbox nudges of `kind` once there are `count` of them. */
export function inboxHas(db: Db, personId: string, kind: string, count = 1): Promise<InboxRow[]> {
  return until(`${count} ${kind} for ${personId}`, async () => {
    const rows = await inboxOf(db, personId, kind);
    return rows.length >= count ? rows : undefined;
  });
}
