import { Weekday } from '@kith/community';
import type { AvailabilityWindow } from '@kith/community';
import type { Db } from '@kith/platform';
import type { HelpRepository } from '../../libs/help/src/help.repository';

/** Places and windows for helper tests written straight to the database. */
export const HOME = { lat: 51.505, lng: -0.1 };
// About 1.1 km and 3.3 km north of HOME.
export const NEAR = { lat: 51.515, lng: -0.1 };
export const FAR = { lat: 51.535, lng: -0.1 };
export const TUESDAY_MORNING: AvailabilityWindow = {
  weekday: Weekday.TUE,
  startMinute: 9 * 60,
  endMinute: 12 * 60,
};
export const FRIDAY_EVENING: AvailabilityWindow = {
  weekday: Weekday.FRI,
  startMinute: 18 * 60,
  endMinute: 21 * 60,
};

export interface HelperOptions {
  base?: { lat: number; lng: number };
  radius?: number;
  status?: 'APPROVED' | 'PENDING' | 'SUSPENDED';
  dbsCheckedOn?: string | null;
  dbsExpiresOn?: string | null;
  skills?: string[];
  availability?: AvailabilityWindow[];
  maxMinutesPerWeek?: number | null;
}

/** A helper profile for `personId`: by default approved, vetted to 2028, near HOME, Tuesday mornings. */
export async function writeHelper(
  help: HelpRepository,
  db: Db,
  personId: string,
  defaultSkill: string,
  options: HelperOptions = {},
): Promise<string> {
  const base = options.base ?? NEAR;
  await help.upsertHelper(personId, {
    lat: base.lat,
    lng: base.lng,
    travelRadiusMetres: options.radius ?? 3000,
    maxMinutesPerWeek: options.maxMinutesPerWeek ?? null,
    availability: options.availability ?? [TUESDAY_MORNING],
    skillIds: options.skills ?? [defaultSkill],
  });
  await db.query(
    `UPDATE helper_profile SET status = $2, dbs_checked_on = $3, dbs_expires_on = $4 WHERE person_id = $1`,
    [
      personId,
      options.status ?? 'APPROVED',
      options.dbsCheckedOn === undefined ? '2027-01-01' : options.dbsCheckedOn,
      options.dbsExpiresOn === undefined ? '2028-01-01' : options.dbsExpiresOn,
    ],
  );
  return personId;
}
