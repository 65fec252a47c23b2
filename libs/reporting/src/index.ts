export * from './disclosure';
export * from './outcome-statistics';
export * from './outcomes.service';
export * from './reporting.module';
