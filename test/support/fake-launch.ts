import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '../../scripts/lib/ports';
import { recoverStalePostmaster } from '../../scripts/lib/postmaster-pid';
import { makeTempDir } from './temp-dir';

/**
 * The real launcher (`npm start`, `npm run demo:reset`) as a real process, on a throwaway copy of the
 * repository whose five services are tiny fakes honouring the services' contract (env, /ready, IPC).
 * Each test file that uses it gets its own copy, data directory and ports.
 */

const REPO_ROOT = resolve(__dirname, '..', '..');

/**
 * A fake service. It logs its environment (with its pid) as JSON, connects to its DATABASE_URL once, and
 * serves /ready, /graphql and /db (a fresh connection to its database now: 200 with the user, or 503).
 * FAKE_CRASH=<name> makes that service crash before it is ready; a file <FAKE_BREAK_DIR>/<name> makes
 * every later start of it crash (a service that breaks while the launcher runs).
 */
const FAKE_SERVICE = `
import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
const name = process.argv[1].split('/').slice(-3)[0];
const log = (msg: string, extra: object = {}) => console.log(JSON.stringify({ level: 30, service: name, msg, ...extra }));
process.on('disconnect', () => process.exit(0)); // the launcher is gone
async function queryDatabase(): Promise<unknown> {
  const client = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.query('SELECT current_user AS "user", current_database() AS database')).rows[0];
  } finally {
    await client.end().catch(() => undefined);
  }
}
async function main(): Promise<void> {
  log('env', {
    pid: process.pid, port: process.env.PORT, demoData: process.env.DEMO_DATA, demoScale: process.env.DEMO_SCALE,
    linkageKey: process.env.LINKAGE_KEY, hrBureauUrl: process.env.HR_BUREAU_URL, telemetry: process.env.APOLLO_TELEMETRY_DISABLED,
    authJwksPath: process.env.AUTH_JWKS_PATH, authServiceKeyPath: process.env.AUTH_SERVICE_KEY_PATH, authAudience: process.env.AUTH_AUDIENCE,
    ipc: typeof process.send === 'function', otherUrls: Object.keys(process.env).filter((key) => key.endsWith('_DATABASE_URL')),
  });
  if (process.env.FAKE_BREAK_DIR && existsSync(join(process.env.FAKE_BREAK_DIR, name))) {
    console.error('Error: ' + name + ' is broken');
    process.exit(3);
  }
  if (process.env.DATABASE_URL) log('database', (await queryDatabase()) as object);
  if (process.argv.includes('--prepare-only')) return log('prepared');
  if (process.env.FAKE_CRASH === name) setTimeout(() => { console.error('Error: ' + name + ' crashed'); process.exit(3); }, 300);
  let ready = false;
  setTimeout(() => (ready = true), 300);
  const server = http.createServer((req, res) => {
    if (req.url === '/db') {
      queryDatabase().then(
        (row) => res.end(JSON.stringify(row)),
        (error) => { res.statusCode = 503; res.end(JSON.stringify({ error: error.message })); },
      );
      return;
    }
    res.statusCode = req.url === '/ready' && !ready ? 503 : 200;
    res.end(req.url === '/graphql' ? JSON.stringify({ data: { __typename: 'Query' } }) : 'ok');
  });
  server.listen(Number(process.env.PORT));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  process.on('SIGINT', () => server.close(() => process.exit(0)));
}
main().catch((error) => { console.error(error); process.exit(1); });
`;

export const SUBGRAPHS = ['hr-bureau', 'union', 'court', 'justice'];

export interface Run {
  readonly child: ChildProcess;
  readonly exit: Promise<number | null>;
  output(): string;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

export interface FakeLaunch {
  /** The temporary directory holding the copy (`repo`) and the data directory. */
  readonly temp: { readonly path: string };
  readonly dataDir: string;
  /** PG_PORT, GATEWAY_PORT and the four department ports, free ports chosen for this file. */
  readonly ports: Record<string, string>;
  run(script: 'start.ts' | 'reset-demo.ts', env?: NodeJS.ProcessEnv, args?: string[]): Run;
}

/** Sets up the copy for the calling test file (Jest hooks); every launcher a test started is stopped after it. */
export function fakeLaunch(label: string): FakeLaunch {
  const temp = makeTempDir(label);
  const root = join(temp.path, 'repo');
  const dataDir = join(temp.path, 'data');
  const ports: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(root);
    cpSync(join(REPO_ROOT, 'scripts'), join(root, 'scripts'), { recursive: true });
    for (const file of ['tsconfig.json', '.swcrc', 'package.json']) cpSync(join(REPO_ROOT, file), join(root, file));
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
    for (const service of ['subgraphs/hr-bureau', 'subgraphs/union', 'subgraphs/court', 'subgraphs/justice', 'gateway']) {
      mkdirSync(join(root, service, 'src'), { recursive: true });
      writeFileSync(join(root, service, 'src', 'main.ts'), FAKE_SERVICE);
    }
    // Every service is started with the tracing preload (scripts/lib/services.ts): the fakes get an empty one.
    mkdirSync(join(root, 'shared', 'src', 'telemetry'), { recursive: true });
    writeFileSync(join(root, 'shared', 'src', 'telemetry', 'preload.ts'), '// The fake services are not traced.\nexport {};\n');
    for (const variable of ['PG_PORT', 'GATEWAY_PORT', 'HR_BUREAU_PORT', 'UNION_PORT', 'COURT_PORT', 'JUSTICE_PORT']) {
      ports[variable] = String(await findFreePort());
    }
  });

  // A failed expectation must not leave a launcher holding the lock and ports for the next test.
  const launched: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of launched.splice(0)) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
  });

  afterAll(async () => {
    await recoverStalePostmaster(join(dataDir, 'pg'), () => undefined);
    temp.remove();
  });

  function run(script: 'start.ts' | 'reset-demo.ts', env: NodeJS.ProcessEnv = {}, args: string[] = []): Run {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', `scripts/${script}`, ...args], {
      cwd: root,
      env: { ...process.env, ...ports, DATA_DIR: dataDir, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launched.push(child);
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    return {
      child,
      exit,
      output: () => text,
      async waitFor(expected, timeoutMs = 60_000) {
        const deadline = Date.now() + timeoutMs;
        const seen = (): boolean => (typeof expected === 'string' ? text.includes(expected) : expected.test(text));
        while (!seen()) {
          if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not see ${expected} in:\n${text}`);
          await sleep(50);
        }
      },
    };
  }

  return { temp, dataDir, ports, run };
}

/** The JSON lines a fake service logged with `msg`. */
export function logged(output: string, service: string, msg: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith(`[${service}]`))
    .map((line) => line.slice(line.indexOf('{')))
    .filter((json) => json.startsWith('{'))
    .map((json) => JSON.parse(json) as Record<string, unknown>)
    .filter((entry) => entry.msg === msg);
}

/** The pid of each start of a fake service, in order (from its `env` lines). */
export function pidsOf(output: string, service: string): number[] {
  return logged(output, service, 'env').map((entry) => Number(entry.pid));
}
