import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { IntroductionService, LeavingService } from '@kith/network';
import type { Principal } from '@kith/identity';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { Introduction } from './introduction.model';

@Resolver()
export class IntroductionResolver {
  constructor(
    private readonly introductions: IntroductionService,
    private readonly leaving: LeavingService,
  ) {}

  @Mutation(() => Introduction, {
    description: 'Ask to be introduced; at most five a week; the same pending one if asked again',
  })
  requestIntroduction(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<Introduction> {
    return this.introductions.propose(principal, personId, message);
  }

  @Mutation(() => Introduction, {
    description: 'Answer an introduction asked of you; accepting connects you',
  })
  respondToIntroduction(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
  ): Promise<Introduction> {
    return this.introductions.respond(principal, id, accept);
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
