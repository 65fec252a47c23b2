import { Injectable } from '@nestjs/common';
import { InterestRepository } from './interest.repository';
import type { InterestRow, MemberInterestRow } from './interest.repository';

/** The interest taxonomy, and the interests of members and activities, read in batches. */
@Injectable()
export class InterestCatalogue {
  constructor(private readonly interests: InterestRepository) {}

  all(): Promise<InterestRow[]> {
    return this.interests.all();
  }

  byIds(ids: readonly string[]): Promise<InterestRow[]> {
    return this.interests.byIds(ids);
  }

  ofMembers(personIds: readonly string[]): Promise<(MemberInterestRow & { ownerId: string })[]> {
    return this.interests.ofMembers(personIds);
  }

  ofActivities(activityIds: readonly string[]): Promise<(InterestRow & { ownerId: string })[]> {
    return this.interests.ofActivities(activityIds);
  }
}
