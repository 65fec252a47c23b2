import { Inject, Injectable } from '@nestjs/common';
import { Db, KITH_CONFIG } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { TieSource } from '../network.entities';

/** One contact between two people, as it is recorded (either order: stored lower id first). */
export interface ContactInput {
  a: string;
  b: string;
  source: TieSource;
  /** The session, introduction or assignment it came from. */
  refId: string;
  at: Date;
  /** 0 < weight <= 1: a session's co-attendance is discounted by its size. */
  weight: number;
  /** Who said so, for a contact a member reported: only they see it as reported. */
  reportedBy?: string;
}

/** A tie as one of its two people sees it, with what they said of it. */
export interface ContactRow {
  personId: string;
  displayName: string;
  sources: TieSource[];
  /** Faded to `lastContactAt`. */
  weight: number;
  contactDays: number;
  firstContactAt: Date;
  lastContactAt: Date;
  circle: number | null;
  /** Both said so: only then may the two see each other's plans. */
  confirmed: boolean;
  /** The member hid them from their own view. */
  hidden: boolean;
}

/** Sessions larger than this make no co-attendance ties: being in one room is not meeting. */
export const CO_ATTENDANCE_MAX_GROUP = 30;

type Pair = { person_a: string; person_b: string };

/**
 * The `tie` and `tie_contact` tables. A contact is recorded once per what it came from; each
 * tie it touches is then worked out again from that pair's contacts only (a few rows), under a
 * lock per pair, so two sessions recorded at once cannot overwrite each other's count.
 */
@Injectable()
export class TieRepository {
  private readonly halfLifeSeconds: number;

  constructor(
    private readonly db: Db,
    @Inject(KITH_CONFIG) config: KithConfig,
  ) {
    this.halfLifeSeconds = config.ties.halfLifeDays * 86_400;
  }

