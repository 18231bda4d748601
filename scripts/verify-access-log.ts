/**
 * `npm run audit:verify -- <subgraph>`: audits one department's access log over HTTP, as an AUDITOR (or
 * ADMIN) of that department, without its database role: reads its hash chain (`<prefix>AccessLogChain`)
 * and the heads of it the other three departments witnessed (`<prefix>WitnessedLogHeads`), recomputes the
 * chain and checks that it passes through every witnessed head. Prints the number of entries and either
 * "intact" or each contradiction: a broken link, a REWRITE (a recomputed chain no longer matches an earlier
 * witnessed head), a TRUNCATION (fewer entries than witnessed), a head a witness REFUSED.
 * Exit code 0 intact, 1 broken, 2 when the log or every witness could not be read.
 *
 *   AUDIT_TOKEN   a token of the department with role AUDITOR (or ADMIN): `npm run -s token -- --department COURT --role AUDITOR`
 *   AUDIT_URL     the gateway's /graphql (default http://127.0.0.1:$GATEWAY_PORT/graphql, port 4000); or, per
 *                 department, HR_BUREAU_URL, UNION_URL, COURT_URL, JUSTICE_URL to ask its subgraph directly
 *
 * `npm run audit:verify -- <subgraph> --owner-database` is the older check, kept for when the subgraph is
 * down or to inspect a copy of its database: the chain alone, read with the department's own database role
 * (DATABASE_URL or `<DEPARTMENT>_DATABASE_URL`, else the development cluster's secrets in the data
 * directory). It trusts that role: it cannot see a chain recomputed after a change, nor entries cut off at
 * the end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { Department, verifyAccessLog } from '@labour/shared';
import { auditOverHttp, CannotReadError, type AuditReport } from './lib/audit-over-http';
import { fallbackBaseFor } from './lib/cluster-location';
import { departmentUrl } from './lib/databases';
import { readLauncherConfig } from './lib/launcher-config';
import type { Secrets } from './lib/secrets';
import { databaseUrlVariable, DEPARTMENTS, type DepartmentService } from './lib/services';

const REPO_ROOT = join(__dirname, '..');

function chosenDepartment(name: string | undefined): DepartmentService {
  const department = DEPARTMENTS.find((candidate) => candidate.name === name);
  if (!department) {
    throw new Error(
      `usage: AUDIT_TOKEN=… npm run audit:verify -- <subgraph> [--owner-database]  (one of ${DEPARTMENTS.map((candidate) => candidate.name).join(', ')})`,
    );
  }
  return department;
}

/** The URL the department's subgraph itself would get, and where it came from. */
function databaseUrlOf(department: DepartmentService): { url: string; from: string } {
  for (const variable of ['DATABASE_URL', databaseUrlVariable(department)]) {
    const url = process.env[variable];
    if (url) return { url, from: variable };
  }
  const config = readLauncherConfig(process.env, REPO_ROOT);
  // The secrets live beside the cluster: in the data directory, or where the launcher relocated it.
  const candidates = [join(config.dataDir, 'secrets.json'), join(fallbackBaseFor(config.dataDir), 'secrets.json')];
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) {
    throw new Error(
      `No DATABASE_URL given and no development cluster secrets found (${candidates.join(', ')}): run npm start first, or set DATABASE_URL.`,
    );
  }
  const secrets = JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  return { url: departmentUrl(department, secrets, { host: '127.0.0.1', port: config.pgPort }), from: file };
}

/** The older check: the chain alone, as the department's own database role (see the header). */
async function verifyAsOwner(department: DepartmentService): Promise<number> {
  const { url, from } = databaseUrlOf(department);
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Cannot connect to the ${department.name} database (URL from ${from}): ${(error as Error).message}. Is PostgreSQL running (npm start)?`,
    );
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

const codeOf = (department: DepartmentService) => department.envPrefix as Department;

function print(department: DepartmentService, { audit, witnesses, unreachable }: AuditReport): number {
  for (const { witness, reason } of unreachable) console.log(`warning: ${witness}'s witnessed heads could not be read: ${reason}`);
  const head = `access log of ${department.name}: ${audit.entries} ${audit.entries === 1 ? 'entry' : 'entries'}`;
  const against = `${audit.headsChecked} ${audit.headsChecked === 1 ? 'head' : 'heads'} witnessed by ${witnesses.join(', ')}`;
  const problems = [
    ...(audit.firstBrokenId !== null ? [`chain broken at entry ${audit.firstBrokenId}: ${audit.reason}`] : []),
    ...audit.contradictions.map((c) => `${c.kind}: ${c.message}`),
  ];
  if (problems.length === 0) {
    console.log(`${head}, chain intact, consistent with the ${against}`);
    return 0;
  }
  console.log(`${head}, BROKEN (checked against the ${against}):`);
  const shown = problems.slice(0, 10);
  for (const problem of shown) console.log(`  ${problem}`);
  if (problems.length > shown.length) console.log(`  … and ${problems.length - shown.length} more`);
  return 1;
}

async function main(): Promise<number> {
  const department = chosenDepartment(process.argv[2]);
  if (process.argv.includes('--owner-database')) return verifyAsOwner(department);
  const token = process.env['AUDIT_TOKEN'];
  if (!token) {
    throw new Error(
      `AUDIT_TOKEN is not set: give a token of ${codeOf(department)} with role AUDITOR, e.g. AUDIT_TOKEN=$(npm run -s token -- --department ${codeOf(department)} --role AUDITOR)`,
    );
  }
  const gateway = process.env['AUDIT_URL'] ?? `http://127.0.0.1:${process.env['GATEWAY_PORT'] ?? '4000'}/graphql`;
  const urls = new Map(DEPARTMENTS.map((d) => [codeOf(d), process.env[`${d.envPrefix}_URL`] ?? gateway]));
  try {
    const report = await auditOverHttp({ token, urlOf: (d) => urls.get(d)! }, codeOf(department), DEPARTMENTS.map(codeOf));
    return print(department, report);
  } catch (error) {
    if (error instanceof CannotReadError) throw new Error(`the access log of ${department.name} could not be audited: ${error.message}`);
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
