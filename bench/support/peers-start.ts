/**
 * Starting what `npm run bench:peers` measures: its environment, the four subgraphs the way `npm start`
 * starts them, the supergraph with the bench's ports, the three gateways, and waiting for each.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent } from 'undici';
import pg from 'pg';
import type { Databases } from '../../scripts/lib/database-setup';
import { REPO_ROOT, type Launch } from '../../scripts/lib/launcher-setup';
import type { ServiceAuthEnv } from '../../scripts/lib/service-auth';
import { baseServiceEnv, DEPARTMENTS, GATEWAY, nodeArgs, type DepartmentName } from '../../scripts/lib/services';
import { waitForReady } from '../../scripts/lib/wait-ready';
import type { GraphQLAnswer } from './compare-answers';
import { post, type RequestBody } from './load';
import { startProcess, type BenchProcess } from './processes';
import { DEPARTMENT_PORT, env, GATEWAY_PORT, gatewayPort, OPTIONS, subgraphUrl, type GatewayName } from './peers-options';

/** The launcher's settings for this run: a temp data dir and the bench's own ports, nothing from a developer's `.env`. */
export function prepareEnvironment(dataDir: string): void {
  for (const department of DEPARTMENTS) delete env[`${department.envPrefix}_DATABASE_URL`];
  delete env['AUTH_JWKS_PATH'];
  delete env['AUTH_JWKS_URL'];
  Object.assign(env, {
    DATA_DIR: dataDir,
    PG_PORT: String(GATEWAY_PORT + 9),
    GATEWAY_PORT: String(GATEWAY_PORT),
    DEMO_SCALE: '1',
    DEMO_DATA: 'if-empty',
    LOG_LEVEL: env['LOG_LEVEL'] ?? 'warn',
    ...Object.fromEntries(DEPARTMENTS.map((department) => [`${department.envPrefix}_PORT`, String(DEPARTMENT_PORT[department.name])])),
  });
}

function profArgs(name: string): string[] {
  if (!OPTIONS.cpuProf) return [];
  const dir = join(OPTIONS.cpuProf, name);
  mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', '--cpu-prof-dir', dir];
}

/** The four subgraphs as `npm start` starts them (scripts/start.ts), plus `extra` in each one's environment. */
export async function startSubgraphs(
  launch: Launch,
  databases: Databases,
  auth: ServiceAuthEnv,
  extra: (name: DepartmentName) => NodeJS.ProcessEnv,
  profile: boolean,
): Promise<Map<DepartmentName, BenchProcess>> {
  const base = baseServiceEnv(env);
  const started = new Map<DepartmentName, BenchProcess>();
  for (const department of DEPARTMENTS) {
    const proc = startProcess(
      department.name,
      [...(profile ? profArgs(department.name) : []), ...nodeArgs(department, [], launch.config.serviceRuntime)],
      {
        ...base,
        ...auth.verifiers,
        ...auth.subgraph(department.name),
        PORT: String(DEPARTMENT_PORT[department.name]),
        DATABASE_URL: databases.urls[department.name],
        LINKAGE_KEY: databases.linkageKey,
        DEMO_DATA: 'if-empty',
        DEMO_SCALE: launch.config.demoScale,
        DEMO_AS_OF: launch.config.demoAsOf,
        ...Object.fromEntries(
          DEPARTMENTS.filter((peer) => peer !== department).map((peer) => [`${peer.envPrefix}_URL`, subgraphUrl(peer.name)]),
        ),
        ...extra(department.name),
      },
      launch.output,
      REPO_ROOT,
    );
    started.set(department.name, proc);
  }
  await Promise.all(
    DEPARTMENTS.map((department) => {
      const proc = started.get(department.name)!;
      const gone = new AbortController();
      void proc.exited.then(() => gone.abort(new Error(`${department.name} exited before it was ready`)));
      return waitForReady(`http://127.0.0.1:${DEPARTMENT_PORT[department.name]}/ready`, {
        timeoutMs: launch.config.readyTimeoutMs,
        signal: gone.signal,
      });
    }),
  );
  return started;
}

