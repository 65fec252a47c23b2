// Nudges (issue 13), built in steps: the pure policy first; scheduling, the inbox and channels
// follow on it.
export * from './nudge-kinds';
export * from './nudge-policy';
export * from './nudges.entities';
export type { InboxNudge, NewNudge } from './nudge.repository';
export * from './nudge-inbox.service';
export * from './nudges.module';
export * from './nudge-words';
export * from './nudge-decision.handler';
