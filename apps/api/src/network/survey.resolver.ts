import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@kith/identity';
import { SurveyService } from '@kith/network';
import type { Instrument } from '@kith/network';
import { NudgeInboxService } from '@kith/nudges';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { SurveyAnswerInput, SurveyDue, SurveyInstrument, SurveyResponse } from './survey.model';

/** The caller's own surveys: what is due, and their answers. Nobody answers for another. */
@Resolver()
export class SurveyResolver {
  constructor(
    private readonly surveys: SurveyService,
    private readonly nudges: NudgeInboxService,
  ) {}

  @Query(() => [SurveyDue], { description: 'Your surveys due: the baseline, then reviews' })
  async pendingSurveys(@CurrentPrincipal() principal: Principal): Promise<SurveyDue[]> {
    const { language } = await this.nudges.preferences(principal.personId);
    return (await this.surveys.pending(principal)).map((due) => ({
      instrument: inLanguage(due.instrument, language),
      stage: due.stage,
      dueOn: due.dueOn,
    }));
  }

  @Mutation(() => SurveyResponse, {
    description:
      'Your answers to a survey that is due for you (see pendingSurveys; CONFLICT otherwise), scored; BAD_USER_INPUT names each item that does not fit; at most 10 tries an hour',
  })
  submitSurvey(
    @CurrentPrincipal() principal: Principal,
    @Args('instrumentId', { type: () => ID }) instrumentId: string,
    @Args('answers', { type: () => [SurveyAnswerInput] }) answers: SurveyAnswerInput[],
  ): Promise<SurveyResponse> {
    return this.surveys.submit(principal, instrumentId, answers);
  }
}

/** The instrument's words in `language`, English where it has none in it. */
function inLanguage(def: Instrument, language: string): SurveyInstrument {
  const say = (words: Record<string, string>) => words[language] ?? words.en;
  return {
    id: def.id,
    version: def.version,
    title: say(def.title),
    items: def.items.map((item) => ({
      id: item.id,
      text: say(item.text),
      options: item.options.map((o) => ({ value: o.value, label: say(o.label) })),
    })),
  };
}
