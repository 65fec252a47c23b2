import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ActivityService } from '@kith/community';
import { Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { DomainError } from '@kith/platform';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { toActivity, toInterest, toSession } from './community.mappers';
import { Activity } from './activity.model';
import { CreateActivityInput } from './activity.input';
import { Interest } from './interest.model';
import { Session } from './session.model';
import type { Loaders } from './loaders';
import { RequestLoaders } from './loaders.decorator';

export const MAX_ACTIVITY_SESSIONS = 50;

@Resolver(() => Activity)
export class ActivityResolver {
  constructor(private readonly activities: ActivityService) {}

  @Mutation(() => Activity, {
    description:
      'A coordinator of the area creates an approved activity; anyone else proposes a member-led one for approval',
  })
  async createActivity(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateActivityInput,
  ): Promise<Activity> {
    return toActivity(await this.activities.create(principal, input));
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => Activity, {
    description: 'Coordinator: approve or decline a member-led activity in your area',
  })
  async reviewActivity(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('approve') approve: boolean,
  ): Promise<Activity> {
    return toActivity(await this.activities.review(principal, id, approve));
  }

  @ResolveField(() => [Interest])
  async interests(
    @Parent() activity: Activity,
    @RequestLoaders() loaders: Loaders,
  ): Promise<Interest[]> {
    return (await loaders.activityInterests.load(activity.id)).map(toInterest);
  }

  @ResolveField(() => [Session], { description: 'Upcoming sessions, soonest first' })
  async sessions(
    @Parent() activity: Activity,
    @RequestLoaders() loaders: Loaders,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<Session[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_ACTIVITY_SESSIONS) {
      throw DomainError.badInput([
        { path: 'first', message: `must be a whole number from 1 to ${MAX_ACTIVITY_SESSIONS}` },
      ]);
    }
    return (await loaders.activitySessions.load(`${activity.id}:${first}`)).map(toSession);
  }
}
