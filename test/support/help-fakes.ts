import { randomUUID } from 'node:crypto';
import type { AvailabilityWindow } from '@kith/community';
import type { Role } from '@kith/identity';
import { DomainError, present } from '@kith/platform';
import type { Clock, Db, JobOutbox, KithConfig } from '@kith/platform';
import type { IntroductionService, TieService } from '@kith/network';
import { RecordingOutbox } from './recording-outbox';
import type { PostcodeService } from '@kith/areas';
import { BlockService } from '@kith/identity';
import type { PersonService, Principal } from '@kith/identity';
import type { BlockRepository } from '../../libs/identity/src/block.repository';
import type { PersonRepository } from '../../libs/identity/src/person.repository';
import type { AuditLog } from '../../libs/help/src/audit.repository';
import {
  AssignmentStatus,
  HelperStatus,
  HelpRequestStatus,
} from '../../libs/help/src/help.entities';
import type {
  AssignmentOverride,
  AssignmentRow,
  HelperRow,
  HelpRepository,
  RequestHelperRow,
  RequestRow,
} from '../../libs/help/src/help.repository';
import { Ledger } from '../../libs/help/src/ledger';
import { entryKind } from '../../libs/help/src/ledger.repository';
import type { LedgerEntry, LedgerRepository } from '../../libs/help/src/ledger.repository';
import { HelpRequestService } from '../../libs/help/src/help-request.service';
import { HelperService } from '../../libs/help/src/helper.service';
import { TimeCreditService } from '../../libs/help/src/time-credit.service';

/** The public face of one of our classes: what a fake must offer, checked by the compiler. */
type Public<T> = { [K in keyof T]: T[K] };

/** State a fake can hand back as it was, so a failed transaction leaves nothing behind. */
interface Rollback {
  snapshot(): () => void;
}

const copy = <T>(value: T): T => structuredClone(value);

/** Transactions over the fakes: a throw restores every fake to how it stood at the start. */
export class FakeDb {
  private depth = 0;
  constructor(private readonly parts: Rollback[]) {}

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return work();
    const restores = this.parts.map((part) => part.snapshot());
    this.depth += 1;
    try {
      return await work();
    } catch (error) {
      restores.forEach((restore) => restore());
      throw error;
    } finally {
      this.depth -= 1;
    }
  }
}

export interface StoredAssignment extends AssignmentRow {
  assignedBy: string;
  ratingComment: string | null;
}

interface FakeHelpState {
  skills: { id: string; slug: string; label: string }[];
  people: Set<string>;
  memberAreas: Map<string, string | null>;
  helpers: Map<string, HelperRow & { skillIds: string[]; lat: number; lng: number }>;
  requests: Map<string, Omit<RequestRow, 'createdAt'> & { createdAt: number }>;
  assignments: Map<string, StoredAssignment & { createdAt: number }>;
  blocks: { blockerId: string; blockedId: string }[];
  /** `${helperId}:${memberId}` to metres; absent means the home is unknown. */
  distances: Map<string, number>;
  upcomingSessions: Set<string>;
  /** The area each helper base lies in, as area_at would place it. */
  baseAreas: Map<string, string | null>;
}

/** HelpRepository in memory: the same answers for the same rows, no SQL. */
export class FakeHelpRepository implements Public<HelpRepository>, Rollback {
  state: FakeHelpState = {
    skills: [
      { id: randomUUID(), slug: 'gardening', label: 'Gardening' },
      { id: randomUUID(), slug: 'diy', label: 'Small DIY jobs' },
    ],
    people: new Set(),
    memberAreas: new Map(),
    helpers: new Map(),
    requests: new Map(),
    assignments: new Map(),
    blocks: [],
    distances: new Map(),
    upcomingSessions: new Set(),
    baseAreas: new Map(),
  };
  private tick = 0;

  snapshot(): () => void {
    const saved = copy(this.state);
    return () => {
      this.state = saved;
    };
  }

