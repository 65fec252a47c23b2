/** @type {import('jest').Config} */
module.exports = {
  preset: 'jest-expo',
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
  // Codegen's drift test runs the generator, which takes a few seconds on a cold cache.
  testTimeout: 30_000,
};
