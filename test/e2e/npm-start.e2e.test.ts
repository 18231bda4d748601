import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Department, Role } from '@labour/shared';
import { DEFAULT_AUDIENCE, mintToken, readPrivateJwkFile, serviceIssuer } from '@labour/shared/auth';
import { BUILD_DIR, compiledEntry } from '../../scripts/lib/build';
import { devKeyFiles, readDevIdpKey } from '../../scripts/lib/dev-signing-key';
import { findFreePort, isPortFree } from '../../scripts/lib/ports';
import { DEPARTMENTS, GATEWAY } from '../../scripts/lib/services';
import { isAlive, postmasterPid, recoverStalePostmaster } from '../../scripts/lib/postmaster-pid';
import { postGraphQL } from '../support/graphql-client';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { childRunning } from '../support/processes';
import { makeTempDir } from '../support/temp-dir';
import { unauthenticated } from '../support/refusals';

/**
 * The real entry points, wired as `npm start` wires them: the launcher starts the embedded PostgreSQL,
 * the four subgraphs' and the gateway's own `main.ts`, compiled into dist/ (rebuilt first: the test makes
 * the build stale), each with only the environment the launcher gives
 * it. What the other end-to-end tests build in-process (channel tables, peer URLs, the clock) must here
 * come from that wiring: each provider's own demo channels (a SHARED field reaches the union), the
 * union's peer URLs (no department missing from the suggested agenda), CLOCK_TODAY (the agenda's day).
 */

const REPO_ROOT = resolve(__dirname, '..', '..');
const temp = makeTempDir('npm-start');
const dataDir = join(temp.path, 'data');
const ports: Record<string, string> = {};
let launcher: ChildProcess | undefined;
let output = '';
let gatewayUrl = '';
/** What the services export over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT, a stub collector in this process): each request's body. */
const exported: Buffer[] = [];
const collector = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    exported.push(Buffer.concat(chunks));
    res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
  });
});

/** Retries `attempt` until it returns a value (not undefined) or `timeoutMs` passes; the last reason is in the error. */
async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (launcher?.exitCode !== null) throw new Error(`the launcher exited while waiting for ${what}:\n${output}`);
    await sleep(200);
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms (${String(last)}):\n${output.slice(-4000)}`);
}

/** The pid of the launcher's child running `entry` (from the compiled build), so that a test can kill exactly that process. */
const serviceProcess = (entry: string): number => childRunning(launcher!.pid!, compiledEntry(entry));

async function tokenOf(department: Department, role: Role): Promise<string> {
  const privateJwk = readDevIdpKey(dataDir, department);
  return mintToken(privateJwk, {
    sub: `e2e:${department}:${role}`,
    name: '测试',
    department,
    roles: [role],
    aud: DEFAULT_AUDIENCE,
    ttlSeconds: 600,
  });
}

beforeAll(async () => {
  for (const variable of ['PG_PORT', 'GATEWAY_PORT', 'HR_BUREAU_PORT', 'UNION_PORT', 'COURT_PORT', 'JUSTICE_PORT'])
    ports[variable] = String(await findFreePort());
  gatewayUrl = `http://127.0.0.1:${ports['GATEWAY_PORT']}/graphql`;
  await new Promise<void>((done) => collector.listen(0, '127.0.0.1', done));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...ports,
    DATA_DIR: dataDir,
    CLOCK_TODAY: TEST_AS_OF,
    LOG_LEVEL: 'warn',
    NO_COLOR: '1',
    LOG_HEAD_PUBLISH_MS: '1000',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
  };
  // The test runner's own settings must not reach the services: they read only what the launcher gives them.
  for (const variable of ['NODE_ENV', 'DEMO_AS_OF', 'DEMO_DATA', 'DEMO_SCALE', 'AUTH_JWKS_PATH', 'AUTH_JWKS_URL']) delete env[variable];
  // A build of other sources than these (as after a pull): the launcher must compile again before it starts anything.
  mkdirSync(join(REPO_ROOT, BUILD_DIR), { recursive: true });
  writeFileSync(join(REPO_ROOT, BUILD_DIR, '.build-stamp.json'), JSON.stringify({ fingerprint: 'a build of older sources' }));
  launcher = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/start.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await eventually('all services ready', async () => (output.includes('all services ready') ? true : undefined), 180_000);
}, 240_000);

