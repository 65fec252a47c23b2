import DataLoader from 'dataloader';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BookingService, SessionService } from '@kith/community';
import { Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { DomainError } from '@kith/platform';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { toActivity, toBooking, toSession } from './community.mappers';
import { Activity } from './activity.model';
import { Booking, Session, SessionConnection } from './session.model';
import { SessionFilter } from './session-filter.input';
import type { Loaders } from './loaders';
import { RequestLoaders } from './loaders.decorator';
import { sessionsCost } from '../graphql/query-limits';

@Resolver(() => Session)
export class SessionResolver {
  // One loader per request (its loaders object): a list of sessions reads the caller's bookings once.
  private readonly ownBookings = new WeakMap<Loaders, DataLoader<string, Booking | null>>();

  constructor(
    private readonly sessionService: SessionService,
    private readonly bookingService: BookingService,
  ) {}

  @ResolveField(() => Booking, {
    nullable: true,
    description: 'Your own booking at this session (any status), or null',
  })
  myBooking(
    @Parent() session: Session,
    @CurrentPrincipal() principal: Principal,
    @RequestLoaders() loaders: Loaders,
  ): Promise<Booking | null> {
    let loader = this.ownBookings.get(loaders);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const own = await this.bookingService.ownAt(principal.personId, ids);
        return ids.map((id) => {
          const row = own.get(id);
          return row ? toBooking(row) : null;
        });
      });
      this.ownBookings.set(loaders, loader);
    }
    return loader.load(session.id);
  }

  @Query(() => SessionConnection, {
    complexity: sessionsCost,
    description: 'Upcoming sessions, soonest first; at most 100 a page',
  })
  async sessions(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { type: () => SessionFilter, nullable: true }) filter: SessionFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<SessionConnection> {
    const page = await this.sessionService.browse(principal.personId, filter ?? {}, first, after);
    return {
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toSession(edge.node) })),
      pageInfo: page.pageInfo,
    };
  }

  @Query(() => Session, { nullable: true })
  async session(
    @Args('id', { type: () => ID }) id: string,
    @RequestLoaders() loaders: Loaders,
  ): Promise<Session | null> {
    const view = await loaders.session.load(id);
    return view ? toSession(view) : null;
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => Session, {
    description: 'Coordinator: cancel a session in your area; its bookings become CANCELLED',
  })
  async cancelSession(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<Session> {
    return toSession(await this.sessionService.cancel(principal, id));
  }

  @ResolveField(() => Activity)
  async activity(
    @Parent() session: Session,
    @RequestLoaders() loaders: Loaders,
  ): Promise<Activity> {
    const row = await loaders.activity.load(session.activityId);
    if (!row) throw DomainError.notFound('Activity');
    return toActivity(row);
  }
}

@Resolver(() => Booking)
export class BookingResolver {
  constructor(private readonly bookings: BookingService) {}

  @Query(() => [Booking], {
    deprecationReason: 'Use me { bookings(upcoming, first, after) }: a page at a time',
    description: 'At most 200, unpaged',
  })
  async myBookings(
    @CurrentPrincipal() principal: Principal,
    @Args('upcoming', { type: () => Boolean, defaultValue: true }) upcoming: boolean,
  ): Promise<Booking[]> {
    return (await this.bookings.mine(principal.personId, upcoming)).map(toBooking);
  }

  @Mutation(() => Booking, {
    description:
      'BOOKED while places remain, else WAITLISTED; joining again returns the same booking',
  })
  async joinSession(
    @CurrentPrincipal() principal: Principal,
    @Args('sessionId', { type: () => ID }) sessionId: string,
  ): Promise<Booking> {
    return toBooking(await this.bookings.join(principal.personId, sessionId));
  }

  @Mutation(() => Booking, { description: 'Frees the place; the first on the waitlist gets it' })
  async leaveSession(
    @CurrentPrincipal() principal: Principal,
    @Args('sessionId', { type: () => ID }) sessionId: string,
  ): Promise<Booking> {
    return toBooking(await this.bookings.leave(principal.personId, sessionId));
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => Booking, {
    description: 'Coordinator: record whether a booked person came, once the session has started',
  })
  async recordAttendance(
    @CurrentPrincipal() principal: Principal,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('attended') attended: boolean,
  ): Promise<Booking> {
    return toBooking(
      await this.bookings.recordAttendance(principal, sessionId, personId, attended),
    );
  }

  @ResolveField(() => Session)
  async session(@Parent() booking: Booking, @RequestLoaders() loaders: Loaders): Promise<Session> {
    const view = await loaders.session.load(booking.sessionId);
    if (!view) throw DomainError.notFound('Session');
    return toSession(view);
  }
}
