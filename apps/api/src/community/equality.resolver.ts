import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { EQUALITY_QUESTIONS, EqualityMonitoringService } from '@kith/community';
import type { Principal } from '@kith/identity';
import { CurrentPrincipal, Public } from '../auth/auth.decorators';
import { EqualityMonitoring, EqualityMonitoringInput, EqualityQuestion } from './equality.model';

/** Equality monitoring: the questions for anyone, one's own answers for oneself alone. */
@Resolver()
export class EqualityResolver {
  constructor(private readonly equality: EqualityMonitoringService) {}

  @Public()
  @Query(() => [EqualityQuestion], { description: 'The equality monitoring questions and answers' })
  equalityQuestions(): EqualityQuestion[] {
    return EQUALITY_QUESTIONS.map(({ key, characteristic, question, options }) => ({
      key,
      characteristic,
      question,
      options,
    }));
  }

  @Query(() => EqualityMonitoring, { description: 'Your own equality monitoring answers' })
  myEqualityMonitoring(@CurrentPrincipal() principal: Principal): Promise<EqualityMonitoring> {
    return this.equality.mine(principal.personId);
  }

  @Mutation(() => EqualityMonitoring, {
    description:
      'Give, change or take back equality monitoring answers, each if you choose to; all taken back, nothing is kept',
  })
  updateEqualityMonitoring(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: EqualityMonitoringInput,
  ): Promise<EqualityMonitoring> {
    return this.equality.change(principal.personId, { ...input });
  }
}
