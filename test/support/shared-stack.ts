import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createOrm, Department, Role } from '@labour/shared';
import { SUBGRAPHS } from '../../scripts/schemas/subgraph-list';
import { postGraphQL, type GraphQLResponse } from './graphql-client';
import { alive, SHARED_STACKS_DIR, stopSharedStackProcess } from './shared-stack-process';
import { withDefaultToken } from './subgraph-harness';

/**
 * One whole stack (as `startStack({ demo: true })`: the demo world, the sharing channels as `npm start`
 * wires them) shared by the end-to-end files that only read the demo world, or change nothing another
 * file asserts on. It runs in a process of its own, one per Jest worker, started by the first such file
 * the worker runs and kept for the next ones; the files of a worker run one after the other, so no two
 * files use it at once. The e2e project's globalSetup (shared-stack-global-setup.ts) makes the directory
 * that records each stack's pid, and its globalTeardown stops every stack by that pid.
 *
 * A file that needs a stack of its own (fault proxies, a stopped department, logs kept, metrics, other
 * channel timings, data of its own, or changes another file would see) calls startStack() instead.
 */

/** What a shared stack's process writes once it listens. */
export interface SharedStackDescription {
  pid: number;
  gatewayUrl: string;
  /** Loopback HTTP of the stack's process: rereads the channel tables, reads and resets the statement counters. */
  controlUrl: string;
  subgraphs: Record<string, { url: string; databaseUrl: string }>;
}

export interface SharedSubgraph {
  url: string;
  /** Its database as its own role (the owner's) reaches it, as the service's DATABASE_URL. */
  databaseUrl: string;
  /** An ORM of this test file over the subgraph's database, as the subgraph's own role (closed by release()). */
  orm: MikroORM;
  /** Posts an operation; without an `authorization` header it sends a token of a CASEWORKER of the subgraph's department. */
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** The subgraph's statement counter (QueryCounter), in the stack's process. */
  queries: { reset(): Promise<void>; lastStatements(): Promise<string[]> };
}

export interface SharedStack {
  gatewayUrl: string;
  subgraphs: Map<string, SharedSubgraph>;
  /** Posts an operation to the gateway; without an `authorization` header it sends a token of a UNION COORDINATOR. */
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Has every provider reread its own channel table now (as RunningStack.refreshChannels). */
  refreshChannels(): Promise<void>;
  /** Closes what this file opened (its ORMs); the stack runs on for the worker's next file. */
  release(): Promise<void>;
}

const STARTUP_LIMIT_MS = 170_000;

function stackFiles(): { description: string; pid: string; log: string; owner: string } {
  const dir = process.env[SHARED_STACKS_DIR];
  if (!dir)
    throw new Error(
      `${SHARED_STACKS_DIR} is not set: run the e2e tests through Jest's e2e project (its globalSetup makes the directory of shared stacks).`,
    );
  const worker = process.env['JEST_WORKER_ID'] ?? '1';
  return {
    description: join(dir, `stack-${worker}.json`),
    pid: join(dir, `stack-${worker}.pid`),
    log: join(dir, `stack-${worker}.log`),
    owner: join(dir, 'owner.pid'),
  };
}

/** This worker's stack: the one already running, else a new one, started and waited for. */
async function describeStack(): Promise<SharedStackDescription> {
  const files = stackFiles();
  if (existsSync(files.description)) {
    const description = JSON.parse(readFileSync(files.description, 'utf8')) as SharedStackDescription;
    if (alive(description.pid)) return description;
    rmSync(files.description);
  }
  // A start that did not finish (an earlier file of this worker gave up on it): stopped before another.
  if (existsSync(files.pid)) await stopSharedStackProcess(Number(readFileSync(files.pid, 'utf8')));

  const log = openSync(files.log, 'a');
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'shared-stack-main.ts'), files.description, readFileSync(files.owner, 'utf8').trim()],
    {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  if (child.pid === undefined) throw new Error('could not start the shared stack process');
  writeFileSync(files.pid, String(child.pid));
  // Kept by pid, not by this file: nothing of it holds this worker's event loop.
  child.unref();

  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (!existsSync(files.description)) {
    const tail = () => readFileSync(files.log, 'utf8').split('\n').slice(-30).join('\n');
    if (!alive(child.pid)) throw new Error(`the shared stack process exited before it was ready:\n${tail()}`);
    if (Date.now() > deadline) {
      await stopSharedStackProcess(child.pid);
      throw new Error(`the shared stack was not ready within ${STARTUP_LIMIT_MS} ms:\n${tail()}`);
    }
    await sleep(200);
  }
  return JSON.parse(readFileSync(files.description, 'utf8')) as SharedStackDescription;
}

async function control(description: SharedStackDescription, method: 'GET' | 'POST', path: string): Promise<any> {
  const response = await fetch(new URL(path, description.controlUrl), { method });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`shared stack: ${method} ${path}: ${String(body['error'])}`);
  return body;
}

/**
 * The worker's shared stack for one test file: call it in beforeAll (give the hook the time of a stack's
 * start, as the first file of a worker starts it) and `release()` in afterAll.
 */
export async function useSharedStack(): Promise<SharedStack> {
  const description = await describeStack();
  const subgraphs = new Map<string, SharedSubgraph>();
  const orms: MikroORM[] = [];
  try {
    for (const listed of SUBGRAPHS) {
      const { url, databaseUrl } = description.subgraphs[listed.name]!;
      const definition = await listed.load();
      const { orm } = await createOrm({
        databaseUrl,
        entities: definition.entities,
        migrations: [],
        logger: pino({ level: 'silent' }),
        poolMax: 2,
      });
      orms.push(orm);
      const principal = { department: definition.department, roles: [Role.CASEWORKER] };
      subgraphs.set(listed.name, {
        url,
        databaseUrl,
        orm,
        query: (query, variables, headers) => postGraphQL(url, query, variables, withDefaultToken(headers, principal)),
        queries: {
          reset: () => control(description, 'POST', `/queries/${listed.name}`).then(() => undefined),
          lastStatements: () =>
            control(description, 'GET', `/queries/${listed.name}`).then((body: { lastStatements: string[] }) => body.lastStatements),
        },
      });
    }
  } catch (error) {
    await Promise.all(orms.map((orm) => orm.close()));
    throw error;
  }
  const principal = { department: Department.UNION, roles: [Role.COORDINATOR] };
  return {
    gatewayUrl: description.gatewayUrl,
    subgraphs,
    query: (query, variables, headers) => postGraphQL(description.gatewayUrl, query, variables, withDefaultToken(headers, principal)),
    refreshChannels: () => control(description, 'POST', '/refresh-channels').then(() => undefined),
    async release() {
      await Promise.all(orms.map((orm) => orm.close()));
    },
  };
}
