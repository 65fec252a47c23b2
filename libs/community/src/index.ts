export * from './taxonomy';
export * from './london-time';
export * from './recurrence';
export * from './availability';
export * from './distance-band';
export * from './cursor';
export * from './community.entities';
