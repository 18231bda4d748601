import { stopTestCluster } from './test-cluster';
import './global-setup'; // the global declaration of __labourTestCluster

/** Jest globalTeardown: stops the run's PostgreSQL (if globalSetup started one) and deletes its directory. */
export default async function globalTeardown(): Promise<void> {
  const cluster = globalThis.__labourTestCluster;
  if (!cluster) return;
  globalThis.__labourTestCluster = undefined;
  delete process.env.TEST_PG_URL;
  await stopTestCluster(cluster);
}
