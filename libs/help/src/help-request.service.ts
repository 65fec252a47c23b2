import { Injectable } from '@nestjs/common';
import { parseAvailability } from '@kith/community';
import {
  Clock,
  Db,
  distanceBand,
  DomainError,
  ErrorCode,
  isUuid,
  JobName,
  JobOutbox,
  present,
  Problems,
} from '@kith/platform';
import type { PageRequest } from '@kith/platform';
import type { AvailabilityInput } from '@kith/community';
import { BlockService, firstName, PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { IntroductionService, TieService } from '@kith/network';
import { AuditLog } from './audit.repository';
import { AssignmentStatus, HelpRequestStatus } from './help.entities';
import { HelpRepository } from './help.repository';
import type { AssignmentRow, RequestRow } from './help.repository';
import type { AssignmentOverride } from './help.repository';
import { HARD_RULE_TEXT, HardRule, helperEligibility, softRuleText } from './helper-eligibility';
import type { HelperFacts, PairFacts, RequestFacts } from './helper-eligibility';
import { dbsDay } from './helper.service';
import { Ledger } from './ledger';

export interface MemberView {
  firstName: string;
  distanceBand: string | null;
  phone: string | null;
  address: string | null;
}

export interface NewHelpRequest {
  skillId: string;
  description: string;
  durationMinutes: number;
  atHome: boolean;
  preferredWindows?: AvailabilityInput[] | null;
  sessionId?: string | null;
  /** Where to meet, when the help is not at home. */
  meetingPlace?: string | null;
}

/** The helper of a request as its member sees it: a first name, and when they come. */
export interface RequestHelper {
  firstName: string;
  status: AssignmentStatus;
  scheduledAt: Date | null;
}

export const MAX_HELP_PAGE = 50;
/** How far ahead a helper may say they will come. */
const SCHEDULE_AHEAD_DAYS = 90;

/**
 * An assignment refused by eligibility rules: BAD_USER_INPUT on `helperId`, one field problem
 * per rule (its code first), the codes also in `extensions.rules`. Soft rules say how to override.
 */
function refusal(failed: { rule: string; text: string }[], overridable = false): DomainError {
  const hint = overridable ? '; a coordinator may assign anyway with an overrideReason' : '';
  return new DomainError(
    ErrorCode.BAD_USER_INPUT,
    `This helper cannot be assigned: ${failed.map((f) => f.text).join('; ')}${hint}`,
    failed.map((f) => ({ path: 'helperId', message: `${f.rule}: ${f.text}${hint}` })),
    { rules: failed.map((f) => f.rule), overridable },
  );
}

/** Requests OPEN → ASSIGNED → ACCEPTED → DONE (or CANCELLED); a declined offer reopens it. */
/** The most a helper may claim for a request: twice the time asked for, plus half an hour. */
export function maxClaimMinutes(askedMinutes: number): number {
  return 2 * askedMinutes + 30;
}

@Injectable()
export class HelpRequestService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly help: HelpRepository,
    private readonly people: PersonService,
    private readonly blocks: BlockService,
    private readonly ledger: Ledger,
    private readonly audit: AuditLog,
    private readonly outbox: JobOutbox,
    private readonly ties: TieService,
    private readonly introductions: IntroductionService,
  ) {}

  async create(principal: Principal, input: NewHelpRequest): Promise<RequestRow> {
    const problems = new Problems();
    const description = problems.text(input.description, 'description', 2000, true) ?? '';
    problems.intRange(input.durationMinutes, 'durationMinutes', 15, 600);
    if (problems.check(isUuid(input.skillId), 'skillId', 'unknown skill')) {
      problems.check(
        (await this.help.unknownSkills([input.skillId])).length === 0,
        'skillId',
        'unknown skill',
      );
    }
    const windows = parseAvailability(input.preferredWindows ?? [], 'preferredWindows');
    windows.problems.forEach((p) => problems.add(p.path, p.message));
    const meetingPlace =
      typeof input.meetingPlace === 'string' && input.meetingPlace.trim() !== ''
        ? problems.text(input.meetingPlace, 'meetingPlace', 200)
        : undefined;
    if (meetingPlace !== undefined)
      problems.check(
        !input.atHome,
        'meetingPlace',
        'Help at home needs no meeting place. Leave this empty, or say the help is not at home.',
      );
    if (input.sessionId) {
      const known =
        isUuid(input.sessionId) && (await this.help.upcomingSessionExists(input.sessionId));
      problems.check(known, 'sessionId', 'no upcoming session has this id');
    }
    problems.throwIfAny('The request was not made');
    return this.db.transaction(async () => {
      const id = await this.help.insertRequest({
        memberId: principal.personId,
        skillId: input.skillId,
        description,
        durationMinutes: input.durationMinutes,
        atHome: input.atHome,
        preferredWindows: windows.windows,
        sessionId: input.sessionId ?? null,
        meetingPlace: meetingPlace ?? null,
        areaId: await this.help.memberAreaId(principal.personId),
      });
      await this.audit.record(principal.personId, 'request.created', 'help_request', id);
      return present(await this.help.request(id), 'help request');
    });
  }

  mine(memberId: string): Promise<RequestRow[]> {
    return this.help.requestsOf(memberId);
  }

  /** A page of the member's requests, newest first. */
  async page(
    memberId: string,
    request: PageRequest,
  ): Promise<{ rows: RequestRow[]; position: (row: RequestRow) => Record<string, string> }> {
    return {
      rows: await this.help.requestPage(memberId, request.first + 1, request.after?.i ?? null),
      position: (row) => ({ i: row.id }),
    };
  }

  /** Who is helping with each request, by request id: first names only. */
  async helpersFor(requestIds: readonly string[]): Promise<Map<string, RequestHelper>> {
    const rows = requestIds.length > 0 ? await this.help.helpersOf(requestIds) : [];
    return new Map(
      rows.map((row) => [
        row.requestId,
        { firstName: firstName(row.displayName), status: row.status, scheduledAt: row.scheduledAt },
      ]),
    );
  }

  requestsByIds(ids: readonly string[]): Promise<RequestRow[]> {
    return this.help.requestsByIds(ids);
  }

  assignmentsOf(helperId: string): Promise<AssignmentRow[]> {
    return this.help.assignmentsOf(helperId);
  }

  /** The member who asked (or a coordinator of the area) cancels; a live offer is withdrawn. */
  cancel(principal: Principal, requestId: string): Promise<RequestRow> {
    return this.db.transaction(async () => {
      const request = await this.lockRequestFor(principal, requestId, 'cancel it');
      if (request.status === HelpRequestStatus.CANCELLED) return request;
      if (request.status === HelpRequestStatus.DONE)
        throw DomainError.conflict('This request is already done');
      const live = await this.help.liveAssignmentOf(request.id);
      if (live) {
        await this.help.updateAssignment(live.id, { status: AssignmentStatus.WITHDRAWN });
        await this.audit.record(principal.personId, 'assignment.withdrawn', 'assignment', live.id, {
          reason: 'request cancelled',
        });
      }
      await this.help.setRequestStatus(request.id, HelpRequestStatus.CANCELLED);
      await this.audit.record(principal.personId, 'request.cancelled', 'help_request', request.id);
      return present(await this.help.request(request.id), 'help request');
    });
  }

  /**
   * By the member who asked, or a coordinator of the request's area. The helper must meet the
   * eligibility rules (helper-eligibility.ts): a hard rule never bends; a soft one only for a
   * coordinator who gives `overrideReason`, which is kept on the assignment and in the audit log.
   */
  async assign(
    principal: Principal,
    requestId: string,
    helperId: string,
    overrideReason: string | null = null,
  ): Promise<AssignmentRow> {
    const problems = new Problems();
    const reason = overrideReason?.trim()
      ? problems.text(overrideReason, 'overrideReason', 500, true)
      : undefined;
    problems.throwIfAny('The helper was not assigned');
    return this.db.transaction(async () => {
      const request = await this.lockRequestFor(principal, requestId, 'assign a helper');
      if (request.status !== HelpRequestStatus.OPEN)
        throw DomainError.conflict(`This request is ${request.status.toLowerCase()}`);
      const coordinator = await this.people.holdsRoleIn(
        principal.personId,
        Role.COORDINATOR,
        request.areaId,
      );
      const facts = isUuid(helperId) ? await this.eligibilityFacts(helperId, request) : undefined;
      const verdict = facts && helperEligibility(facts.helper, facts.request, facts.pair);
      // Why a helper cannot take it (suspended, out of vetting, their radius, their week) is the
      // helper's own business: only a coordinator of the area is told. The member who asked
      // learns only that this one cannot, the same whether the id is a helper or not.
      if (!coordinator && (!facts || !verdict?.eligible))
        throw DomainError.badInput(
          [{ path: 'helperId', message: 'this helper cannot take this request' }],
          'Choose a helper from the ones suggested for this request',
        );
      if (!facts || !verdict) {
        if (helperId === request.memberId)
          throw refusal([{ rule: HardRule.SELF, text: HARD_RULE_TEXT[HardRule.SELF] }]);
        throw DomainError.notFound('Helper');
      }
      if (verdict.hard.length)
        throw refusal(verdict.hard.map((rule) => ({ rule, text: HARD_RULE_TEXT[rule] })));
      let override: AssignmentOverride | null = null;
      if (verdict.soft.length) {
        if (!reason) {
          const { helper, request: asked, pair } = facts;
          throw refusal(
            verdict.soft.map((rule) => ({
              rule,
              text: softRuleText(rule, helper, asked, pair),
            })),
            true,
          );
        }
        override = { reason, rules: verdict.soft };
      }
      const id = await this.help.insertAssignment(
        request.id,
        helperId,
        principal.personId,
        override,
      );
      await this.help.setRequestStatus(request.id, HelpRequestStatus.ASSIGNED);
      await this.outbox.schedule(
        JobName.DecideNudge,
        { event: 'ASSIGNMENT_OFFERED', assignmentId: id },
        { key: `assignment-offered-${id}` },
      );
      await this.audit.record(principal.personId, 'assignment.offered', 'assignment', id, {
        requestId,
        helperId,
        ...(override ? { override } : {}),
      });
      return present(await this.help.assignment(id), 'assignment');
    });
  }

  /** Everything the eligibility rule reads about this helper and this request; none without a profile. */
  private async eligibilityFacts(
    helperId: string,
    request: RequestRow,
  ): Promise<{ helper: HelperFacts; request: RequestFacts; pair: PairFacts } | undefined> {
    // Locked: two assignments deciding on one helper's week take turns.
    const helper = await this.help.helper(helperId, true);
    if (!helper) return undefined;
    const skillIds = (await this.help.helperSkills([helperId])).map((s) => s.id);
    return {
      helper: { ...helper, skillIds },
      request: {
        memberId: request.memberId,
        skillId: request.skillId,
        durationMinutes: request.durationMinutes,
        preferredWindows: request.preferredWindows,
      },
      pair: {
        today: dbsDay(this.clock.now()),
        blockedEitherWay: await this.blocks.eitherBlocking(helperId, request.memberId),
        distanceMetres: await this.help.distanceToHome(helperId, request.memberId),
        minutesThisWeek: await this.help.minutesThisWeek(helperId),
      },
    };
  }

  /**
   * What changed since the offer counts when the helper accepts: vetting lapsed, a block made,
   * or other accepted help filling their week (offers do not count against it until accepted, so
   * two offers cannot both be accepted past the limit). A soft rule overridden at the offer stays
   * overridden; the others are checked again.
   */
  private async mustStillBeEligible(assignment: AssignmentRow): Promise<void> {
    const request = present(await this.help.request(assignment.requestId), 'request');
    const facts = await this.eligibilityFacts(assignment.helperId, request);
    if (!facts) throw DomainError.conflict('You are no longer a helper');
    const verdict = helperEligibility(facts.helper, facts.request, facts.pair);
    const overridden = new Set<string>(assignment.override?.rules ?? []);
    const failed = [
      ...verdict.hard.map((rule) => HARD_RULE_TEXT[rule]),
      ...verdict.soft
        .filter((rule) => !overridden.has(rule))
        .map((rule) => softRuleText(rule, facts.helper, facts.request, facts.pair)),
    ];
    if (failed.length > 0)
      throw DomainError.conflict(`You cannot take this request now: ${failed.join('; ')}`);
  }

  /** The helper accepts or declines; declining reopens the request. */
  respond(
    principal: Principal,
    assignmentId: string,
    accept: boolean,
    at?: Date | null,
  ): Promise<AssignmentRow> {
    if (at) this.checkVisitTime(at);
    return this.db.transaction(async () => {
      const assignment = await this.lockOwnAssignment(principal, assignmentId);
      const wanted = accept ? AssignmentStatus.ACCEPTED : AssignmentStatus.DECLINED;
      if (assignment.status === wanted) return assignment;
      if (assignment.status !== AssignmentStatus.OFFERED)
        throw DomainError.conflict(`This assignment is ${assignment.status.toLowerCase()}`);
      if (accept) await this.mustStillBeEligible(assignment);
      await this.help.updateAssignment(assignment.id, {
        status: wanted,
        scheduledAt: accept && at ? at : undefined,
      });
      await this.help.setRequestStatus(
        assignment.requestId,
        accept ? HelpRequestStatus.ACCEPTED : HelpRequestStatus.OPEN,
      );
      if (accept)
        await this.outbox.schedule(
          JobName.DecideNudge,
          { event: 'ASSIGNMENT_ACCEPTED', assignmentId: assignment.id },
          { key: `assignment-accepted-${assignment.id}` },
        );
      await this.audit.record(
        principal.personId,
        accept ? 'assignment.accepted' : 'assignment.declined',
        'assignment',
        assignment.id,
      );
      return present(await this.help.assignment(assignment.id), 'assignment');
    });
  }

  /** The helper says (again) when they will come; only while the assignment is accepted. */
  schedule(principal: Principal, assignmentId: string, at: Date): Promise<AssignmentRow> {
    this.checkVisitTime(at);
    return this.db.transaction(async () => {
      const assignment = await this.lockOwnAssignment(principal, assignmentId);
      if (assignment.status !== AssignmentStatus.ACCEPTED)
        throw DomainError.conflict(
          `Only accepted help can be given a time; this is ${assignment.status.toLowerCase()}`,
        );
      await this.help.updateAssignment(assignment.id, { scheduledAt: at });
      await this.audit.record(
        principal.personId,
        'assignment.scheduled',
        'assignment',
        assignment.id,
      );
      return present(await this.help.assignment(assignment.id), 'assignment');
    });
  }

  private checkVisitTime(at: Date): void {
    const now = this.clock.now().getTime();
    if (
      Number.isNaN(at.getTime()) ||
      at.getTime() <= now ||
      at.getTime() > now + SCHEDULE_AHEAD_DAYS * 24 * 3600 * 1000
    )
      throw DomainError.badInput([
        {
          path: 'at',
          message: `Choose a time from now to ${SCHEDULE_AHEAD_DAYS} days ahead`,
        },
      ]);
  }

  /**
   * The helper completes the assignment with the minutes spent, which move from the member's
   * account to the helper's once, however often this is called.
   */
  async complete(
    principal: Principal,
    assignmentId: string,
    minutes: number,
  ): Promise<AssignmentRow> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600) {
      throw DomainError.badInput([
        { path: 'minutes', message: 'must be a whole number from 1 to 600' },
      ]);
    }
    return this.db.transaction(async () => {
      const assignment = await this.lockOwnAssignment(principal, assignmentId);
      if (assignment.status === AssignmentStatus.COMPLETED) return assignment;
      if (assignment.status !== AssignmentStatus.ACCEPTED)
        throw DomainError.conflict(`This assignment is ${assignment.status.toLowerCase()}`);
      const request = present(await this.help.request(assignment.requestId, true), 'help request');
      const most = maxClaimMinutes(request.durationMinutes);
      if (minutes > most) {
        throw DomainError.badInput([
          {
            path: 'minutes',
            message: `at most ${most} (twice the ${request.durationMinutes} minutes asked for, plus 30); a coordinator can grant more`,
          },
        ]);
      }
      await this.ledger.transfer({
        key: `assignment:${assignment.id}`,
        from: request.memberId,
        to: assignment.helperId,
        minutes,
        reason: 'Help given',
        actorId: principal.personId,
      });
      await this.help.updateAssignment(assignment.id, {
        status: AssignmentStatus.COMPLETED,
        minutes,
      });
      await this.help.setRequestStatus(request.id, HelpRequestStatus.DONE);
      // Member and helper tied with the same commit (network sits below help: a direct call).
      await this.ties.helpCompleted(assignment.id, request.memberId, assignment.helperId);
      await this.outbox.schedule(
        JobName.DecideNudge,
        { event: 'ASSIGNMENT_COMPLETED', assignmentId: assignment.id },
        { key: `assignment-completed-${assignment.id}` },
      );
      await this.audit.record(
        principal.personId,
        'assignment.completed',
        'assignment',
        assignment.id,
        { minutes },
      );
      return present(await this.help.assignment(assignment.id), 'assignment');
    });
  }

  /** The member rates completed help, 1 to 5, with an optional comment. */
  async rate(
    principal: Principal,
    assignmentId: string,
    rating: number,
    comment: string | null,
  ): Promise<AssignmentRow> {
    const problems = new Problems();
    problems.intRange(rating, 'rating', 1, 5);
    const cleanComment = comment?.trim() ? problems.text(comment, 'comment', 500, true) : undefined;
    problems.throwIfAny();
    return this.db.transaction(async () => {
      const assignment = isUuid(assignmentId)
        ? await this.help.assignment(assignmentId, true)
        : undefined;
      if (!assignment) throw DomainError.notFound('Assignment');
      const request = present(await this.help.request(assignment.requestId), 'help request');
      if (request.memberId !== principal.personId)
        throw DomainError.forbidden('Only the member who was helped can rate');
      if (assignment.status !== AssignmentStatus.COMPLETED)
        throw DomainError.conflict('Only completed help can be rated');
      await this.help.updateAssignment(assignment.id, {
        rating,
        ratingComment: cleanComment ?? null,
      });
      return present(await this.help.assignment(assignment.id), 'assignment');
    });
  }

  /**
   * Blocks through identity's rule, with the audit record in the same transaction; help between
   * the two that is offered or accepted is withdrawn then too, so a blocked helper stops seeing
   * the member's contact details and cannot accept; and so is any introduction pending between
   * them, asked by either, so neither can accept it afterwards.
   */
  async block(principal: Principal, personId: string): Promise<true> {
    await this.db.transaction(async () => {
      await this.blocks.block(principal, personId);
      await this.audit.record(principal.personId, 'person.blocked', 'person', personId);
      await this.introductions.withdrawBetween(principal.personId, personId);
      for (const live of await this.help.liveAssignmentsBetween(principal.personId, personId)) {
        await this.help.updateAssignment(live.id, { status: AssignmentStatus.WITHDRAWN });
        await this.help.setRequestStatus(live.requestId, HelpRequestStatus.OPEN);
        await this.audit.record(principal.personId, 'assignment.withdrawn', 'assignment', live.id, {
          reason: 'blocked',
        });
      }
    });
    return true;
  }

  /**
   * What the helper of each assignment may know of the member: their first name and a distance
   * band, and their phone and address only while the assignment is accepted.
   */
  async memberViews(
    principal: Principal,
    assignments: AssignmentRow[],
  ): Promise<Map<string, MemberView>> {
    const own = assignments.filter((a) => a.helperId === principal.personId);
    const status = new Map(own.map((a) => [a.id, a.status]));
    const rows = own.length ? await this.help.memberViews(own.map((a) => a.id)) : [];
    return new Map(
      rows.map((row) => {
        const accepted = status.get(row.assignmentId) === AssignmentStatus.ACCEPTED;
        return [
          row.assignmentId,
          {
            firstName: firstName(row.displayName),
            distanceBand: row.distance === null ? null : distanceBand(row.distance),
            phone: accepted ? row.phone : null,
            address: accepted ? row.address : null,
          },
        ];
      }),
    );
  }

  /** The request, locked, if the caller asked for it or coordinates its area. */
  private async lockRequestFor(
    principal: Principal,
    requestId: string,
    action: string,
  ): Promise<RequestRow> {
    const request = isUuid(requestId) ? await this.help.request(requestId, true) : undefined;
    if (!request) throw DomainError.notFound('Help request');
    if (request.memberId === principal.personId) return request;
    if (await this.people.holdsRoleIn(principal.personId, Role.COORDINATOR, request.areaId)) {
      return request;
    }
    throw DomainError.forbidden(
      `Only the member who asked, or a coordinator of the area, can ${action}`,
    );
  }

  private async lockOwnAssignment(
    principal: Principal,
    assignmentId: string,
  ): Promise<AssignmentRow> {
    const assignment = isUuid(assignmentId)
      ? await this.help.assignment(assignmentId, true)
      : undefined;
    if (!assignment) throw DomainError.notFound('Assignment');
    if (assignment.helperId !== principal.personId)
      throw DomainError.forbidden('This is not your assignment');
    return assignment;
  }
}