  skillId(slug: string): string {
    const skill = this.state.skills.find((s) => s.slug === slug);
    if (!skill) throw new Error(`no skill ${slug}`);
    return skill.id;
  }

  unknownSkills(ids: string[]): Promise<string[]> {
    const known = new Set(this.state.skills.map((s) => s.id));
    return Promise.resolve(ids.filter((id) => !known.has(id)));
  }

  skills(): Promise<{ id: string; slug: string; label: string }[]> {
    return Promise.resolve([...this.state.skills].sort((a, b) => a.label.localeCompare(b.label)));
  }

  skillsByIds(ids: readonly string[]): Promise<{ id: string; slug: string; label: string }[]> {
    return Promise.resolve(this.state.skills.filter((s) => ids.includes(s.id)));
  }

  upsertHelper(
    personId: string,
    profile: {
      lat: number;
      lng: number;
      travelRadiusMetres: number;
      maxMinutesPerWeek: number | null;
      availability: AvailabilityWindow[];
      skillIds: string[];
      basePostcode?: string | null;
    },
  ): Promise<void> {
    const before = this.state.helpers.get(personId);
    const baseAreaId = this.state.baseAreas.get(`${profile.lat},${profile.lng}`) ?? null;
    this.state.helpers.set(personId, {
      personId,
      status: before?.status ?? HelperStatus.PENDING,
      baseAreaId,
      approvedAreaId: before?.approvedAreaId ?? null,
      travelRadiusMetres: profile.travelRadiusMetres,
      maxMinutesPerWeek: profile.maxMinutesPerWeek,
      dbsCheckedOn: before?.dbsCheckedOn ?? null,
      dbsExpiresOn: before?.dbsExpiresOn ?? null,
      availability: copy(profile.availability),
      skillIds: [...profile.skillIds],
      lat: profile.lat,
      lng: profile.lng,
      basePostcode: profile.basePostcode ?? null,
    });
    return Promise.resolve();
  }

  helper(personId: string): Promise<HelperRow | undefined> {
    const row = this.state.helpers.get(personId);
    if (!row) return Promise.resolve(undefined);
    const helper: HelperRow = {
      personId: row.personId,
      status: row.status,
      baseAreaId: row.baseAreaId,
      approvedAreaId: row.approvedAreaId,
      travelRadiusMetres: row.travelRadiusMetres,
      maxMinutesPerWeek: row.maxMinutesPerWeek,
      dbsCheckedOn: row.dbsCheckedOn,
      dbsExpiresOn: row.dbsExpiresOn,
      availability: copy(row.availability),
      basePostcode: row.basePostcode,
    };
    return Promise.resolve(helper);
  }

  helperSkills(
    personIds: readonly string[],
  ): Promise<{ personId: string; id: string; slug: string; label: string }[]> {
    return Promise.resolve(
      personIds.flatMap((personId) =>
        (this.state.helpers.get(personId)?.skillIds ?? []).flatMap((id) =>
          this.state.skills.filter((s) => s.id === id).map((s) => ({ personId, ...s })),
        ),
      ),
    );
  }

  setHelperStatus(personId: string, status: HelperStatus): Promise<void> {
    const row = this.state.helpers.get(personId);
    if (row) row.status = status;
    return Promise.resolve();
  }

  approveHelper(
    personId: string,
    areaId: string | null,
    dbs: { checkedOn: string; expiresOn: string | null },
  ): Promise<void> {
    const row = this.state.helpers.get(personId);
    if (row) {
      row.status = HelperStatus.APPROVED;
      row.approvedAreaId = areaId;
      row.dbsCheckedOn = dbs.checkedOn;
      row.dbsExpiresOn = dbs.expiresOn;
    }
    return Promise.resolve();
  }

  hasSkill(personId: string, skillId: string): Promise<boolean> {
    return Promise.resolve(this.state.helpers.get(personId)?.skillIds.includes(skillId) ?? false);
  }

