import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { HelperService, HelperStatus, HelpRequestService, TimeCreditService } from '@kith/help';
import type { AssignmentRow, HelperRow, LedgerEntry, RequestRow } from '@kith/help';
import { DomainError, londonMidnight, present } from '@kith/platform';
import type { Page } from '@kith/platform';
import { ProfileService } from '@kith/community';
import { Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { CurrentPrincipal, Roles, Public } from '../auth/auth.decorators';
import { readableBy, selfOnly } from '../auth/self-only';
import type { Readers } from '../auth/self-only';
import { Person } from '../identity/person.model';
import { toWindow } from '../community/community.mappers';
import {
  HelpAssignment,
  HelperProfile,
  HelpRequest,
  HelpRequestConnection,
  Skill,
  TimeCreditAccount,
  TimeCreditEntry,
  TimeCreditEntryConnection,
  TimeCreditEntryKind,
} from './help.model';
import { HelperProfileInput, HelpRequestInput } from './help.input';
import { HelpRequestViews } from './help-request.views';
import { PageArgs, Pager } from '../graphql/pager';

/** Renames only; the self-only fields (DBS dates, hours) resolve for the readers named. */
function toHelperProfile(
  row: HelperRow,
  skills: { id: string; slug: string; label: string }[],
  readers: Readers = { ownerId: row.personId },
): HelperProfile {
  const profile: HelperProfile = {
    skills: skills.map(({ id, slug, label }) => ({ id, slug, label })),
    travelRadiusMetres: row.travelRadiusMetres,
    approved: row.status === HelperStatus.APPROVED,
    status: row.status,
    dbsExpiresOn: row.dbsExpiresOn ? londonMidnight(row.dbsExpiresOn) : null,
    dbsExpiresOnDate: row.dbsExpiresOn,
    dbsCheckedOnDate: row.dbsCheckedOn,
    maxMinutesPerWeek: row.maxMinutesPerWeek,
    availability: row.availability.map(toWindow),
    basePostcode: row.basePostcode,
  };
  return readableBy(profile, readers);
}

@Resolver()
export class HelpResolver {
  constructor(
    private readonly helpers: HelperService,
    private readonly requests: HelpRequestService,
    private readonly views: HelpRequestViews,
  ) {}

  @Public()
  @Query(() => [Skill], { description: 'The practical skills helpers can offer' })
  skills(): Promise<Skill[]> {
    return this.helpers.skills();
  }

  @Mutation(() => HelperProfile, { description: 'Offer help; a coordinator approves new helpers' })
  async updateHelperProfile(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: HelperProfileInput,
  ): Promise<HelperProfile> {
    return this.toHelper(await this.helpers.update(principal, input));
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => HelperProfile, {
    description: 'Coordinator: approve a helper in your area with their DBS check dates',
  })
  async approveHelper(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('dbsCheckedOn') dbsCheckedOn: Date,
    @Args('dbsExpiresOn', { type: () => Date, nullable: true }) dbsExpiresOn: Date | null,
  ): Promise<HelperProfile> {
    return this.toHelper(
      await this.helpers.approve(principal, personId, dbsCheckedOn, dbsExpiresOn),
      principal,
    );
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => HelperProfile, {
    description: 'Coordinator: suspend a helper; their live assignments are withdrawn',
  })
  async suspendHelper(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('reason') reason: string,
  ): Promise<HelperProfile> {
    return this.toHelper(await this.helpers.suspend(principal, personId, reason), principal);
  }

  @Mutation(() => HelpRequest)
  async createHelpRequest(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: HelpRequestInput,
  ): Promise<HelpRequest> {
    return (await this.toRequests([await this.requests.create(principal, input)]))[0];
  }

  @Mutation(() => HelpRequest, {
    description: 'Cancel your request; an offered or accepted helper is told it is withdrawn',
  })
  async cancelHelpRequest(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<HelpRequest> {
    return (await this.toRequests([await this.requests.cancel(principal, id)]))[0];
  }

  @Query(() => [HelpRequest], {
    deprecationReason: 'Use me { helpRequests(first, after) }: a page at a time',
    description: 'At most 200, unpaged',
  })
  async myHelpRequests(@CurrentPrincipal() principal: Principal): Promise<HelpRequest[]> {
    return this.toRequests(await this.requests.mine(principal.personId));
  }

  @Query(() => [HelpAssignment])
  async myAssignments(@CurrentPrincipal() principal: Principal): Promise<HelpAssignment[]> {
    return this.toAssignments(principal, await this.requests.assignmentsOf(principal.personId));
  }

  @Mutation(() => HelpAssignment, {
    description:
      'A coordinator of the area, or the member choosing from helperMatches. A helper failing a hard rule (approval, DBS, suspension, block, skill) is refused; one failing a soft rule (travel radius, weekly limit, availability) only with an overrideReason from a coordinator, which is recorded',
  })
  async assignHelper(
    @CurrentPrincipal() principal: Principal,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('helperId', { type: () => ID }) helperId: string,
    @Args('overrideReason', {
      type: () => String,
      nullable: true,
      description: 'Coordinator: why to assign past a soft rule (up to 500 characters)',
    })
    overrideReason: string | null,
  ): Promise<HelpAssignment> {
    return (
      await this.toAssignments(principal, [
        await this.requests.assign(principal, requestId, helperId, overrideReason),
      ])
    )[0];
  }

  @Mutation(() => HelpAssignment, {
    description: 'Helper: accept or decline an offered assignment',
  })
  async respondToAssignment(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
    @Args('at', {
      type: () => Date,
      nullable: true,
      description: 'When accepting: when you will come (up to 90 days ahead); the member sees it',
    })
    at: Date | null,
  ): Promise<HelpAssignment> {
    return (
      await this.toAssignments(principal, [await this.requests.respond(principal, id, accept, at)])
    )[0];
  }

  @Mutation(() => HelpAssignment, {
    description: 'Helper: when you will come, for help you accepted (up to 90 days ahead)',
  })
  async scheduleAssignment(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('at', { type: () => Date }) at: Date,
  ): Promise<HelpAssignment> {
    return (
      await this.toAssignments(principal, [await this.requests.schedule(principal, id, at)])
    )[0];
  }

  @Mutation(() => HelpAssignment, {
    description:
      "Helper: done, with the minutes spent; moves time credits from the member's account to yours, once",
  })
  async completeAssignment(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('minutes', { type: () => Int }) minutes: number,
  ): Promise<HelpAssignment> {
    return (
      await this.toAssignments(principal, [await this.requests.complete(principal, id, minutes)])
    )[0];
  }

  @Mutation(() => HelpAssignment, { description: 'Member: rate completed help from 1 to 5' })
  async rateAssignment(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('rating', { type: () => Int }) rating: number,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
  ): Promise<HelpAssignment> {
    return (
      await this.toAssignments(principal, [
        await this.requests.rate(principal, id, rating, comment),
      ])
    )[0];
  }

  @Mutation(() => Boolean, {
    description: 'Never be assigned to, or suggested to, this person again',
  })
  blockPerson(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
  ): Promise<boolean> {
    return this.requests.block(principal, personId);
  }

  /**
   * `actor`: the coordinator the service let approve or suspend this helper (it refuses anyone
   * else), who reads back what they acted on.
   */
  private async toHelper(row: HelperRow, actor?: Principal): Promise<HelperProfile> {
    return toHelperProfile(row, await this.helpers.skillsOf([row.personId]), {
      ownerId: row.personId,
      alsoTo: actor ? [actor.personId] : [],
    });
  }

  private toRequests(rows: RequestRow[]): Promise<HelpRequest[]> {
    return this.views.of(rows);
  }

  private async toAssignments(
    principal: Principal,
    rows: AssignmentRow[],
  ): Promise<HelpAssignment[]> {
    const members = await this.requests.memberViews(principal, rows);
    const requests = new Map(
      (
        await this.toRequests(
          await this.requests.requestsByIds([...new Set(rows.map((r) => r.requestId))]),
        )
      ).map((r) => [r.id, r]),
    );
    return rows.map((row) => {
      const request = requests.get(row.requestId);
      if (!request) throw DomainError.notFound('Help request');
      return {
        id: row.id,
        request,
        status: row.status,
        minutes: row.minutes,
        scheduledAt: row.scheduledAt,
        rating: row.rating,
        member: members.get(row.id) ?? null,
      };
    });
  }
}

@Resolver(() => TimeCreditAccount)
export class TimeCreditResolver {
  constructor(private readonly credits: TimeCreditService) {}

  @Query(() => TimeCreditAccount)
  async myTimeCredits(@CurrentPrincipal() principal: Principal): Promise<TimeCreditAccount> {
    const { balanceMinutes } = await this.credits.account(principal.personId, 1);
    return { personId: principal.personId, balanceMinutes };
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => Boolean, {
    description:
      'Coordinator: grant minutes from the time bank to a member in your area, with a reason',
  })
  async grantTimeCredits(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('minutes', { type: () => Int }) minutes: number,
    @Args('reason') reason: string,
  ): Promise<boolean> {
    await this.credits.grant(principal, personId, minutes, reason);
    return true;
  }

  @ResolveField(() => [TimeCreditEntry], {
    description: 'Newest first',
    deprecationReason: 'Use me { timeCreditEntries(first, after) }: a page at a time',
  })
  async entries(
    @Parent() account: TimeCreditAccount,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<TimeCreditEntry[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) {
      throw DomainError.badInput([
        { path: 'first', message: 'must be a whole number from 1 to 100' },
      ]);
    }
    return (await this.credits.account(account.personId, first)).entries.map(toEntry);
  }
}

function toEntry(row: LedgerEntry): TimeCreditEntry {
  return {
    at: row.at,
    minutes: row.minutes,
    reason: row.reason,
    kind: TimeCreditEntryKind[row.kind],
  };
}

@Resolver(() => Person)
export class PersonHelperResolver {
  constructor(
    private readonly helpers: HelperService,
    private readonly requests: HelpRequestService,
    private readonly credits: TimeCreditService,
    private readonly profiles: ProfileService,
    private readonly views: HelpRequestViews,
    private readonly pager: Pager,
  ) {}

  @ResolveField(() => HelpRequestConnection, {
    description:
      'Help they asked for, newest first, with who is coming and when; the person and coordinators of their area',
  })
  async helpRequests(
    @Parent() person: Person,
    @CurrentPrincipal() principal: Principal,
    @Args() { first, after }: PageArgs,
  ): Promise<Page<HelpRequest>> {
    await this.profiles.assertReadableBy(principal, person.id);
    const scope = `help-requests:${person.id}`;
    const request = this.pager.request(scope, first, after);
    const read = await this.requests.page(person.id, request);
    const views = new Map((await this.views.of(read.rows.slice(0, first))).map((r) => [r.id, r]));
    return this.pager.page(scope, request, read, (row) =>
      present(views.get(row.id), `help request ${row.id}`),
    );
  }

  @ResolveField(() => TimeCreditEntryConnection, {
    description:
      'Their time-credit entries, newest first: help given (minutes in) and help received (minutes out); the person and coordinators of their area',
  })
  async timeCreditEntries(
    @Parent() person: Person,
    @CurrentPrincipal() principal: Principal,
    @Args() { first, after }: PageArgs,
  ): Promise<Page<TimeCreditEntry>> {
    await this.profiles.assertReadableBy(principal, person.id);
    const scope = `time-credit-entries:${person.id}`;
    const request = this.pager.request(scope, first, after);
    return this.pager.page(scope, request, await this.credits.page(person.id, request), toEntry);
  }

  @ResolveField(() => HelperProfile, { nullable: true, middleware: [selfOnly] })
  async helperProfile(@Parent() person: Person): Promise<HelperProfile | null> {
    const row = await this.helpers.profileOf(person.id);
    if (!row) return null;
    return toHelperProfile(row, await this.helpers.skillsOf([row.personId]));
  }
}
