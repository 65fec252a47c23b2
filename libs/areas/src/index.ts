export * from './area.entity';
export * from './area-import';
export type { AreaRow } from './area.repository';
export * from './area.service';
export * from './areas.module';
export * from './postcode';
export * from './postcode.entity';
export type { PostcodePlace } from './postcode.repository';
export * from './postcode.service';

import { AreaEntity } from './area.entity';
import { PostcodeEntity } from './postcode.entity';
export const AREA_ENTITIES = [AreaEntity, PostcodeEntity];