/** The committed supergraph with the bench's subgraph ports (for the stock gateway and Hive). */
export function writeSupergraph(dataDir: string): string {
  let sdl = readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
  for (const department of DEPARTMENTS) {
    sdl = sdl.replace(`url: "http://127.0.0.1:${department.defaultPort}/graphql"`, `url: "${subgraphUrl(department.name)}"`);
  }
  for (const department of DEPARTMENTS) {
    if (!sdl.includes(subgraphUrl(department.name)))
      throw new Error(`gateway/supergraph.graphql: no join__graph url for ${department.name} at port ${department.defaultPort}`);
  }
  const path = join(dataDir, 'supergraph.graphql');
  writeFileSync(path, sdl);
  return path;
}

/** A bench-only script: not in the build, run through the TypeScript loader. */
const BENCH_SCRIPT = (entry: string) => ({ entry, nodeFlags: [] });

export function startGateway(name: GatewayName, launch: Launch, auth: ServiceAuthEnv, supergraph: string): BenchProcess {
  const base = { ...baseServiceEnv(env), ...auth.verifiers };
  switch (name) {
    case 'project':
      return startProcess(
        GATEWAY.name,
        [...profArgs('gateway'), ...nodeArgs(GATEWAY, [], launch.config.serviceRuntime)],
        {
          ...base,
          PORT: String(gatewayPort('project')),
          HR_BUREAU_URL: subgraphUrl('hr-bureau'),
          UNION_URL: subgraphUrl('union'),
          COURT_URL: subgraphUrl('court'),
          JUSTICE_URL: subgraphUrl('justice'),
        },
        launch.output,
        REPO_ROOT,
      );
    case 'stock':
      return startProcess(
        GATEWAY.name,
        nodeArgs(BENCH_SCRIPT('bench/support/stock-gateway.ts'), [supergraph, String(gatewayPort('stock'))], 'ts'),
        base,
        launch.output,
        REPO_ROOT,
      );
    case 'hive':
      return startProcess(
        GATEWAY.name,
        nodeArgs(BENCH_SCRIPT('bench/support/hive-gateway.ts'), [supergraph, String(gatewayPort('hive'))], 'ts'),
        base,
        launch.output,
        REPO_ROOT,
      );
  }
}

/** Ready when `{ __typename }` gets data through it: the three gateways have no common readiness URL. */
export async function waitForGateway(proc: BenchProcess, url: string, authorization: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  let exited = false;
  void proc.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the ${proc.name} process exited before it answered`);
    try {
      const answer = (await post(url, { query: '{ __typename }' }, { authorization })) as GraphQLAnswer;
      if (answer.data) return;
      last = JSON.stringify(answer).slice(0, 200);
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`gateway on ${url} not answering after ${timeoutMs / 1000} s: ${last}`);
}

/** Every body of the row through the gateway, 8 at a time; the answers in the bodies' order. */
export async function answersOf(url: string, bodies: readonly RequestBody[], headers: Record<string, string>): Promise<GraphQLAnswer[]> {
  const agent = new Agent({ connections: OPTIONS.connections });
  const answers: GraphQLAnswer[] = new Array(bodies.length);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: OPTIONS.connections }, async () => {
        while (next < bodies.length) {
          const index = next++;
          answers[index] = (await post(url, bodies[index]!, headers, agent)) as GraphQLAnswer;
        }
      }),
    );
  } finally {
    await agent.close();
  }
  return answers;
}

export async function creditCodes(databases: Databases): Promise<string[]> {
  const client = new pg.Client({ connectionString: databases.urls['hr-bureau'] });
  await client.connect();
  try {
    const { rows } = await client.query<{ credit_code: string }>('select credit_code from enterprise order by credit_code');
    return rows.map((row) => row.credit_code);
  } finally {
    await client.end();
  }
}
