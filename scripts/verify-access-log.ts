/**
 * `npm run audit:verify -- <subgraph>`: checks the hash chain of one department's access log and prints
 * the number of entries and either "chain intact" or the first broken link (entry id and why). Exit code
 * 0 intact, 1 broken, 2 when the log could not be read.
 *
 * Connects as the department's own role: with DATABASE_URL (or `<DEPARTMENT>_DATABASE_URL`) from the
 * environment when set, else with the URL the launcher gives the subgraph, built from the secrets of the
 * development cluster in the data directory (the cluster runs while `npm start` does).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { verifyAccessLog } from '@labour/shared';
import { fallbackBaseFor } from './lib/cluster-location';
import { departmentUrl } from './lib/databases';
import { readLauncherConfig } from './lib/launcher-config';
import type { Secrets } from './lib/secrets';
import { databaseUrlVariable, DEPARTMENTS, type Department } from './lib/services';

const REPO_ROOT = join(__dirname, '..');

function chosenDepartment(name: string | undefined): Department {
  const department = DEPARTMENTS.find((candidate) => candidate.name === name);
  if (!department) {
    throw new Error(`usage: npm run audit:verify -- <subgraph>  (one of ${DEPARTMENTS.map((candidate) => candidate.name).join(', ')})`);
  }
  return department;
}

/** The URL the department's subgraph itself would get, and where it came from. */
function databaseUrlOf(department: Department): { url: string; from: string } {
  for (const variable of ['DATABASE_URL', databaseUrlVariable(department)]) {
    const url = process.env[variable];
    if (url) return { url, from: variable };
  }
  const config = readLauncherConfig(process.env, REPO_ROOT);
  // The secrets live beside the cluster: in the data directory, or where the launcher relocated it.
  const candidates = [join(config.dataDir, 'secrets.json'), join(fallbackBaseFor(config.dataDir), 'secrets.json')];
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) {
    throw new Error(`No DATABASE_URL given and no development cluster secrets found (${candidates.join(', ')}): run npm start first, or set DATABASE_URL.`);
  }
  const secrets = JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  return { url: departmentUrl(department, secrets, { host: '127.0.0.1', port: config.pgPort }), from: file };
}

async function main(): Promise<number> {
  const department = chosenDepartment(process.argv[2]);
  const { url, from } = databaseUrlOf(department);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect to the ${department.name} database (URL from ${from}): ${(error as Error).message}. Is PostgreSQL running (npm start)?`);
  }
  try {
    const result = await verifyAccessLog(client);
    const head = `access log of ${department.name}: ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'}`;
    if (result.firstBrokenId === null) {
      console.log(`${head}, chain intact`);
      return 0;
    }
    console.log(`${head}, chain BROKEN at entry ${result.firstBrokenId}: ${result.reason}`);
    return 1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
