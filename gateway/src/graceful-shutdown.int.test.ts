import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Department, Role } from '@labour/shared';
import { startFaultProxy, type FaultProxy } from '@labour/testing/fault-proxy';
import { startSubgraph, type RunningSubgraph } from '@labour/testing/subgraph-harness';
import { hostClock } from '@labour/testing/processes';
import { makeTempDir } from '@labour/testing/temp-dir';
import { TEST_AUTH, testToken } from '@labour/testing/tokens';
import { waitFor } from '@labour/testing/wait-for';
import { hrBureauSubgraph } from '../../subgraphs/hr-bureau/src/definition';

const REPO_ROOT = join(__dirname, '..', '..');
/** A case number no department has: the labour bureau answers null, after the proxy has held the fetch. */
const QUERY = '{ arbitrationCase(caseNo: "京开劳人仲字〔2026〕第9999号") { caseNo } }';

interface RunningGateway {
  child: ChildProcess;
  port: number;
  logs: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

// Each test starts the gateway as a process of its own, TypeScript compiled on load: slow on a busy machine.
jest.setTimeout(180_000);

let hrBureau: RunningSubgraph;
let proxy: FaultProxy;
let jwksPath: string;
let temp: ReturnType<typeof makeTempDir>;

beforeAll(async () => {
  hrBureau = await startSubgraph(hrBureauSubgraph);
  proxy = await startFaultProxy(hrBureau.url);
  temp = makeTempDir('graceful-shutdown');
  jwksPath = join(temp.path, 'jwks.json');
  writeFileSync(jwksPath, JSON.stringify(TEST_AUTH.jwks));
});

afterAll(async () => {
  await proxy?.close();
  await hrBureau?.stop();
  temp?.remove();
});

/** The gateway as its own process (its main.ts, as a service runs), in front of the labour bureau through the proxy. */
async function startGateway(drainMs: number): Promise<RunningGateway> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    ...hostClock(),
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    PORT: '0',
    AUTH_JWKS_PATH: jwksPath,
    HR_BUREAU_URL: proxy.url,
    SHUTDOWN_DRAIN_MS: String(drainMs),
    SUBGRAPH_TIMEOUT_MS: '60000',
  };
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'gateway/src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: Array<Record<string, unknown>> = [];
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const listening = await waitFor(() => logs.find((line) => line['msg'] === 'gateway listening'), Boolean, {
      timeoutMs: 60_000,
      what: 'the gateway to listen',
    });
    return { child, port: Number(new URL(String(listening!['url'])).port), logs, exited };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

function ask(port: number): Promise<{ status: number; body: unknown }> {
  const token = testToken({ department: Department.HR_BUREAU, roles: [Role.CASEWORKER] });
  return fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY }),
  }).then(async (res) => ({ status: res.status, body: await res.json() }));
}

/** Whether a new TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('the gateway on SIGTERM', () => {
  it('answers the requests in flight, takes no new connection, and exits 0 once they are out', async () => {
    const gateway = await startGateway(60_000);
    try {
      proxy.set({ kind: 'slow', delayMs: 1_500 });
      const before = proxy.received();
      const answers = [ask(gateway.port), ask(gateway.port), ask(gateway.port)];
      await waitFor(
        () => proxy.received() - before,
        (count) => count === 3,
        { what: 'three fetches held at the labour bureau' },
      );

      gateway.child.kill('SIGTERM');
      await waitFor(() => gateway.logs.some((line) => line['msg'] === 'shutting down: draining requests in flight'), Boolean);
      expect(await refused(gateway.port)).toBe(true);

      for (const answer of await Promise.all(answers)) expect(answer).toEqual({ status: 200, body: { data: { arbitrationCase: null } } });
      expect(await gateway.exited).toBe(0);
      expect(gateway.logs.find((line) => line['msg'] === 'drained')).toMatchObject({ inFlight: 3, cut: 0 });
    } finally {
      proxy.set({ kind: 'pass' });
      if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    }
  });

  it('cuts what is still in flight when the drain time is over, and still exits 0', async () => {
    const gateway = await startGateway(300);
    try {
      proxy.set({ kind: 'hang' });
      const before = proxy.received();
      const answer = ask(gateway.port).then(
        () => 'answered',
        () => 'cut',
      );
      await waitFor(
        () => proxy.received() - before,
        (count) => count === 1,
        { what: 'the fetch held at the labour bureau' },
      );

      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
      expect(await answer).toBe('cut');
      expect(gateway.logs.find((line) => line['msg'] === 'drain time over: requests still in flight were cut')).toMatchObject({
        inFlight: 1,
        cut: 1,
      });
    } finally {
      proxy.set({ kind: 'pass' });
      if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    }
  });
});
