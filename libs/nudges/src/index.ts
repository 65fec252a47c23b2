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
export * from './nudge-dispatcher';
export * from './nudge-delivery.handler';
export type { DeliveryRow } from './nudge-delivery.repository';
export * from './channels/channel';
export { emailFor, escapeHtml } from './channels/email-template';
export * from './nudge-history.service';
export * from './variant-interval';
export * from './nudge-release.handler';
