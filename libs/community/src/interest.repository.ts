import { Injectable } from '@nestjs/common';
import { Db, isUuid } from '@kith/platform';

export interface InterestRow {
  id: string;
  slug: string;
  label: string;
  groupSlug: string;
  groupLabel: string;
  active: boolean;
}

/** One of a member's interests: `shown` when people they might meet may see it. */
export interface MemberInterestRow extends InterestRow {
  shown: boolean;
}

const columns = (t: string) =>
  `${t}.id, ${t}.slug, ${t}.label, ${t}.group_slug AS "groupSlug", ${t}.group_label AS "groupLabel", ${t}.active`;

@Injectable()
export class InterestRepository {
  constructor(private readonly db: Db) {}

  all(): Promise<InterestRow[]> {
    return this.db.query<InterestRow>(
      `SELECT ${columns('i')} FROM interest i ORDER BY i.group_label, i.label`,
    );
  }

  byIds(ids: readonly string[]): Promise<InterestRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.db.query<InterestRow>(
      `SELECT ${columns('i')} FROM interest i WHERE i.id = ANY($1::uuid[])`,
      [valid],
    );
  }

  /** Which of these ids name no interest (malformed ones included). */
  async unknownIds(ids: readonly string[]): Promise<string[]> {
    const known = new Set((await this.byIds(ids)).map((interest) => interest.id));
    return ids.filter((id) => !known.has(id));
  }

  /** Interests of each member, for a batch of members, and whether each is shown to others. */
  ofMembers(personIds: readonly string[]): Promise<(MemberInterestRow & { ownerId: string })[]> {
    return this.db.query(
      `SELECT mi.person_id AS "ownerId", ${columns('i')}, mi.shown
         FROM member_interest mi JOIN interest i ON i.id = mi.interest_id
        WHERE mi.person_id = ANY($1::uuid[]) ORDER BY i.label`,
      [personIds],
    );
  }

  /** Interests of each activity, for a batch of activities. */
  ofActivities(activityIds: readonly string[]): Promise<(InterestRow & { ownerId: string })[]> {
    return this.db.query(
      `SELECT ai.activity_id AS "ownerId", ${columns('i')}
         FROM activity_interest ai JOIN interest i ON i.id = ai.interest_id
        WHERE ai.activity_id = ANY($1::uuid[]) ORDER BY i.label`,
      [activityIds],
    );
  }
}
