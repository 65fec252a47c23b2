export * from './skills';
export * from './help.entities';
export type { AssignmentOverride, AssignmentRow, HelperRow, RequestRow } from './help.repository';
export * from './ledger';
export * from './helper.service';
export * from './helper-eligibility';
export * from './help-request.service';
export * from './help.module';
export * from './time-credit.service';
