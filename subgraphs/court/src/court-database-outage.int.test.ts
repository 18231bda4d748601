import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  createDepartmentSubgraph,
  Department,
  idNumberCheckCharacter,
  listen,
  Role,
  usccCheckCharacter,
  type DepartmentSubgraph,
  type Listening,
} from '@labour/shared';
import { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from '../../../scripts/lib/embedded-postgres';
import { findFreePort } from '../../../scripts/lib/ports';
import { isAlive, isPostmasterFor, serverProcessesFor, stopPostmaster } from '../../../scripts/lib/postmaster-pid';
import { postGraphQL } from '@labour/testing/graphql-client';
import { TEST_CLOCK, TEST_LINKAGE_KEY, testLogger, withDefaultToken, type LogLines } from '@labour/testing/subgraph-harness';
import { makeTempDir } from '@labour/testing/temp-dir';
import { TEST_AUTH } from '@labour/testing/tokens';
import { courtSubgraph } from './definition';

/**
 * A subgraph outlives an outage of its PostgreSQL: while the server is down, requests fail with an error
 * and /ready says 503; once the server is back, the same process (no restart) answers again, its pool
 * opening new connections. Its own throwaway cluster, so that killing it touches no other test.
 */

const temp = makeTempDir('court-outage');
let options: EmbeddedPostgresOptions;
let server: EmbeddedPostgres;
let subgraph: DepartmentSubgraph;
let listening: Listening;
const logs: LogLines = [];
const postmasters = new Set<number>();

const CASE_NO = '（2026）京0115民初4321号';
const LOOKUP = `query ($caseNo: String!) { lawsuit(caseNo: $caseNo) { caseNo stage } }`;
const CREATE = `mutation ($input: CreateLawsuitInput!) { createLawsuit(input: $input) { caseNo stage } }`;
const headers = withDefaultToken(undefined, { department: Department.COURT, roles: [Role.CASEWORKER] });

async function startServer(): Promise<EmbeddedPostgres> {
  server = await startEmbeddedPostgres(options);
  postmasters.add(server.pid);
  return server;
}

const lookup = () => postGraphQL(listening.url, LOOKUP, { caseNo: CASE_NO }, headers);
async function readiness(): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL('/ready', listening.url));
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  // fsync off only: a commit still reaches the OS before it returns, so a SIGKILL of the server loses none.
  options = {
    dataDir: join(temp.path, 'pg'),
    port: await findFreePort(),
    password: randomBytes(12).toString('hex'),
    settings: { fsync: 'off' },
  };
  await startServer();
  const config = { databaseUrl: server.url(), linkageKey: TEST_LINKAGE_KEY, auth: TEST_AUTH, clock: TEST_CLOCK };
  subgraph = await createDepartmentSubgraph(courtSubgraph, config, testLogger('court', logs));
  await subgraph.prepare({ mode: 'off', scale: 1, asOf: TEST_CLOCK.today() });
  listening = await listen(subgraph.server.app, 0, '127.0.0.1');
}, 120_000);

afterAll(async () => {
  await listening?.close();
  await subgraph?.stop();
  await server?.stop();
  // A server of this file that a failed test left running, or the processes of a killed one.
  for (const pid of postmasters) if (isAlive(pid) && isPostmasterFor(pid, options.dataDir)) await stopPostmaster(pid, () => undefined);
  for (const pid of serverProcessesFor(options.dataDir)) process.kill(pid, 'SIGKILL');
  temp.remove();
}, 60_000);

describe('court subgraph during a PostgreSQL outage', () => {
  it('answers with an error and reports not ready while its server is down, and serves again once it is back, without a restart', async () => {
    const [defendant, plaintiff] = ['91110115MA01WE4BD', '11010519900307123'];
    const filed = await postGraphQL(
      listening.url,
      CREATE,
      {
        input: {
          caseNo: CASE_NO,
          disputeNo: 'LD-HR-2026-000321',
          arbitrationCaseNo: '京开劳人仲字〔2026〕第0321号',
          cause: '劳动报酬纠纷',
          filedOn: '2026-04-01',
          plaintiffs: [{ idNumber: plaintiff + idNumberCheckCharacter(plaintiff), name: '王芳' }],
          defendantCreditCodes: [defendant + usccCheckCharacter(defendant)],
        },
      },
      headers,
    );
    expect(filed.body).toEqual({ data: { createLawsuit: { caseNo: CASE_NO, stage: 'FILED' } } });
    expect(await lookup()).toEqual({ status: 200, body: { data: { lawsuit: { caseNo: CASE_NO, stage: 'FILED' } } } });
    expect(await readiness()).toEqual({ status: 200, body: { status: 'ready' } });

    const killed = server.pid;
    process.kill(killed, 'SIGKILL');
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // Down: an error for the caller (masked: no SQL, no connection details), 503 for the probes.
    const during = await lookup();
    expect(during.body).toEqual({
      data: { lawsuit: null },
      errors: [
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 28 }],
          path: ['lawsuit'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    expect(await readiness()).toEqual({ status: 503, body: { status: 'not ready' } });

    await startServer();
    expect(server.pid).not.toBe(killed);
    // The very first request after the restart is answered: the pool dropped the old server's connections
    // when they broke, and opens new ones.
    expect(await lookup()).toEqual({ status: 200, body: { data: { lawsuit: { caseNo: CASE_NO, stage: 'FILED' } } } });
    expect(await readiness()).toEqual({ status: 200, body: { status: 'ready' } });
    // The broken connections were reported, not thrown: the process (this test's) is still here to say so.
    expect(logs.some((line) => line.level === 40 && /PostgreSQL (connection|pool) error/.test(String(line.msg)))).toBe(true);
  }, 120_000);
});
