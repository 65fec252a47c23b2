import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { goalLabel, interestGroupLabel, interestLabel } from '@kith/community';
import type { Language } from '@kith/platform';
import { ReaderLanguage } from '../graphql/reader-language';
import { Goal, Interest } from './interest.model';

/** Interests in the reader's language (Accept-Language): English as stored, or Spanish. */
@Resolver(() => Interest)
export class InterestLabelResolver {
  @ResolveField('label', () => String)
  label(@Parent() interest: Interest, @ReaderLanguage() language: Language): string {
    return interestLabel(interest.slug, interest.label, language);
  }

  @ResolveField('groupLabel', () => String)
  groupLabel(@Parent() interest: Interest, @ReaderLanguage() language: Language): string {
    return interestGroupLabel(interest.group, interest.groupLabel, language);
  }
}

@Resolver(() => Goal)
export class GoalLabelResolver {
  @ResolveField('label', () => String)
  label(@Parent() goal: Goal, @ReaderLanguage() language: Language): string {
    return goalLabel(goal.slug, goal.label, language);
  }
}