  distanceToHome(helperId: string, memberId: string): Promise<number | null> {
    return Promise.resolve(this.state.distances.get(`${helperId}:${memberId}`) ?? null);
  }

  minutesThisWeek(helperId: string): Promise<number> {
    // Every stored assignment counts as this week's: the fakes keep no calendar.
    let minutes = 0;
    for (const a of this.state.assignments.values()) {
      if (a.helperId !== helperId) continue;
      if (a.status !== AssignmentStatus.ACCEPTED && a.status !== AssignmentStatus.COMPLETED)
        continue;
      minutes += a.minutes ?? this.state.requests.get(a.requestId)?.durationMinutes ?? 0;
    }
    return Promise.resolve(minutes);
  }

  blockedEitherWay(a: string, b: string): Promise<boolean> {
    return Promise.resolve(
      this.state.blocks.some(
        (x) => (x.blockerId === a && x.blockedId === b) || (x.blockerId === b && x.blockedId === a),
      ),
    );
  }

  block(blockerId: string, blockedId: string): Promise<void> {
    if (!this.state.blocks.some((x) => x.blockerId === blockerId && x.blockedId === blockedId))
      this.state.blocks.push({ blockerId, blockedId });
    return Promise.resolve();
  }

  memberAreaId(personId: string): Promise<string | null> {
    return Promise.resolve(this.state.memberAreas.get(personId) ?? null);
  }

  insertRequest(
    request: Omit<RequestRow, 'id' | 'status' | 'createdAt' | 'meetingPlace'> & {
      preferredWindows: AvailabilityWindow[];
      meetingPlace?: string | null;
    },
  ): Promise<string> {
    const id = randomUUID();
    this.state.requests.set(id, {
      ...copy(request),
      meetingPlace: request.meetingPlace ?? null,
      id,
      status: HelpRequestStatus.OPEN,
      createdAt: (this.tick += 1),
    });
    return Promise.resolve(id);
  }

  request(id: string): Promise<RequestRow | undefined> {
    const row = this.state.requests.get(id);
    if (!row) return Promise.resolve(undefined);
    const request: RequestRow = {
      id: row.id,
      memberId: row.memberId,
      skillId: row.skillId,
      description: row.description,
      durationMinutes: row.durationMinutes,
      atHome: row.atHome,
      areaId: row.areaId,
      sessionId: row.sessionId,
      status: row.status,
      preferredWindows: copy(row.preferredWindows),
      meetingPlace: row.meetingPlace,
      createdAt: new Date(row.createdAt),
    };
    return Promise.resolve(request);
  }

  async requestsByIds(ids: readonly string[]): Promise<RequestRow[]> {
    const rows = await Promise.all(ids.map((id) => this.request(id)));
    return rows.flatMap((row) => row ?? []);
  }

  requestsOf(memberId: string): Promise<RequestRow[]> {
    return this.requestsByIds(
      [...this.state.requests.values()]
        .filter((r) => r.memberId === memberId)
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((r) => r.id),
    );
  }

  async requestPage(
    memberId: string,
    limit: number,
    afterId: string | null,
  ): Promise<RequestRow[]> {
    const mine = await this.requestsOf(memberId);
    const start = afterId ? mine.findIndex((r) => r.id === afterId) + 1 : 0;
    return mine.slice(start, start + limit);
  }

  helpersOf(requestIds: readonly string[]): Promise<RequestHelperRow[]> {
    return Promise.resolve(
      requestIds.flatMap((requestId) => {
        const live = [...this.state.assignments.values()]
          .filter(
            (a) =>
              a.requestId === requestId &&
              [
                AssignmentStatus.OFFERED,
                AssignmentStatus.ACCEPTED,
                AssignmentStatus.COMPLETED,
              ].includes(a.status),
          )
          .sort((a, b) => b.createdAt - a.createdAt)[0];
        return live
          ? [
              {
                requestId,
                helperId: live.helperId,
                displayName: `Helper ${live.helperId.slice(0, 4)}`,
                status: live.status,
                scheduledAt: live.scheduledAt,
              },
            ]
          : [];
      }),
    );
  }

