import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ProfileService } from '@kith/community';
import type { Page } from '@kith/platform';
import { IntroductionService, LeavingService } from '@kith/network';
import type { IntroductionView } from '@kith/network';
import { firstName } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { Introduction, IntroductionConnection } from './introduction.model';
import { Person } from '../identity/person.model';
import { PageArgs, Pager } from '../graphql/pager';

/** An introduction as either of the two sees it: first names, never where anyone lives. */
export function toIntroduction(row: IntroductionView): Introduction {
  const person = (id: string, name: string) => ({
    id,
    displayName: firstName(name),
    distanceBand: null,
    sharedInterests: [],
  });
  return {
    id: row.id,
    status: row.status,
    message: row.message,
    from: person(row.fromId, row.fromName),
    to: person(row.toId, row.toName),
    createdAt: row.createdAt,
    respondedAt: row.respondedAt,
  };
}

@Resolver()
export class IntroductionResolver {
  constructor(
    private readonly introductions: IntroductionService,
    private readonly leaving: LeavingService,
  ) {}

  @Mutation(() => Introduction, {
    description: 'Ask to be introduced; at most five a week; the same pending one if asked again',
  })
  async requestIntroduction(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<Introduction> {
    const { id } = await this.introductions.propose(principal, personId, message);
    return toIntroduction(await this.introductions.view(id));
  }

  @Mutation(() => Introduction, {
    description: 'Answer an introduction asked of you; accepting connects you',
  })
  async respondToIntroduction(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
  ): Promise<Introduction> {
    await this.introductions.respond(principal, id, accept);
    return toIntroduction(await this.introductions.view(id));
  }

  @Mutation(() => Boolean, {
    description:
      'You leave Kith: your places ahead are given up, no more nudges or introductions (those waiting are withdrawn), and a short exit survey is offered',
  })
  async leaveKith(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    await this.leaving.leave(principal);
    return true;
  }
}

@Resolver(() => Person)
export class PersonIntroductionsResolver {
  constructor(
    private readonly introductionService: IntroductionService,
    private readonly profiles: ProfileService,
    private readonly pager: Pager,
  ) {}

  @ResolveField(() => IntroductionConnection, {
    description:
      'Introductions they asked for and were asked, newest first, with the message; the person and coordinators of their area',
  })
  async introductions(
    @Parent() person: Person,
    @CurrentPrincipal() principal: Principal,
    @Args() { first, after }: PageArgs,
  ): Promise<Page<Introduction>> {
    await this.profiles.assertReadableBy(principal, person.id);
    const scope = `introductions:${person.id}`;
    const request = this.pager.request(scope, first, after);
    return this.pager.page(
      scope,
      request,
      await this.introductionService.page(person.id, request),
      toIntroduction,
    );
  }
}