  /** Whether the two were introduced (sharing a session or help is not an introduction). */
  async introduced(a: string, b: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM tie WHERE person_a = LEAST($1::uuid, $2::uuid) AND person_b = GREATEST($1::uuid, $2::uuid)
          AND 'INTRODUCTION' = ANY(sources)`,
      [a, b],
    );
    return rows.length > 0;
  }

  /** Records contacts (those already recorded are left alone); how many were new. */
  async addContacts(contacts: readonly ContactInput[]): Promise<number> {
    const made = await this.insertContacts(contacts);
    await this.refresh(made);
    return made.length;
  }

  /** Only the contacts, leaving their ties to a rebuild: the pairs that were new. */
  async insertContacts(contacts: readonly ContactInput[]): Promise<Pair[]> {
    if (contacts.length === 0) return [];
    await this.holdOffRebuild();
    return this.db.query<Pair>(
      `INSERT INTO tie_contact (person_a, person_b, source, ref_id, at, weight, reported_by)
       SELECT LEAST(a, b), GREATEST(a, b), source, ref, at, weight, reporter
         FROM unnest($1::uuid[], $2::uuid[], $3::tie_source[], $4::uuid[], $5::timestamptz[], $6::float8[], $7::uuid[])
              AS c(a, b, source, ref, at, weight, reporter)
        WHERE a <> b
       ON CONFLICT DO NOTHING
       RETURNING person_a, person_b`,
      [
        contacts.map((c) => c.a),
        contacts.map((c) => c.b),
        contacts.map((c) => c.source),
        contacts.map((c) => c.refId),
        contacts.map((c) => c.at),
        contacts.map((c) => c.weight),
        contacts.map((c) => c.reportedBy ?? null),
      ],
    );
  }

  /** Upkeep of ties waits while every tie is rebuilt (and a rebuild waits for upkeep to end). */
  private async holdOffRebuild(): Promise<void> {
    await this.db.query(
      `SELECT pg_advisory_xact_lock_shared(hashtextextended('ties-rebuild', 17))`,
    );
  }

  /**
   * A session's co-attendance worked out again from who is recorded as having come: each pair
   * of attendees one contact, weighted 1/(n-1) so that a session gives each person one in all
   * whatever its size; none for a session of more than `CO_ATTENDANCE_MAX_GROUP`. Attendance
   * changed since (a no-show corrected) takes back what it had given.
   */
  async recountSession(sessionId: string): Promise<{ pairs: number }> {
    await this.holdOffRebuild();
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 17))`, [sessionId]);
    const gone = await this.db.query<Pair>(
      `DELETE FROM tie_contact WHERE ref_id = $1 AND source = 'CO_ATTENDANCE' RETURNING person_a, person_b`,
      [sessionId],
    );
    // Counted first: a session too big for ties is never paired up at all.
    const [{ n }] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM booking WHERE session_id = $1 AND status = 'ATTENDED'`,
      [sessionId],
    );
    const made =
      n < 2 || n > CO_ATTENDANCE_MAX_GROUP
        ? []
        : await this.db.query<Pair>(
            `WITH came AS (SELECT person_id FROM booking WHERE session_id = $1 AND status = 'ATTENDED')
             INSERT INTO tie_contact (person_a, person_b, source, ref_id, at, weight)
             SELECT x.person_id, y.person_id, 'CO_ATTENDANCE', s.id, s.starts_at, 1.0 / ($2::int - 1)
               FROM came x JOIN came y ON x.person_id < y.person_id JOIN session s ON s.id = $1
             RETURNING person_a, person_b`,
            [sessionId, n],
          );
    await this.refresh([...gone, ...made]);
    return { pairs: made.length };
  }

  /**
   * Every co-attendance contact worked out from all attendance at once, set-based, and every tie
   * from every contact: for history recorded before ties were kept (the demo, a bulk import).
   */
  async rebuildFromHistory(): Promise<{ contacts: number; ties: number }> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended('ties-rebuild', 17))`);
    await this.db.query(`DELETE FROM tie_contact WHERE source = 'CO_ATTENDANCE'`);
    const [contacts] = await this.db.query<{ n: number }>(
      `WITH came AS (SELECT b.session_id, b.person_id, s.starts_at, count(*) OVER (PARTITION BY b.session_id) AS n
                       FROM booking b JOIN session s ON s.id = b.session_id
                      WHERE b.status = 'ATTENDED'),
            made AS (INSERT INTO tie_contact (person_a, person_b, source, ref_id, at, weight)
                     SELECT x.person_id, y.person_id, 'CO_ATTENDANCE', x.session_id, x.starts_at, 1.0 / (x.n - 1)
                       FROM came x JOIN came y ON y.session_id = x.session_id AND x.person_id < y.person_id
                      WHERE x.n BETWEEN 2 AND $1
                     RETURNING 1)
       SELECT count(*)::int AS n FROM made`,
      [CO_ATTENDANCE_MAX_GROUP],
    );
    await this.db.query(`DELETE FROM tie`);
    const [ties] = await this.db.query<{ n: number }>(
      `WITH made AS (INSERT INTO tie (person_a, person_b, sources, weight, contact_days, first_contact_at, last_contact_at, confirmed)
                     ${aggregateSql('tie_contact', '$1')}
                     RETURNING 1)
       SELECT count(*)::int AS n FROM made`,
      [this.halfLifeSeconds],
    );
    return { contacts: contacts.n, ties: ties.n };
  }

  /**
   * The member's contacts as they may see them, closest circle first, then the strongest: ties
   * both confirmed, and people the member said they met themself (their own report, which the
   * other is never shown). A tie made only by being at the same session or by help is the
   * network's record, never shown to either without that confirmation. People the member blocked
   * are left out; someone who blocked the member is not (their leaving the list would tell the
   * block). `which`: the contacts shown, those the member hid, or either.
   */
  async contactsOf(
    personId: string,
    limit: number,
    options: { only?: string; which?: 'shown' | 'hidden' | 'either' } = {},
  ): Promise<ContactRow[]> {
    return this.db.query<ContactRow>(
      `SELECT o.other AS "personId", p.display_name AS "displayName",
              ARRAY(SELECT DISTINCT c.source::text FROM tie_contact c
                     WHERE c.person_a = t.person_a AND c.person_b = t.person_b
                       AND (c.source <> 'SELF_REPORTED' OR c.reported_by = $1)
                     ORDER BY 1) AS sources,
              t.weight, t.contact_days AS "contactDays", t.first_contact_at AS "firstContactAt",
              t.last_contact_at AS "lastContactAt", cs.circle, t.confirmed,
              cs.hidden_at IS NOT NULL AS hidden
         FROM tie t
        CROSS JOIN LATERAL (SELECT CASE WHEN t.person_a = $1 THEN t.person_b ELSE t.person_a END AS other) o
         JOIN person p ON p.id = o.other
         LEFT JOIN contact_setting cs ON cs.owner_id = $1 AND cs.person_id = o.other
        WHERE (t.person_a = $1 OR t.person_b = $1)
          AND ($3::uuid IS NULL OR o.other = $3)
          AND (t.confirmed OR EXISTS (SELECT 1 FROM tie_contact c
                                       WHERE c.person_a = t.person_a AND c.person_b = t.person_b
                                         AND c.source = 'SELF_REPORTED' AND c.reported_by = $1))
          AND ($5 = 'either' OR (cs.hidden_at IS NOT NULL) = ($5 = 'hidden'))
          AND NOT EXISTS (SELECT 1 FROM block k WHERE k.blocker_id = $1 AND k.blocked_id = o.other)
        ORDER BY cs.circle NULLS LAST, t.weight * power(0.5, extract(epoch FROM now() - t.last_contact_at) / $4) DESC, o.other
        LIMIT $2`,
      [personId, limit, options.only ?? null, this.halfLifeSeconds, options.which ?? 'shown'],
    );
  }

  /**
   * Every tie of the member (not hidden, nobody they blocked), confirmed or not: where each came
   * from and when it began. Only ever counted for the member ("3 new people you've met"), never
   * named, so a tie nobody confirmed tells them nothing they were not there for.
   */
  tieFacts(personId: string): Promise<{ sources: TieSource[]; firstContactAt: Date }[]> {
    return this.db.query<{ sources: TieSource[]; firstContactAt: Date }>(
      `SELECT x.sources, x.first AS "firstContactAt"
         FROM tie t
        CROSS JOIN LATERAL (SELECT CASE WHEN t.person_a = $1 THEN t.person_b ELSE t.person_a END AS other) o
        -- What the member was there for: never another's naming of them alone (that would tell
        -- them someone named them).
        CROSS JOIN LATERAL (
          SELECT array_agg(DISTINCT c.source::text) AS sources, min(c.at) AS first FROM tie_contact c
           WHERE c.person_a = t.person_a AND c.person_b = t.person_b
             AND (c.source <> 'SELF_REPORTED' OR c.reported_by = $1)) x
        WHERE (t.person_a = $1 OR t.person_b = $1) AND x.first IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM contact_setting cs
                           WHERE cs.owner_id = $1 AND cs.person_id = o.other AND cs.hidden_at IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM block k WHERE k.blocker_id = $1 AND k.blocked_id = o.other)`,
      [personId],
    );
  }

  /**
   * What the member says of a contact: its circle (null: none), and whether it is hidden (since
   * the first time it was hidden, however often hidden again).
   */
  async setSetting(
    ownerId: string,
    personId: string,
    change: { circle: number | null } | { hidden: boolean },
  ): Promise<void> {
    if ('circle' in change) {
      await this.db.query(
        `INSERT INTO contact_setting (owner_id, person_id, circle) VALUES ($1, $2, $3)
         ON CONFLICT (owner_id, person_id) DO UPDATE SET circle = EXCLUDED.circle, updated_at = now()`,
        [ownerId, personId, change.circle],
      );
    } else if (!change.hidden) {
      await this.db.query(
        `UPDATE contact_setting SET hidden_at = NULL, updated_at = now()
          WHERE owner_id = $1 AND person_id = $2 AND hidden_at IS NOT NULL`,
        [ownerId, personId],
      );
    } else {
      await this.db.query(
        `INSERT INTO contact_setting (owner_id, person_id, hidden_at) VALUES ($1, $2, now())
         ON CONFLICT (owner_id, person_id) DO UPDATE SET hidden_at = COALESCE(contact_setting.hidden_at, now()), updated_at = now()`,
        [ownerId, personId],
      );
    }
  }

  /**
   * For a member's report of whom they met: whether they came to the session (and when it was),
   * which of the people named came too, and which of those are blocked either way.
   */
  async attendedWith(
    sessionId: string,
    personId: string,
    others: readonly string[],
  ): Promise<{ startsAt: Date; present: string[]; blocked: string[] } | undefined> {
    const [row] = await this.db.query<{ startsAt: Date; present: string[]; blocked: string[] }>(
      `SELECT s.starts_at AS "startsAt",
              ARRAY(SELECT b.person_id FROM booking b
                     WHERE b.session_id = s.id AND b.status = 'ATTENDED' AND b.person_id = ANY($3::uuid[])) AS present,
              ARRAY(SELECT k.blocked_id FROM block k WHERE k.blocker_id = $2 AND k.blocked_id = ANY($3::uuid[])
                    UNION SELECT k.blocker_id FROM block k WHERE k.blocked_id = $2 AND k.blocker_id = ANY($3::uuid[])) AS blocked
         FROM session s JOIN booking mine ON mine.session_id = s.id AND mine.person_id = $2 AND mine.status = 'ATTENDED'
        WHERE s.id = $1`,
      [sessionId, personId, others],
    );
    return row;
  }

  /**
   * The others recorded as having come to a session the person came to (undefined when the
   * person did not come): never anyone blocked either way, or who has left Kith. By first name.
   */
  async othersWhoCame(
    sessionId: string,
    personId: string,
  ): Promise<{ personId: string; displayName: string }[] | undefined> {
    const [row] = await this.db.query<{ others: { personId: string; displayName: string }[] }>(
      `SELECT COALESCE((
                SELECT json_agg(json_build_object('personId', p.id, 'displayName', p.display_name)
                                ORDER BY p.display_name, p.id)
                  FROM booking b JOIN person p ON p.id = b.person_id
                  LEFT JOIN member_profile mp ON mp.person_id = b.person_id
                 WHERE b.session_id = $1 AND b.status = 'ATTENDED' AND b.person_id <> $2
                   AND mp.left_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM block k
                                    WHERE (k.blocker_id = $2 AND k.blocked_id = b.person_id)
                                       OR (k.blocker_id = b.person_id AND k.blocked_id = $2))), '[]') AS others
         FROM booking mine WHERE mine.session_id = $1 AND mine.person_id = $2 AND mine.status = 'ATTENDED'`,
      [sessionId, personId],
    );
    return row?.others;
  }

  /** Each tie touched worked out again from its own contacts; a tie left with none is gone. */
  private async refresh(pairs: Pair[]): Promise<void> {
    if (pairs.length === 0) return;
    const unique = [...new Map(pairs.map((p) => [`${p.person_a}|${p.person_b}`, p])).values()];
    unique.sort((x, y) =>
      x.person_a === y.person_a
        ? x.person_b.localeCompare(y.person_b)
        : x.person_a.localeCompare(y.person_a),
    );
    const as = unique.map((p) => p.person_a);
    const bs = unique.map((p) => p.person_b);
    // In one order everywhere, so two transactions touching the same pairs never deadlock.
    await this.db.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(a::text || b::text, 19))
         FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS p(a, b, i) ORDER BY i`,
      [as, bs],
    );
    await this.db.query(
      `WITH pairs AS (SELECT a, b FROM unnest($1::uuid[], $2::uuid[]) AS p(a, b)),
            mine AS (SELECT c.* FROM pairs p JOIN tie_contact c ON c.person_a = p.a AND c.person_b = p.b),
            agg AS (${aggregateSql('mine', '$3')}),
            up AS (INSERT INTO tie (person_a, person_b, sources, weight, contact_days, first_contact_at, last_contact_at, confirmed)
                   SELECT * FROM agg
                   ON CONFLICT (person_a, person_b) DO UPDATE
                     SET sources = EXCLUDED.sources, weight = EXCLUDED.weight, contact_days = EXCLUDED.contact_days,
                         first_contact_at = EXCLUDED.first_contact_at, last_contact_at = EXCLUDED.last_contact_at,
                         confirmed = EXCLUDED.confirmed)
       DELETE FROM tie t USING pairs p
        WHERE t.person_a = p.a AND t.person_b = p.b
          AND NOT EXISTS (SELECT 1 FROM agg WHERE agg.person_a = p.a AND agg.person_b = p.b)`,
      [as, bs, this.halfLifeSeconds],
    );
  }
}

/**
 * A tie per pair from contacts (`from`, a table or CTE of tie_contact rows): its sources, its
 * weight faded by the half-life (the parameter `halfLife`, in seconds) to its last contact, the
 * days it had contact on and its first and last; and whether both said so (confirmed): an
 * accepted introduction, or a report from each of the two.
 */
function aggregateSql(from: string, halfLife: string): string {
  return `SELECT person_a, person_b, array_agg(DISTINCT source ORDER BY source) AS sources,
                 sum(weight * power(0.5, extract(epoch FROM last - at) / ${halfLife}))::float8 AS weight,
                 count(DISTINCT (at AT TIME ZONE 'Europe/London')::date)::int AS contact_days,
                 min(at) AS first_contact_at, max(at) AS last_contact_at,
                 (bool_or(source = 'INTRODUCTION') OR count(DISTINCT reported_by) = 2) AS confirmed
            FROM (SELECT c.person_a, c.person_b, c.source, c.at, c.weight, c.reported_by,
                         max(c.at) OVER (PARTITION BY c.person_a, c.person_b) AS last
                    FROM ${from} c) w
           GROUP BY person_a, person_b`;
}