  setRequestStatus(id: string, status: HelpRequestStatus): Promise<void> {
    const row = this.state.requests.get(id);
    if (row) row.status = status;
    return Promise.resolve();
  }

  insertAssignment(
    requestId: string,
    helperId: string,
    assignedBy: string,
    override: AssignmentOverride | null = null,
  ): Promise<string> {
    const live = [...this.state.assignments.values()].some(
      (a) =>
        a.requestId === requestId &&
        (a.status === AssignmentStatus.OFFERED || a.status === AssignmentStatus.ACCEPTED),
    );
    // ux_help_assignment_live
    if (live) return Promise.reject(new Error('duplicate key: ux_help_assignment_live'));
    const id = randomUUID();
    this.state.assignments.set(id, {
      id,
      requestId,
      helperId,
      assignedBy,
      status: AssignmentStatus.OFFERED,
      minutes: null,
      rating: null,
      ratingComment: null,
      override: copy(override),
      scheduledAt: null,
      createdAt: (this.tick += 1),
    });
    return Promise.resolve(id);
  }

  assignment(id: string): Promise<AssignmentRow | undefined> {
    const row = this.state.assignments.get(id);
    if (!row) return Promise.resolve(undefined);
    const assignment: AssignmentRow = {
      id: row.id,
      requestId: row.requestId,
      helperId: row.helperId,
      status: row.status,
      minutes: row.minutes,
      rating: row.rating,
      override: copy(row.override),
      scheduledAt: row.scheduledAt,
    };
    return Promise.resolve(assignment);
  }

  private async assignmentsWhere(
    test: (a: StoredAssignment & { createdAt: number }) => boolean,
  ): Promise<AssignmentRow[]> {
    const ids = [...this.state.assignments.values()]
      .filter(test)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((a) => a.id);
    return (await Promise.all(ids.map((id) => this.assignment(id)))).flatMap((a) => a ?? []);
  }

  assignmentsOf(helperId: string): Promise<AssignmentRow[]> {
    return this.assignmentsWhere((a) => a.helperId === helperId);
  }

  async liveAssignmentOf(requestId: string): Promise<AssignmentRow | undefined> {
    return (
      await this.assignmentsWhere(
        (a) =>
          a.requestId === requestId &&
          (a.status === AssignmentStatus.OFFERED || a.status === AssignmentStatus.ACCEPTED),
      )
    )[0];
  }

  updateAssignment(
    id: string,
    changes: {
      status?: AssignmentStatus;
      minutes?: number;
      rating?: number;
      ratingComment?: string | null;
      scheduledAt?: Date;
    },
  ): Promise<void> {
    const row = this.state.assignments.get(id);
    if (row) {
      row.status = changes.status ?? row.status;
      row.scheduledAt = changes.scheduledAt ?? row.scheduledAt;
      row.minutes = changes.minutes ?? row.minutes;
      if (changes.rating !== undefined) {
        row.rating = changes.rating;
        row.ratingComment = changes.ratingComment ?? null;
      }
    }
    return Promise.resolve();
  }

  liveAssignmentsBetween(a: string, b: string): Promise<AssignmentRow[]> {
    return this.assignmentsWhere((x) => {
      const member = this.state.requests.get(x.requestId)?.memberId;
      return (
        (x.status === AssignmentStatus.OFFERED || x.status === AssignmentStatus.ACCEPTED) &&
        ((x.helperId === a && member === b) || (x.helperId === b && member === a))
      );
    });
  }

  liveAssignmentsOfHelper(helperId: string): Promise<AssignmentRow[]> {
    return this.assignmentsWhere(
      (a) =>
        a.helperId === helperId &&
        (a.status === AssignmentStatus.OFFERED || a.status === AssignmentStatus.ACCEPTED),
    );
  }

