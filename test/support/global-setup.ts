import { startTestCluster, type TestCluster } from './test-cluster';

/**
 * Jest globalSetup: one embedded PostgreSQL for the whole run. Workers are started after this and inherit
 * process.env, so TEST_PG_URL (the superuser's URL to the `postgres` database) reaches every test file,
 * which then makes its own databases with createTestDatabase(). A TEST_PG_URL set beforehand (a CI
 * PostgreSQL service) is used as it is.
 */

declare global {
  var __labourTestCluster: TestCluster | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_PG_URL) return;
  const cluster = await startTestCluster();
  globalThis.__labourTestCluster = cluster;
  process.env.TEST_PG_URL = cluster.server.url('postgres');
}
