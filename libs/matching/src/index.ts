export * from './weights';
export * from './reasons';
export * from './session-scoring';
