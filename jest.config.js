// Three kinds of test, named by suffix (see README "Tests"):
//   *.test.ts            unit, no I/O
//   *.int.test.ts        one service against a real (embedded) PostgreSQL
//   test/**/*.e2e.test.ts  the whole system through the gateway over HTTP
const transform = { '^.+\\.ts$': ['@swc/jest', { swcrc: true }] };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  // One embedded PostgreSQL cluster for the whole run; each test file makes its own databases in it.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{shared,gateway,subgraphs,scripts}/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.int\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{shared,gateway,subgraphs,scripts}/**/*.int.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.test.ts'],
    },
  ],
};
