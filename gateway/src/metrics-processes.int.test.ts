import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Department, Role } from '@labour/shared';
import { findFreePort } from '../../scripts/lib/ports';
import { createTestDatabase, type TestDatabase } from '@labour/testing/databases';
import { scrape } from '@labour/testing/metrics';
import { hostClock } from '@labour/testing/processes';
import { makeTempDir } from '@labour/testing/temp-dir';
import { asPrincipal, TEST_AUTH } from '@labour/testing/tokens';
import { waitFor } from '@labour/testing/wait-for';

/**
 * The services as processes, started by their own `main.ts` from the environment as a deployment starts
 * them: the justice subgraph and the gateway in front of it, each with METRICS_PORT and METRICS_TOKEN.
 * Their metrics answer on those ports with the token only, and count what went through the public port.
 */

const REPO_ROOT = resolve(__dirname, '..', '..');
const TOKEN = 'process-metrics-token-0123456789abcdef0123';

interface Service {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

function start(entry: string, env: Record<string, string>): Service {
  // Only what the service is given: nothing of the test's own environment but PATH and the clock.
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...hostClock(), NODE_ENV: 'development', LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => text, exit };
}

async function stop(service: Service | undefined): Promise<void> {
  if (!service || service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  await service.exit;
}

describe('metrics of the services as processes', () => {
  const temp = makeTempDir('metrics-processes');
  let database: TestDatabase;
  let justice: Service | undefined;
  let gateway: Service | undefined;
  const ports: Record<string, number> = {};

  beforeAll(async () => {
    database = await createTestDatabase('metrics_justice');
    const jwksPath = join(temp.path, 'jwks.json');
    writeFileSync(jwksPath, JSON.stringify(TEST_AUTH.jwks));
    for (const name of ['justice', 'justiceMetrics', 'gateway', 'gatewayMetrics']) ports[name] = await findFreePort();
    const auth = { AUTH_JWKS_PATH: jwksPath };
    justice = start('subgraphs/justice/src/main.ts', {
      ...auth,
      PORT: String(ports['justice']),
      METRICS_PORT: String(ports['justiceMetrics']),
      METRICS_TOKEN: TOKEN,
      DATABASE_URL: database.url,
      LINKAGE_KEY: 'cd'.repeat(32),
      DEMO_DATA: 'off',
    });
    gateway = start('gateway/src/main.ts', {
      ...auth,
      PORT: String(ports['gateway']),
      METRICS_PORT: String(ports['gatewayMetrics']),
      METRICS_TOKEN: TOKEN,
      JUSTICE_URL: `http://127.0.0.1:${ports['justice']}/graphql`,
    });
    for (const [service, port] of [
      [justice, ports['justice']],
      [gateway, ports['gateway']],
    ] as const) {
      await waitFor(
        async () => {
          if (service.child.exitCode !== null) throw new Error(`exited: ${service.output()}`);
          return (await fetch(`http://127.0.0.1:${port}/ready`)).status;
        },
        (status) => status === 200,
        { what: `port ${port} to be ready`, timeoutMs: 90_000, intervalMs: 200 },
      );
    }
  }, 120_000);

  afterAll(async () => {
    await stop(gateway);
    await stop(justice);
    await database?.drop();
    temp.remove();
  });

  it('serves each service its metrics on METRICS_PORT with the token, and says where in its log', async () => {
    for (const [service, port] of [
      [justice!, ports['justiceMetrics']],
      [gateway!, ports['gatewayMetrics']],
    ] as const) {
      const url = `http://127.0.0.1:${port}/metrics`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
      expect(service.output()).toContain(`"url":"${url}","token":true,"msg":"metrics listening"`);
    }
    expect((await fetch(`http://127.0.0.1:${ports['gateway']}/metrics`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${ports['justice']}/metrics`)).status).toBe(404);
  });

  it("counts a request through the gateway at the gateway, its fetch of justice, and justice's request", async () => {
    const response = await fetch(`http://127.0.0.1:${ports['gateway']}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asPrincipal(Department.JUSTICE, Role.CASEWORKER) },
      body: JSON.stringify({ query: 'query Committees { peopleMediationCommittees(first: 1) { totalCount } }' }),
    });
    expect(await response.json()).toEqual({ data: { peopleMediationCommittees: { totalCount: 0 } } });

    const atGateway = await scrape(`http://127.0.0.1:${ports['gatewayMetrics']}/metrics`, TOKEN);
    expect(atGateway.value('graphql_requests_total', { operation: 'Committees', outcome: 'ok' })).toBe(1);
    expect(atGateway.value('gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'justice', outcome: 'ok' })).toBe(1);
    expect(atGateway.text).toContain('gateway_subgraph_fetch_breaker_state{subgraph="justice",service="gateway"} 0');
    expect(atGateway.has('process_resident_memory_bytes')).toBe(true);

    const atJustice = await scrape(`http://127.0.0.1:${ports['justiceMetrics']}/metrics`, TOKEN);
    expect(atJustice.value('graphql_requests_total', { operation: 'Committees__justice__0', outcome: 'ok' })).toBe(1);
    expect(atJustice.value('db_pool_max_connections')).toBe(10);
    expect(Number.isFinite(atJustice.value('channel_grants_age_seconds'))).toBe(true);
  });

  it('refuses to start with the metrics on the public port, naming the variable', async () => {
    const refused = start('gateway/src/main.ts', { AUTH_JWKS_PATH: join(temp.path, 'jwks.json'), PORT: '4999', METRICS_PORT: '4999' });
    expect(await refused.exit).toBe(1);
    expect(refused.output()).toContain('METRICS_PORT: must differ from PORT: the metrics are never served on the public port');
  }, 60_000);
});
