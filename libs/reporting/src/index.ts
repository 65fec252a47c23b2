export * from './disclosure';
export * from './outcome-statistics';
