/** Native ESM Jest (NestJS 12 is ESM-only); ts-jest transpiles each file on its own for speed. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 60000,
  // Two files at a time: the suite spends much of its time waiting on PostgreSQL and Chromium, so
  // two run well even on two cores (Jest's default there is one); more would multiply the apps'
  // database pools (20 connections each) against the server's limit.
  maxWorkers: 2,
};
