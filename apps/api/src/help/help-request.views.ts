import { Injectable } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { HelperService, HelpRequestService, skillLabel } from '@kith/help';
import type { RequestRow } from '@kith/help';
import { present } from '@kith/platform';
import type { Language } from '@kith/platform';
import { ReaderLanguage } from '../graphql/reader-language';
import { Skill } from './help.model';
import type { HelpRequest } from './help.model';

/** Requests as the API shows them: their skill, and who is helping (first names only). */
@Injectable()
export class HelpRequestViews {
  constructor(
    private readonly helpers: HelperService,
    private readonly requests: HelpRequestService,
  ) {}

  async of(rows: RequestRow[]): Promise<HelpRequest[]> {
    const skills = new Map((await this.helpers.skills()).map((s) => [s.id, s]));
    const helpers = await this.requests.helpersFor(rows.map((row) => row.id));
    return rows.map((row) => ({
      id: row.id,
      status: row.status,
      skill: present(skills.get(row.skillId), `skill ${row.skillId}`),
      description: row.description,
      durationMinutes: row.durationMinutes,
      atHome: row.atHome,
      meetingPlace: row.meetingPlace,
      createdAt: row.createdAt,
      helper: helpers.get(row.id) ?? null,
    }));
  }
}

/** Skills in the reader's language (Accept-Language): English as stored, or Spanish. */
@Resolver(() => Skill)
export class SkillLabelResolver {
  @ResolveField('label', () => String)
  label(@Parent() skill: Skill, @ReaderLanguage() language: Language): string {
    return skillLabel(skill.slug, skill.label, language);
  }
}
