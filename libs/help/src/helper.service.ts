import { Injectable } from '@nestjs/common';
import { parseAvailability } from '@kith/community';
import { Clock, Db, DomainError, isUuid, londonDate, present, Problems } from '@kith/platform';
import type { AvailabilityInput } from '@kith/community';
import type { LatLng } from '@kith/platform';
import { PersonService, Role } from '@kith/identity';
import { PostcodeService } from '@kith/areas';
import type { Principal } from '@kith/identity';
import { AuditLog } from './audit.repository';
import { AssignmentStatus, HelperStatus, HelpRequestStatus } from './help.entities';
import { HelpRepository } from './help.repository';
import type { HelperRow } from './help.repository';

export interface HelperProfileChanges {
  skillIds: string[];
  /** Where the helper sets out from: coordinates (operators, tests) or a postcode (the app). */
  base?: LatLng | null;
  basePostcode?: string | null;
  travelRadiusMetres: number;
  availability: AvailabilityInput[];
  maxMinutesPerWeek?: number | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** DBS dates are dates people read on a certificate: the London date of the instant given. */
export const dbsDay = londonDate;

@Injectable()
export class HelperService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly help: HelpRepository,
    private readonly people: PersonService,
    private readonly audit: AuditLog,
    private readonly postcodes: PostcodeService,
  ) {}

  /** The base from coordinates or a postcode (exactly one); problems go to `problems`. */
  private async baseFrom(
    changes: HelperProfileChanges,
    problems: Problems,
  ): Promise<{ at: LatLng; postcode: string | null } | undefined> {
    const postcode = typeof changes.basePostcode === 'string' ? changes.basePostcode : undefined;
    if (changes.base && postcode !== undefined) {
      problems.add('basePostcode', 'Give a postcode or a base, not both.');
      return undefined;
    }
    if (changes.base) return { at: changes.base, postcode: null };
    if (postcode === undefined) {
      problems.add('basePostcode', 'Give the postcode you will set out from.');
      return undefined;
    }
    const found = await this.postcodes.locateServed(postcode);
    if (!found.ok) {
      problems.add('basePostcode', found.message);
      return undefined;
    }
    return { at: found.place.location, postcode: found.place.display };
  }

  skills(): Promise<{ id: string; slug: string; label: string }[]> {
    return this.help.skills();
  }

  profileOf(personId: string): Promise<HelperRow | undefined> {
    return this.help.helper(personId);
  }

  skillsOf(
    personIds: readonly string[],
  ): Promise<{ personId: string; id: string; slug: string; label: string }[]> {
    return this.help.helperSkills(personIds);
  }

  /** Anyone can offer help; a new helper waits for a coordinator's approval. */
  async update(principal: Principal, changes: HelperProfileChanges): Promise<HelperRow> {
    const problems = new Problems();
    const skillIds = [...new Set(changes.skillIds)];
    if (
      problems.check(
        skillIds.length >= 1 && skillIds.length <= 15,
        'skillIds',
        'choose 1 to 15 skills',
      )
    ) {
      const unknown = await this.help.unknownSkills(skillIds);
      problems.check(unknown.length === 0, 'skillIds', `unknown skill ids: ${unknown.join(', ')}`);
    }
    problems.latLng(changes.base, 'base');
    const base = await this.baseFrom(changes, problems);
    problems.intRange(changes.travelRadiusMetres, 'travelRadiusMetres', 100, 50_000);
    problems.intRange(changes.maxMinutesPerWeek, 'maxMinutesPerWeek', 15, 3000);
    const availability = parseAvailability(changes.availability);
    availability.problems.forEach((p) => problems.add(p.path, p.message));
    problems.throwIfAny('The helper profile was not saved');
    return this.db.transaction(async () => {
      const before = await this.help.helper(principal.personId, true);
      await this.help.upsertHelper(principal.personId, {
        ...present(base, 'helper base').at,
        basePostcode: present(base, 'helper base').postcode,
        travelRadiusMetres: changes.travelRadiusMetres,
        maxMinutesPerWeek: changes.maxMinutesPerWeek ?? null,
        availability: availability.windows,
        skillIds,
      });
      await this.audit.record(
        principal.personId,
        before ? 'helper.updated' : 'helper.offered',
        'helper',
        principal.personId,
        { skillIds },
      );
      const after = present(await this.help.helper(principal.personId), 'helper');
      // Approval belongs to the area that gave it: a base moved out of it needs approving again.
      if (
        after.status === HelperStatus.APPROVED &&
        !(await this.people.isWithin(after.baseAreaId, after.approvedAreaId))
      ) {
        await this.help.setHelperStatus(principal.personId, HelperStatus.PENDING);
        await this.audit.record(
          principal.personId,
          'helper.approval-lapsed',
          'helper',
          principal.personId,
          {
            approvedAreaId: after.approvedAreaId,
            baseAreaId: after.baseAreaId,
          },
        );
        return present(await this.help.helper(principal.personId), 'helper');
      }
      return after;
    });
  }

  /** A coordinator of the helper's area approves them with the dates of their DBS check. */
  async approve(
    principal: Principal,
    personId: string,
    dbsCheckedOn: Date,
    dbsExpiresOn: Date | null,
  ): Promise<HelperRow> {
    const checked = dbsDay(dbsCheckedOn);
    const expires = dbsExpiresOn ? dbsDay(dbsExpiresOn) : null;
    const problems = new Problems();
    problems.check(
      DAY.test(checked) && checked <= dbsDay(this.clock.now()),
      'dbsCheckedOn',
      'must be a date, not in the future',
    );
    problems.check(
      expires === null || expires > checked,
      'dbsExpiresOn',
      'must be after the date of the check',
    );
    problems.throwIfAny('The helper was not approved');
    return this.db.transaction(async () => {
      const helper = await this.lockHelper(personId);
      await this.mustCoordinate(principal, [helper.baseAreaId]);
      await this.help.approveHelper(personId, helper.baseAreaId, {
        checkedOn: checked,
        expiresOn: expires,
      });
      await this.people.grantRoleById(personId, Role.HELPER);
      await this.audit.record(principal.personId, 'helper.approved', 'helper', personId, {
        from: helper.status,
        dbsCheckedOn: checked,
        dbsExpiresOn: expires,
      });
      return present(await this.help.helper(personId), 'helper');
    });
  }

  /** Suspends a helper: never assigned while suspended; their live assignments are withdrawn. */
  async suspend(principal: Principal, personId: string, rawReason: string): Promise<HelperRow> {
    const problems = new Problems();
    const reason = problems.text(rawReason, 'reason', 500, true);
    problems.throwIfAny('The helper was not suspended');
    return this.db.transaction(async () => {
      const helper = await this.lockHelper(personId);
      // The approving area's coordinators can always stop a helper, wherever the base has moved.
      await this.mustCoordinate(principal, [helper.approvedAreaId, helper.baseAreaId]);
      await this.help.setHelperStatus(personId, HelperStatus.SUSPENDED);
      for (const live of await this.help.liveAssignmentsOfHelper(personId)) {
        await this.help.updateAssignment(live.id, { status: AssignmentStatus.WITHDRAWN });
        await this.help.setRequestStatus(live.requestId, HelpRequestStatus.OPEN);
        await this.audit.record(principal.personId, 'assignment.withdrawn', 'assignment', live.id, {
          reason: 'helper suspended',
        });
      }
      await this.audit.record(principal.personId, 'helper.suspended', 'helper', personId, {
        from: helper.status,
        reason,
      });
      return present(await this.help.helper(personId), 'helper');
    });
  }

  private async lockHelper(personId: string): Promise<HelperRow> {
    const helper = isUuid(personId) ? await this.help.helper(personId, true) : undefined;
    if (!helper) throw DomainError.notFound('Helper');
    return helper;
  }

  /** A coordinator of one of these areas (null: no area, where only a role everywhere holds). */
  private async mustCoordinate(principal: Principal, areaIds: (string | null)[]): Promise<void> {
    for (const areaId of new Set(areaIds)) {
      if (await this.people.holdsRoleIn(principal.personId, Role.COORDINATOR, areaId)) return;
    }
    throw DomainError.forbidden("Only a coordinator of the helper's area can do that");
  }
}