  memberViews(assignmentIds: readonly string[]): Promise<
    {
      assignmentId: string;
      displayName: string;
      distance: number | null;
      phone: string | null;
      address: string | null;
    }[]
  > {
    return Promise.resolve(
      assignmentIds.flatMap((assignmentId) => {
        const a = this.state.assignments.get(assignmentId);
        const r = a && this.state.requests.get(a.requestId);
        if (!a || !r) return [];
        return [
          {
            assignmentId,
            displayName: 'Ada Member',
            distance: this.state.distances.get(`${a.helperId}:${r.memberId}`) ?? null,
            phone: '020 7946 0000',
            address: '1 High Street',
          },
        ];
      }),
    );
  }

  upcomingSessionExists(id: string): Promise<boolean> {
    return Promise.resolve(this.state.upcomingSessions.has(id));
  }

  personExists(id: string): Promise<boolean> {
    return Promise.resolve(this.state.people.has(id));
  }
}

export interface FakeAccount {
  balance: number;
  floor: number;
}

/** LedgerRepository in memory; the floor is the database's check, kept here too. */
export class FakeLedgerRepository implements Public<LedgerRepository>, Rollback {
  state = {
    transfers: new Map<string, { id: string; reason: string; actorId: string | null }>(),
    accounts: new Map<string, FakeAccount>(),
    entries: [] as { transferId: string; personId: string; minutes: number; at: Date }[],
  };

  snapshot(): () => void {
    const saved = copy(this.state);
    return () => {
      this.state = saved;
    };
  }

  insertTransfer(key: string, reason: string, actorId: string | null) {
    if (this.state.transfers.has(key)) return Promise.resolve(undefined);
    const id = randomUUID();
    this.state.transfers.set(key, { id, reason, actorId });
    return Promise.resolve(id);
  }

  ensureAccounts(personIds: string[], floorMinutes: number): Promise<void> {
    for (const id of personIds)
      if (!this.state.accounts.has(id))
        this.state.accounts.set(id, { balance: 0, floor: floorMinutes });
    return Promise.resolve();
  }

  lockAccounts(): Promise<void> {
    return Promise.resolve();
  }

  moveBalance(from: string, to: string, minutes: number): Promise<boolean> {
    const source = this.state.accounts.get(from);
    const target = this.state.accounts.get(to);
    if (!source || !target) return Promise.reject(new Error('no such account'));
    if (source.balance - minutes < source.floor) return Promise.resolve(false);
    source.balance -= minutes;
    target.balance += minutes;
    return Promise.resolve(true);
  }

  insertEntries(transferId: string, from: string, to: string, minutes: number): Promise<void> {
    const at = new Date();
    this.state.entries.push(
      { transferId, personId: from, minutes: -minutes, at },
      { transferId, personId: to, minutes, at },
    );
    return Promise.resolve();
  }

  balance(personId: string): Promise<number | undefined> {
    return Promise.resolve(this.state.accounts.get(personId)?.balance);
  }

  entryPage(
    personId: string,
    limit: number,
    afterId: string | null,
  ): Promise<(LedgerEntry & { id: string })[]> {
    const reasons = new Map([...this.state.transfers.values()].map((t) => [t.id, t.reason]));
    const keys = new Map([...this.state.transfers.entries()].map(([key, t]) => [t.id, key]));
    const mine = this.state.entries
      .map((e, index) => ({ ...e, id: String(index + 1) }))
      .filter(
        (e) => e.personId === personId && (afterId === null || Number(e.id) < Number(afterId)),
      )
      .reverse();
    return Promise.resolve(
      mine.slice(0, limit).map((e) => ({
        id: e.id,
        at: e.at,
        minutes: e.minutes,
        reason: reasons.get(e.transferId) ?? '',
        kind: entryKind(keys.get(e.transferId) ?? '', e.minutes),
      })),
    );
  }

