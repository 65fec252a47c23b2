export * from './weights';
export * from './reasons';
export * from './session-scoring';
export * from './session-candidates.repository';
export * from './session-matching.service';
export * from './matching.module';
