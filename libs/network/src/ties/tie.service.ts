import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { firstName } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { Clock, Db, DomainError, isUuid, KITH_CONFIG, Problems } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { TieSource } from '../network.entities';
import { TieRepository } from './tie.repository';
import type { ContactInput, ContactRow } from './tie.repository';
import type { TieRules } from './tie-state';

/** The id a member's report about one session is kept under: one per session and reporter. */
function reportId(sessionId: string, reporterId: string): string {
  const hex = createHash('sha256').update(`${sessionId}:${reporterId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** How many people one "who did you meet?" answer may name. */
export const RECORD_CONTACTS_MAX = 50;
/** How many contacts a member is shown (closest and strongest first). */
export const CONTACTS_SHOWN = 200;

/**
 * Ties as things happen: sessions attended together, introductions accepted, help given, and
 * the people a member says they met. And what a member says of their contacts (a circle, or
 * hidden), which only they see.
 */
@Injectable()
export class TieService {
  readonly rules: TieRules;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ties: TieRepository,
    @Inject(KITH_CONFIG) config: KithConfig,
  ) {
    this.rules = config.ties;
  }

  /** A session's attendance changed: its co-attendance contacts are worked out again. */
  recountSession(sessionId: string): Promise<{ pairs: number }> {
    return this.db.transaction(() => this.ties.recountSession(sessionId));
  }

  /**
   * History recorded without its ties (the demo, a bulk import): its contacts (help given,
   * introductions), then every session's co-attendance from all attendance, and every tie from
   * its contacts, set-based.
   */
  importHistory(contacts: readonly ContactInput[]): Promise<{ contacts: number; ties: number }> {
    return this.db.transaction(async () => {
      for (let i = 0; i < contacts.length; i += 5000)
        await this.ties.insertContacts(contacts.slice(i, i + 5000));
      return this.ties.rebuildFromHistory();
    });
  }

  /** A help visit done: member and helper tied (in the caller's transaction). */
  async helpCompleted(assignmentId: string, memberId: string, helperId: string): Promise<void> {
    await this.ties.addContacts([
      {
        a: memberId,
        b: helperId,
        source: TieSource.HELP,
        refId: assignmentId,
        at: this.clock.now(),
        weight: 1,
      },
    ]);
  }

  /**
   * "Who did you meet?" after a session: the caller must have come, and so must everyone they
   * name (BAD_USER_INPUT naming each who did not, nothing recorded). People blocked either way
   * are left out. How many people were taken: all those named, whatever was known before.
   */
  /**
   * "Who did you meet?": the first names of the others who came to a session the member came
   * to, to name the ones they met (recordContacts). Only to someone recorded as having come.
   */
  async othersWhoCame(
    principal: Principal,
    sessionId: string,
  ): Promise<{ personId: string; displayName: string }[]> {
    const others = isUuid(sessionId)
      ? await this.ties.othersWhoCame(sessionId, principal.personId)
      : undefined;
    if (!others)
      throw DomainError.forbidden(
        'Only people recorded as having come to a session can see who else came',
      );
    return others.map((o) => ({ personId: o.personId, displayName: firstName(o.displayName) }));
  }

  async recordContacts(
    principal: Principal,
    sessionId: string,
    personIds: readonly string[],
  ): Promise<number> {
    const named = [...new Set(personIds)];
    if (named.length > RECORD_CONTACTS_MAX)
      throw DomainError.badInput([
        { path: 'personIds', message: `name at most ${RECORD_CONTACTS_MAX} people` },
      ]);
    const problems = new Problems();
    problems.check(isUuid(sessionId), 'sessionId', 'must be a session id');
    problems.check(named.length > 0, 'personIds', 'name at least one person');
    named.forEach((id, i) => {
      if (!isUuid(id)) problems.add(`personIds.${i}`, 'must be a person id');
      else if (id === principal.personId) problems.add(`personIds.${i}`, 'that is you');
    });
    problems.throwIfAny();
    return this.db.transaction(async () => {
      const seen = await this.ties.attendedWith(sessionId, principal.personId, named);
      if (!seen)
        throw DomainError.badInput(
          [{ path: 'sessionId', message: 'you are not recorded as having come to this session' }],
          'Only people who came to a session can say whom they met there',
        );
      const present = new Set(seen.present);
      const absent = named
        .map((id, i) => ({ id, i }))
        .filter(({ id }) => !present.has(id))
        .map(({ i }) => ({ path: `personIds.${i}`, message: 'was not recorded at this session' }));
      if (absent.length > 0) throw DomainError.badInput(absent, 'Some people named were not there');
      // Each person's own report is theirs (both may say so); saying it again changes nothing.
      // People blocked either way are left out, and the answer does not tell which.
      const blocked = new Set(seen.blocked);
      await this.ties.addContacts(
        named
          .filter((id) => !blocked.has(id))
          .map((id) => ({
            a: principal.personId,
            b: id,
            source: TieSource.SELF_REPORTED,
            refId: reportId(sessionId, principal.personId),
            at: seen.startsAt,
            weight: 1,
            reportedBy: principal.personId,
          })),
      );
      return named.length;
    });
  }

  contacts(principal: Principal): Promise<ContactRow[]> {
    return this.ties.contactsOf(principal.personId, CONTACTS_SHOWN);
  }

  /** Every tie of the member, confirmed or not, to be counted (never named) in their gains. */
  tieFacts(principal: Principal): Promise<{ sources: TieSource[]; firstContactAt: Date }[]> {
    return this.ties.tieFacts(principal.personId);
  }

  /** Puts a contact in a circle (1 closest to 3), or out of any (null). NOT_FOUND for a non-contact. */
  setCircle(principal: Principal, personId: string, circle: number | null): Promise<ContactRow> {
    const problems = new Problems();
    problems.intRange(circle, 'circle', 1, 3);
    problems.throwIfAny();
    return this.db.transaction(async () => {
      await this.mustBeContact(principal, personId);
      await this.ties.setSetting(principal.personId, personId, { circle });
      return this.mustBeContact(principal, personId);
    });
  }

  /**
   * Hides a contact from the member's own view, and from seeing the member's plans (short of a
   * block, and as quietly). Hiding someone already hidden changes nothing and answers the same.
   */
  hide(principal: Principal, personId: string): Promise<true> {
    return this.db.transaction(async () => {
      await this.mustBeContact(principal, personId, 'either');
      await this.ties.setSetting(principal.personId, personId, { hidden: true });
      return true as const;
    });
  }

  /** Shows a hidden contact again (one not hidden stays as it is): the contact as now shown. */
  unhide(principal: Principal, personId: string): Promise<ContactRow> {
    return this.db.transaction(async () => {
      await this.mustBeContact(principal, personId, 'either');
      await this.ties.setSetting(principal.personId, personId, { hidden: false });
      return this.mustBeContact(principal, personId);
    });
  }

  /** The contacts the member hid, to show again if they wish. */
  hiddenContacts(principal: Principal): Promise<ContactRow[]> {
    return this.ties.contactsOf(principal.personId, CONTACTS_SHOWN, { which: 'hidden' });
  }

  /**
   * A contact the member may see, else NOT_FOUND: the same answer for someone they were only at
   * a session with, or were helped by, as for a stranger, so no tie is told without consent.
   */
  private async mustBeContact(
    principal: Principal,
    personId: string,
    which: 'shown' | 'either' = 'shown',
  ): Promise<ContactRow> {
    const [row] = isUuid(personId)
      ? await this.ties.contactsOf(principal.personId, 1, { only: personId, which })
      : [];
    if (!row) throw DomainError.notFound('Contact');
    return row;
  }
}
