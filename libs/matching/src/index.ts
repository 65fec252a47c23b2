export * from './weights';
export * from './reasons';
export * from './session-scoring';
export * from './matching-advice';
// The candidate SQL is exported for the benchmark's bare baseline; the repositories are not.
export { MATCHING_MEMBER_SQL, SESSION_CANDIDATES_SQL } from './session-candidates.repository';
export type { MemberRow } from './session-candidates.repository';
export * from './session-matching.service';
export * from './matching.module';
export * from './helper-scoring';
export { HELPER_CANDIDATES_SQL } from './helper-candidates.repository';
export * from './helper-matching.service';
export * from './peer-scoring';
export { PEER_CANDIDATES_SQL } from './peer.repository';
export * from './peer-matching.service';
export * from './public-person';
export * from './matched-people.service';
