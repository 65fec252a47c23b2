import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BookingService, GOALS, ProfileService } from '@kith/community';
import type { Page } from '@kith/platform';
import type { ProfileRow } from '@kith/community';
import type { Principal } from '@kith/identity';
import { Area } from '../areas/area.model';
import { CurrentPrincipal, Public } from '../auth/auth.decorators';
import { readableBy, selfOnly } from '../auth/self-only';
import { Person } from '../identity/person.model';
import { toBooking, toInterest, toWindow } from './community.mappers';
import { Booking, BookingConnection } from './session.model';
import { PageArgs, Pager } from '../graphql/pager';
import { AvailabilityWindow, MemberProfile } from './member-profile.model';
import { Goal, Interest } from './interest.model';
import { MemberProfileInput } from './member-profile.input';
import type { Loaders } from './loaders';
import { RequestLoaders } from './loaders.decorator';

/** Renames only; the member's own data, so its self-only fields resolve for them alone. */
function toProfile(row: ProfileRow): MemberProfile {
  const profile = Object.assign(new MemberProfile(), {
    personId: row.personId,
    homeAreaId: row.homeAreaId,
    travelRadiusMetres: row.travelRadiusMetres,
    accessibilityNeeds: row.accessibilityNeeds,
    peerIntroductions: row.peerIntroductions,
    showMeGoing: row.showMeGoing,
    goals: row.goals,
    hasHome: row.hasHome,
    postcode: row.postcode,
    phone: row.phone,
    address: row.address,
    ageBand: row.ageBand,
  });
  return readableBy(profile, { ownerId: row.personId });
}

@Resolver()
export class CatalogueResolver {
  constructor(private readonly profiles: ProfileService) {}

  @Public()
  @Query(() => [Interest], {
    description: 'The interest taxonomy, about 60 interests in 10 groups',
  })
  async interests(): Promise<Interest[]> {
    return (await this.profiles.interests()).map(toInterest);
  }

  @Public()
  @Query(() => [Goal], { description: 'The goals a member can choose' })
  goals(): Goal[] {
    return GOALS;
  }
}

@Resolver(() => MemberProfile)
export class ProfileResolver {
  constructor(private readonly profiles: ProfileService) {}

  @Mutation(() => MemberProfile)
  async updateMemberProfile(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: MemberProfileInput,
  ): Promise<MemberProfile> {
    return toProfile(await this.profiles.update(principal.personId, input));
  }

  @ResolveField('interests', () => [Interest])
  async profileInterests(
    @Parent() profile: MemberProfile,
    @RequestLoaders() loaders: Loaders,
  ): Promise<Interest[]> {
    return (await loaders.memberInterests.load(profile.personId)).map(toInterest);
  }

  @ResolveField(() => [Interest], {
    description:
      'The interests people you might meet may see: suggestions of peers are made and explained only from these',
    middleware: [selfOnly],
  })
  async shownInterests(
    @Parent() profile: MemberProfile,
    @RequestLoaders() loaders: Loaders,
  ): Promise<Interest[]> {
    return (await loaders.memberInterests.load(profile.personId))
      .filter((interest) => interest.shown)
      .map(toInterest);
  }

  @ResolveField(() => Area, { nullable: true, middleware: [selfOnly] })
  async area(
    @Parent() profile: MemberProfile,
    @RequestLoaders() loaders: Loaders,
  ): Promise<Area | null> {
    const row = profile.homeAreaId ? await loaders.area.load(profile.homeAreaId) : null;
    return row ? Area.from(row) : null;
  }

  @ResolveField(() => [AvailabilityWindow], { middleware: [selfOnly] })
  async availability(@Parent() profile: MemberProfile): Promise<AvailabilityWindow[]> {
    return (await this.profiles.availabilityOf(profile.personId)).map(toWindow);
  }
}

@Resolver(() => Person)
export class PersonProfileResolver {
  constructor(
    private readonly profiles: ProfileService,
    private readonly bookingService: BookingService,
    private readonly pager: Pager,
  ) {}

  @ResolveField(() => BookingConnection, {
    description:
      'Their bookings: upcoming (not cancelled) soonest first, or past latest first; the person and coordinators of their area',
  })
  async bookings(
    @Parent() person: Person,
    @CurrentPrincipal() principal: Principal,
    @Args('upcoming', { type: () => Boolean, defaultValue: true }) upcoming: boolean,
    @Args() { first, after }: PageArgs,
  ): Promise<Page<Booking>> {
    await this.profiles.assertReadableBy(principal, person.id);
    const scope = `bookings:${person.id}:${upcoming ? 'upcoming' : 'past'}`;
    const request = this.pager.request(scope, first, after);
    return this.pager.page(
      scope,
      request,
      await this.bookingService.page(person.id, upcoming, request),
      toBooking,
    );
  }

  @ResolveField(() => MemberProfile, { nullable: true, middleware: [selfOnly] })
  async memberProfile(@Parent() person: Person): Promise<MemberProfile | null> {
    const row = await this.profiles.profileOf(person.id);
    return row ? toProfile(row) : null;
  }
}
