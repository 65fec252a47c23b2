import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { Role, RoleGrantView } from './role';

export interface PersonRow {
  id: string;
  email: string;
  displayName: string;
  createdAt: Date;
}

const PERSON_COLUMNS = `id, email, display_name AS "displayName", created_at AS "createdAt"`;

@Injectable()
export class PersonRepository {
  constructor(private readonly db: Db) {}

  async byId(id: string): Promise<PersonRow | undefined> {
    const [row] = await this.db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM person WHERE id = $1`,
      [id],
    );
    return row;
  }

  async byEmail(email: string): Promise<PersonRow | undefined> {
    const [row] = await this.db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM person WHERE email = $1`,
      [email],
    );
    return row;
  }

  /** The person with this email, created if new; `created` tells which. */
  async findOrCreate(
    email: string,
    displayName: string,
  ): Promise<{ person: PersonRow; created: boolean }> {
    const [inserted] = await this.db.query<PersonRow>(
      `INSERT INTO person (email, display_name) VALUES ($1, $2)
       ON CONFLICT (email) DO NOTHING
       RETURNING ${PERSON_COLUMNS}`,
      [email, displayName],
    );
    if (inserted) return { person: inserted, created: true };
    const existing = await this.byEmail(email);
    if (!existing) throw new Error(`person ${email} vanished between insert and read`);
    return { person: existing, created: false };
  }

  async rename(id: string, displayName: string): Promise<void> {
    await this.db.query(`UPDATE person SET display_name = $2, updated_at = now() WHERE id = $1`, [
      id,
      displayName,
    ]);
  }

  async grantRole(personId: string, role: Role, areaId: string | null): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO role_grant (person_id, role, area_id) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING id`,
      [personId, role, areaId],
    );
    return rows.length === 1;
  }

  rolesOf(personId: string): Promise<RoleGrantView[]> {
    return this.db.query<RoleGrantView>(
      `SELECT role, area_id AS "areaId" FROM role_grant WHERE person_id = $1 ORDER BY role, area_id`,
      [personId],
    );
  }

  /**
   * Does the person hold the role in this area: everywhere, here, or in an area around it? For
   * what lies in no area (null), only a role that holds everywhere does.
   */
  async holdsRoleIn(personId: string, role: Role, areaId: string | null): Promise<boolean> {
    const rows = await this.db.query(
      `WITH RECURSIVE around AS (
         SELECT id, parent_id FROM area WHERE id = $3::uuid
         UNION
         SELECT area.id, area.parent_id FROM area JOIN around ON area.id = around.parent_id)
       SELECT 1 FROM role_grant
        WHERE person_id = $1 AND role = $2
          AND (area_id IS NULL OR area_id IN (SELECT id FROM around))
        LIMIT 1`,
      [personId, role, areaId],
    );
    return rows.length > 0;
  }

  /** Is `areaId` the area `ancestorId` or inside it? Nothing is inside "no area" but itself. */
  async isWithin(areaId: string | null, ancestorId: string | null): Promise<boolean> {
    if (ancestorId === null || areaId === null) return areaId === ancestorId;
    const rows = await this.db.query(
      `WITH RECURSIVE around AS (
         SELECT id, parent_id FROM area WHERE id = $1::uuid
         UNION
         SELECT area.id, area.parent_id FROM area JOIN around ON area.id = around.parent_id)
       SELECT 1 FROM around WHERE id = $2::uuid`,
      [areaId, ancestorId],
    );
    return rows.length > 0;
  }
}