  async entries(personId: string, first: number): Promise<LedgerEntry[]> {
    return (await this.entryPage(personId, first, null)).map(({ at, minutes, reason, kind }) => ({
      at,
      minutes,
      reason,
      kind,
    }));
  }
}

/** Postcodes: the fakes' helpers give coordinates, so none is ever looked up. */
const NO_POSTCODES = {
  locateServed: () => Promise.reject(new Error('the help fakes look up no postcodes')),
} as unknown as PostcodeService;

export class FakeAuditLog implements Public<AuditLog>, Rollback {
  rows: {
    actorId: string | null;
    action: string;
    subjectType: string;
    subjectId: string;
    details: Record<string, unknown>;
  }[] = [];

  snapshot(): () => void {
    const saved = copy(this.rows);
    return () => {
      this.rows = saved;
    };
  }

  record(
    actorId: string | null,
    action: string,
    subjectType: string,
    subjectId: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    this.rows.push({ actorId, action, subjectType, subjectId, details: copy(details) });
    return Promise.resolve();
  }

  actions(subjectId?: string): string[] {
    return this.rows.filter((r) => !subjectId || r.subjectId === subjectId).map((r) => r.action);
  }
}

/** The few PersonService answers help asks for: who coordinates where, which area is in which. */
export class FakePeople implements Pick<
  PersonService,
  'holdsRoleIn' | 'isWithin' | 'grantRoleById'
> {
  /** person id to the areas they coordinate; null = everywhere. */
  coordinators = new Map<string, (string | null)[]>();
  /** area id to its parent. */
  parents = new Map<string, string>();
  granted: { personId: string; role: Role }[] = [];

  holdsRoleIn(personId: string, _role: Role, areaId: string | null): Promise<boolean> {
    const areas = this.coordinators.get(personId) ?? [];
    return Promise.resolve(
      areas.includes(null) || (areaId !== null && areas.some((a) => this.within(areaId, a))),
    );
  }

  isWithin(areaId: string | null, ancestorId: string | null): Promise<boolean> {
    if (ancestorId === null) return Promise.resolve(true);
    return Promise.resolve(areaId !== null && this.within(areaId, ancestorId));
  }

  grantRoleById(personId: string, role: Role): Promise<boolean> {
    this.granted.push({ personId, role });
    return Promise.resolve(true);
  }

  private within(areaId: string, ancestorId: string | null): boolean {
    for (let at: string | undefined = areaId; at; at = this.parents.get(at))
      if (at === ancestorId) return true;
    return false;
  }
}

export class FakeClock {
  constructor(public at = new Date('2027-09-01T08:00:00Z')) {}
  now(): Date {
    return new Date(this.at);
  }
}

/** Blocks as identity keeps them, over the fake help state (help reads them through BlockService). */
class FakeBlockRepository {
  constructor(private readonly help: FakeHelpRepository) {}
  async add(blockerId: string, blockedId: string): Promise<boolean> {
    const before = this.help.state.blocks.length;
    await this.help.block(blockerId, blockedId);
    return this.help.state.blocks.length > before;
  }
  remove(blockerId: string, blockedId: string): Promise<boolean> {
    const before = this.help.state.blocks.length;
    this.help.state.blocks = this.help.state.blocks.filter(
      (x) => !(x.blockerId === blockerId && x.blockedId === blockedId),
    );
    return Promise.resolve(this.help.state.blocks.length < before);
  }
  eitherWay(a: string, b: string): Promise<boolean> {
    return this.help.blockedEitherWay(a, b);
  }
}

/** Ties made by completed help, as they would be recorded. */
export class FakeTies {
  readonly made: { assignmentId: string; memberId: string; helperId: string }[] = [];
  helpCompleted(assignmentId: string, memberId: string, helperId: string): Promise<void> {
    this.made.push({ assignmentId, memberId, helperId });
    return Promise.resolve();
  }
}

