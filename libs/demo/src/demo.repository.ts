import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { Role } from '@kith/identity';
import type { GeneratedPerson } from './demo-people';

const CHUNK = 5000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Bulk writes for the generator: one statement per 5,000 rows, arrays unnested by Postgres. */
@Injectable()
export class DemoRepository {
  constructor(private readonly db: Db) {}

  async personCount(): Promise<number> {
    const [row] = await this.db.query<{ count: string }>('SELECT count(*) FROM person');
    return Number(row.count);
  }

  async areaIdsByCode(): Promise<Map<string, { id: string; kind: string }>> {
    const rows = await this.db.query<{ id: string; code: string; kind: string }>(
      'SELECT id, code, kind FROM area',
    );
    return new Map(rows.map((row) => [row.code, { id: row.id, kind: row.kind }]));
  }

  async insertPeople(people: GeneratedPerson[]): Promise<string[]> {
    const ids: string[] = [];
    for (const batch of chunks(people)) {
      const rows = await this.db.query<{ id: string }>(
        `INSERT INTO person (email, display_name)
         SELECT * FROM unnest($1::text[], $2::text[])
         RETURNING id`,
        [batch.map((p) => p.email), batch.map((p) => p.displayName)],
      );
      ids.push(...rows.map((row) => row.id));
    }
    return ids;
  }

  async insertGrants(
    grants: { personId: string; role: Role; areaId: string | null }[],
  ): Promise<void> {
    for (const batch of chunks(grants)) {
      await this.db.query(
        `INSERT INTO role_grant (person_id, role, area_id)
         SELECT * FROM unnest($1::uuid[], $2::role[], $3::uuid[])
         ON CONFLICT DO NOTHING`,
        [batch.map((g) => g.personId), batch.map((g) => g.role), batch.map((g) => g.areaId)],
      );
    }
  }
}
