export * from './network.entities';
export type { IntroductionRow } from './introduction.repository';
export * from './introduction.service';
export * from './network.module';
