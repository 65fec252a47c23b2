export * from './network.entities';
export type { IntroductionRow } from './introduction.repository';
export * from './introduction.service';
export * from './network.module';
export * from './surveys/instrument';
export * from './surveys/instrument-loader';
export * from './surveys/scoring';
export * from './surveys/shipped-instruments';