/** Network's introductions as help sees them: the pairs whose introductions a block withdrew. */
export class FakeIntroductions {
  readonly withdrawn: [string, string][] = [];
  withdrawBetween(a: string, b: string): Promise<number> {
    this.withdrawn.push([a, b]);
    return Promise.resolve(0);
  }
}

class FakePersonLookup {
  constructor(private readonly help: FakeHelpRepository) {}
  async byId(id: string): Promise<{ id: string } | undefined> {
    return (await this.help.personExists(id)) ? { id } : undefined;
  }
}

/** The help services wired to fakes; the fakes are there to arrange and inspect. */
export function fakeHelp(floorMinutes = -120) {
  const help = new FakeHelpRepository();
  const ledgerRows = new FakeLedgerRepository();
  const audit = new FakeAuditLog();
  const people = new FakePeople();
  const clock = new FakeClock();
  const db = new FakeDb([help, ledgerRows, audit]);
  const config = { timeCredits: { floorMinutes } } as KithConfig;
  // The fakes offer the public methods of the classes they stand for; the casts cover the rest.
  const asDb = db as unknown as Db;
  const asHelp = help as unknown as HelpRepository;
  const asAudit = audit as unknown as AuditLog;
  const asPeople = people as unknown as PersonService;
  const asClock = clock as unknown as Clock;
  const outbox = new RecordingOutbox();
  const ties = new FakeTies();
  const introductions = new FakeIntroductions();
  const ledger = new Ledger(asDb, ledgerRows as unknown as LedgerRepository, asAudit, config);
  const blocks = new BlockService(
    new FakeBlockRepository(help) as unknown as BlockRepository,
    new FakePersonLookup(help) as unknown as PersonRepository,
  );
  return {
    help,
    ledgerRows,
    audit,
    people,
    clock,
    ledger,
    requests: new HelpRequestService(
      asDb,
      asClock,
      asHelp,
      asPeople,
      blocks,
      ledger,
      asAudit,
      outbox as unknown as JobOutbox,
      ties as unknown as TieService,
      introductions as unknown as IntroductionService,
    ),
    outbox,
    ties,
    introductions,
    helpers: new HelperService(asDb, asClock, asHelp, asPeople, asAudit, NO_POSTCODES),
    credits: new TimeCreditService(ledger, asHelp, asPeople),
  };
}

export type FakeHelp = ReturnType<typeof fakeHelp>;

export const SATURDAY: AvailabilityWindow = {
  weekday: 'SAT' as AvailabilityWindow['weekday'],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
};

/** A signed-in person, known to the fakes. */
export function principalIn(f: FakeHelp, areaId: string | null = null): Principal {
  const personId = randomUUID();
  f.help.state.people.add(personId);
  f.help.state.memberAreas.set(personId, areaId);
  return { personId, sessionId: randomUUID(), roles: [] };
}

/** An approved helper with a DBS check to 2028, gardening on Saturdays within 3 km, unless told otherwise. */
export async function helperIn(
  f: FakeHelp,
  overrides: Partial<HelperRow & { skillIds: string[] }> = {},
): Promise<Principal> {
  const principal = principalIn(f);
  await f.help.upsertHelper(principal.personId, {
    lat: 51.5,
    lng: -0.1,
    travelRadiusMetres: 3000,
    maxMinutesPerWeek: null,
    availability: [SATURDAY],
    skillIds: [f.help.skillId('gardening')],
  });
  await f.help.approveHelper(principal.personId, null, {
    checkedOn: '2027-01-01',
    expiresOn: '2028-01-01',
  });
  Object.assign(present(f.help.state.helpers.get(principal.personId), 'helper'), overrides);
  return principal;
}

/** What a refused call rejects with: the DomainError's code, message, rules and field paths. */
export async function rejection(promise: Promise<unknown>): Promise<{
  code: string;
  message: string;
  rules: unknown;
  paths: string[];
}> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return {
      code: error.code,
      message: error.message,
      rules: error.details.rules,
      paths: error.fields.map((f) => f.path),
    };
  }
  throw new Error('expected a refusal');
}
