export * from './area.entity';
export * from './area-import';
export type { AreaRow } from './area.repository';
export * from './area.service';
export * from './areas.module';

import { AreaEntity } from './area.entity';
export const AREA_ENTITIES = [AreaEntity];
