import { AREA_ENTITIES } from '@kith/areas';
import { COMMUNITY_ENTITIES } from '@kith/community';
import { HELP_ENTITIES } from '@kith/help';
import { IDENTITY_ENTITIES } from '@kith/identity';
import { NETWORK_ENTITIES } from '@kith/network';
import { NUDGE_ENTITIES } from '@kith/nudges';
import { IdempotencyKeyEntity, JOB_ENTITIES } from '@kith/platform';
import { REPORTING_ENTITIES } from '@kith/reporting';
import { MIGRATIONS } from './migrations';

/** The whole database: every lib's entities and the one ordered migration history. */
export const KITH_SCHEMA = {
  entities: [
    ...JOB_ENTITIES,
    IdempotencyKeyEntity,
    ...AREA_ENTITIES,
    ...IDENTITY_ENTITIES,
    ...COMMUNITY_ENTITIES,
    ...NETWORK_ENTITIES,
    ...HELP_ENTITIES,
    ...NUDGE_ENTITIES,
    ...REPORTING_ENTITIES,
  ],
  migrations: MIGRATIONS,
};