afterAll(async () => {
  if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
    const exited = new Promise((done) => launcher!.once('exit', done));
    launcher.kill('SIGINT');
    const timer = setTimeout(() => launcher!.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }
  // Only after a failed stop: the cluster this test made, by the pid in its own postmaster.pid.
  await recoverStalePostmaster(join(dataDir, 'pg'), () => undefined).catch(() => undefined);
  temp.remove();
  await new Promise((done) => collector.close(done));
}, 60_000);

describe('npm start, as wired by the launcher', () => {
  it('rebuilt the stale build, and runs every service from it without a TypeScript loader, with source maps', () => {
    expect(output).toMatch(/\[launcher\] +compiled \d+ files into dist\/ in /);
    const stamp = JSON.parse(readFileSync(join(REPO_ROOT, BUILD_DIR, '.build-stamp.json'), 'utf8')) as { fingerprint: string };
    expect(stamp.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    for (const service of [...DEPARTMENTS, GATEWAY]) {
      const argv = readFileSync(`/proc/${serviceProcess(service.entry)}/cmdline`, 'utf8')
        .split('\0')
        .filter(Boolean);
      expect(argv.slice(1)).toEqual([...service.nodeFlags, compiledEntry(service.entry)]);
      expect(argv.slice(1, 3)).toEqual(['--require', './dist/source-maps.js']);
    }
    // Nothing of the build was left beside it (the new build is swapped in whole).
    expect(readdirSync(REPO_ROOT).filter((name) => name.startsWith(`.${BUILD_DIR}.`))).toEqual([]);
  });

  it("traces a client's request across the processes (the tracing preload): the gateway and the departments export it under one trace id", async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const authorization = `Bearer ${await tokenOf(Department.UNION, Role.COORDINATOR)}`;
    const body = JSON.stringify({
      query: '{ enterprise(creditCode: "91110115102884310L") { name wageArrearsAlerts { project } mediationCases { caseNo } } }',
    });
    const traceresponse = await new Promise<string | undefined>((done, fail) => {
      const req = httpRequest(
        gatewayUrl,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization, traceparent: `00-${traceId}-b7ad6b7169203331-01` },
        },
        (res) => {
          res.resume().on('end', () => done(res.headers['traceresponse'] as string | undefined));
        },
      );
      req.on('error', fail);
      req.end(body);
    });
    expect(traceresponse).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    // OTLP protobuf: each span carries its trace id as 16 raw bytes, each export its resource's service.name
    // (the KeyValue `service.name` = AnyValue{string_value}). Batches go every 5 s.
    const idBytes = Buffer.from(traceId, 'hex');
    const serviceName = (name: string) =>
      Buffer.concat([Buffer.from('service.name'), Buffer.from([0x12, name.length + 2, 0x0a, name.length]), Buffer.from(name)]);
    const services = await eventually(
      'the trace exported by the gateway and two departments',
      async () => {
        const named = new Set<string>();
        for (const batch of exported.filter((b) => b.includes(idBytes))) {
          for (const service of ['gateway', 'hr-bureau', 'union']) if (batch.includes(serviceName(service))) named.add(service);
        }
        return named.size === 3 ? [...named].sort() : undefined;
      },
      30_000,
    );
    expect(services).toEqual(['gateway', 'hr-bureau', 'union']);
  }, 60_000);

  it('enforces the sharing channels in every provider: hr-bureau from its own channel table, loaded with the demo data', async () => {
    const authorization = `Bearer ${await tokenOf(Department.UNION, Role.CASEWORKER)}`;
    const query = '{ enterprise(creditCode: "91110115102884310L") { name wageArrearsAlerts { project amountOwed } } }';
    // hr-bureau reads its own table once migrated, before it listens; the gateway may still be starting.
    const answer = await eventually(
      'the HR-UNION-ARREARS grant',
      async () => {
        const response = await postGraphQL<{
          enterprise: { name: string; wageArrearsAlerts: Array<{ project: string | null; amountOwed: string | null }> };
        }>(gatewayUrl, query, undefined, { authorization });
        return response.body.errors === undefined ? response.body : undefined;
      },
      30_000,
    );
    const alerts = answer.data!.enterprise.wageArrearsAlerts;
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) expect(alert).toEqual({ project: expect.any(String), amountOwed: expect.stringMatching(/^\d+\.\d{2}$/) });
  }, 60_000);

  it("binds each key it made to its department: hr-bureau's service key cannot sign for the court's ADMIN", async () => {
    const hrServiceKey = readPrivateJwkFile(devKeyFiles(dataDir).service['hr-bureau']);
    const forged = await mintToken(hrServiceKey, {
      sub: 'court-admin',
      name: '法院管理员',
      department: Department.COURT,
      roles: [Role.ADMIN],
      aud: DEFAULT_AUDIENCE,
      iss: serviceIssuer('hr-bureau'),
      ttlSeconds: 600,
    });
    const response = await postGraphQL(gatewayUrl, '{ courtAccessLog(first: 5) { nodes { id } } }', undefined, {
      authorization: `Bearer ${forged}`,
    });
    expect(response).toEqual(
      unauthenticated(`The token speaks for COURT, but the key that signed it (kid "${hrServiceKey.kid}") is bound to HR_BUREAU`),
    );
  });

  it('serves the web console at / (the build made dist/console), under its Content-Security-Policy', async () => {
    const origin = new URL(gatewayUrl).origin;
    const page = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // Its entry script is one of the built, hashed, immutable assets.
    const entry = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const script = await fetch(`${origin}${entry}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await (await fetch(`${origin}/console-api/config`)).json()).toEqual({ devSignIn: true, oidc: null, today: TEST_AS_OF });
  });

  it('signs a development token at /console-api/dev-token (CONSOLE_DEV_KEYS_DIR) that the services accept', async () => {
    const origin = new URL(gatewayUrl).origin;
    const signed = await fetch(`${origin}/console-api/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ department: 'UNION', roles: ['COORDINATOR'], name: '王协调' }),
    });
    expect(signed.status).toBe(200);
    const { token } = (await signed.json()) as { token: string };
    const response = await postGraphQL<{ jointMeetings: Array<{ convenedBy: string }> }>(
      gatewayUrl,
      '{ jointMeetings { convenedBy } }',
      undefined,
      {
        authorization: `Bearer ${token}`,
      },
    );
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.jointMeetings.length).toBeGreaterThan(0);
  });

  it("gives the union every department's risk signals (peer URLs) as of the launcher's CLOCK_TODAY", async () => {
    const authorization = `Bearer ${await tokenOf(Department.UNION, Role.COORDINATOR)}`;
    const response = await postGraphQL<{
      suggestedAgenda: { asOf: string; missingSources: string[]; items: Array<{ signals: Array<{ source: string }> }> };
    }>(gatewayUrl, '{ suggestedAgenda(limit: 20) { asOf missingSources items { signals { source } } } }', undefined, { authorization });
    expect(response.body.errors).toBeUndefined();
    const { asOf, missingSources, items } = response.body.data!.suggestedAgenda;
    expect({ asOf, missingSources }).toEqual({ asOf: TEST_AS_OF, missingSources: [] });
    const sources = new Set(items.flatMap((item) => item.signals.map((signal) => signal.source)));
    expect([...sources].sort()).toEqual([Department.COURT, Department.HR_BUREAU, Department.JUSTICE, Department.UNION].sort());
  });

  it("has every subgraph's signed access-log head witnessed by the other three (peer URLs and service keys)", async () => {
    const authorization = `Bearer ${await tokenOf(Department.COURT, Role.AUDITOR)}`;
    const query =
      '{ hr: hrBureauWitnessedLogHeads(provider: COURT) { status } union: unionWitnessedLogHeads(provider: COURT) { status } justice: justiceWitnessedLogHeads(provider: COURT) { status } }';
    // Every LOG_HEAD_PUBLISH_MS (1 s here), once the others listen.
    const heads = await eventually(
      "the court's head at all three witnesses",
      async () => {
        const response = await postGraphQL<Record<string, Array<{ status: string }>>>(gatewayUrl, query, undefined, { authorization });
        const data = response.body.data;
        return data && Object.values(data).every((list) => list.length > 0) ? data : undefined;
      },
      30_000,
    );
    expect(Object.fromEntries(Object.entries(heads).map(([witness, list]) => [witness, list[0]!.status]))).toEqual({
      hr: 'WITNESSED',
      union: 'WITNESSED',
      justice: 'WITNESSED',
    });
  }, 60_000);

  it('restarts a subgraph killed with SIGKILL; brings PostgreSQL back after SIGKILL, the subgraphs answering again without a restart', async () => {
    const authorization = `Bearer ${await tokenOf(Department.COURT, Role.CASEWORKER)}`;
    const lawsuits = () =>
      postGraphQL<{ enterprise: { lawsuits: Array<{ caseNo: string }> } }>(
        gatewayUrl,
        '{ enterprise(creditCode: "91110115102884310L") { lawsuits { caseNo } } }',
        undefined,
        { authorization },
      );
    const before = await lawsuits();
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data!.enterprise.lawsuits.length).toBeGreaterThan(0);

    const court = serviceProcess('subgraphs/court/src/main.ts');
    process.kill(court, 'SIGKILL');
    await eventually(
      'court to be ready again',
      async () => (/\[launcher\] +court is ready again/.test(output) ? true : undefined),
      120_000,
    );
    const restarted = serviceProcess('subgraphs/court/src/main.ts');
    expect(restarted).not.toBe(court);
    expect(output).toMatch(new RegExp(`\\[launcher\\] +court restarted \\(pid ${restarted}\\)\n`));
    expect((await lawsuits()).body).toEqual(before.body);

    const others = ['hr-bureau', 'union', 'justice'].map((name) => serviceProcess(`subgraphs/${name}/src/main.ts`));
    const postmaster = postmasterPid(join(dataDir, 'pg')) ?? 0;
    const mark = output.length;
    process.kill(postmaster, 'SIGKILL');
    await eventually(
      'PostgreSQL to be ready again',
      async () => (/\[launcher\] +postgres is ready again/.test(output) ? true : undefined),
      60_000,
    );
    expect(isAlive(postmaster)).toBe(false);
    // The first request after it is back is answered: the subgraphs' pools open new connections.
    expect((await lawsuits()).body).toEqual(before.body);
    const launcherLines = output
      .slice(mark)
      .split('\n')
      .filter((line) => line.startsWith('[launcher]'));
    expect(launcherLines.filter((line) => line.includes('restarted'))).toEqual([
      expect.stringMatching(/^\[launcher\] +postgres restarted \(pid \d+\)$/),
    ]);
    expect(['hr-bureau', 'union', 'court', 'justice'].map((name) => serviceProcess(`subgraphs/${name}/src/main.ts`))).toEqual([
      others[0],
      others[1],
      restarted,
      others[2],
    ]);
  }, 240_000);

  it('stops every service and PostgreSQL on Ctrl-C', async () => {
    const exited = new Promise<number | null>((done) => launcher!.once('exit', (code) => done(code)));
    launcher!.kill('SIGINT');
    expect(await exited).toBe(0);
    const free = await Promise.all(Object.values(ports).map((port) => isPortFree(Number(port))));
    expect(free).toEqual(Object.values(ports).map(() => true));
  });
});
