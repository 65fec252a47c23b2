import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { GOALS, INTEREST_GROUPS } from '@kith/community';
import { SKILLS } from '@kith/help';
import { testConfig } from '../support/config';

/** The ids the migrations give a slug: the same in every database (md5 of a prefixed slug). */
function seededId(prefix: string, slug: string): string {
  const hex = createHash('md5').update(`${prefix}:${slug}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const bySlug = <T extends { slug: string }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => a.slug.localeCompare(b.slug));

describe('the taxonomy the migrations seed', () => {
  const client = new Client({ connectionString: testConfig().database.url });

  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('has exactly the interests, groups and ids of libs/community/src/taxonomy.ts', async () => {
    const { rows } = await client.query<{
      id: string;
      slug: string;
      label: string;
      group: string;
      groupLabel: string;
      active: boolean;
    }>(
      `SELECT id, slug, label, group_slug AS "group", group_label AS "groupLabel", active FROM interest`,
    );
    const code = INTEREST_GROUPS.flatMap((group) =>
      group.interests.map((interest) => ({
        id: seededId('kith-interest', interest.slug),
        slug: interest.slug,
        label: interest.label,
        group: group.slug,
        groupLabel: group.label,
        active: interest.active,
      })),
    );
    expect(bySlug(rows)).toEqual(bySlug(code));
  });

  it('has exactly the skills and ids of libs/help/src/skills.ts', async () => {
    const { rows } = await client.query<{ id: string; slug: string; label: string }>(
      `SELECT id, slug, label FROM skill`,
    );
    const code = SKILLS.map((skill) => ({
      id: seededId('kith-skill', skill.slug),
      slug: skill.slug,
      label: skill.label,
    }));
    expect(bySlug(rows)).toEqual(bySlug(code));
  });

  it('keeps goals in code only: no table could drift from GOALS, whose slugs are unique', async () => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name LIKE '%goal%'`,
    );
    expect(rows).toEqual([]);
    expect(new Set(GOALS.map((goal) => goal.slug)).size).toBe(GOALS.length);
  });
});
