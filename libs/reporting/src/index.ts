export * from './disclosure';
export * from './outcome-statistics';
export * from './outcomes.service';
export * from './reporting.module';
export * from './reporting.entities';
export * from './imd-file';
export * from './imd.service';
