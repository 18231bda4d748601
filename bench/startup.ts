/**
 * `npm run bench:startup`: how long the services take to start, and what they weigh once ready, run from
 * their TypeScript through @swc-node/register (`ts`, every process compiling on load, as before the
 * build) beside the compiled build (`dist`), in one run on this machine.
 *
 *   npm run bench:startup                        # the three parts below
 *   BENCH_PARTS=services npm run bench:startup   # some of them: launcher, size, services
 *   BENCH_WARM=3                               # warm starts per service and variant (the median is shown)
 *   BENCH_KEEP_DIST=1                          # the launcher's first start without deleting dist/ first
 *
 * Part 3, each service on its own: process spawn to its /ready answering 200, and its resident set (VmRSS)
 * then. `first` is the variant's first start in this run (for `dist`: Node's compile cache empty), `warm` a
 * later one (the median of BENCH_WARM). Variants: `ts`; `dist` without Node's compile cache; `dist` with it
 * (NODE_COMPILE_CACHE: V8's code cache of every module kept on disk, so that a later start skips
 * compiling them). The four subgraphs start one at a time on databases already migrated and loaded (their
 * first start, which migrates and loads the demo data, is timed on its own); the gateway starts with the
 * four subgraphs running. The OS's file cache is whatever the machine has: `first` is not a cold boot.
 *
 * Part 1, the whole `npm start`: launch to "all services ready", first (a fresh data directory, and for
 * `dist` no dist/ either: the build, initdb, migrations, demo data) and warm (the second start on it), and
 * each service's RSS then.
 *
 * Part 2: the runtime folder's size, the Dockerfile's runtime stage replayed in a temporary folder (its
 * production-only `npm ci` of the lock file plus dist/), beside the development install.
 *
 * Loopback ports only; every process is stopped by its own pid (SIGTERM/SIGINT, then SIGKILL after 10 s).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BUILD_DIR, ensureBuilt } from '../scripts/lib/build';
import type { Databases } from '../scripts/lib/database-setup';
import { beginLaunch, REPO_ROOT, startDatabases, type Launch } from '../scripts/lib/launcher-setup';
import { findFreePort } from '../scripts/lib/ports';
import { recoverStalePostmaster } from '../scripts/lib/postmaster-pid';
import { prepareServiceAuth, type ServiceAuthEnv } from '../scripts/lib/service-auth';
import { baseServiceEnv, DEPARTMENTS, GATEWAY, nodeArgs, type DepartmentService, type ServiceRuntime } from '../scripts/lib/services';
import { waitForReady } from '../scripts/lib/wait-ready';
import { replayRuntimeStage } from '@labour/testing/runtime-stage';
import { makeTempDir } from '@labour/testing/temp-dir';
import { cpuMs, launcherServices, rssMiB, startProcess, stopAll, stopLauncher, type BenchProcess } from './support/processes';

const env = process.env;
const PARTS = (env['BENCH_PARTS'] ?? 'services,launcher,size').split(',').map((part) => part.trim());
const WARM = Math.max(1, Number(env['BENCH_WARM'] ?? 3));
const SERVICES = [...DEPARTMENTS.map((department) => department.name), GATEWAY.name] as const;
type ServiceName = (typeof SERVICES)[number];

const say = (line = ''): void => void process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

interface Variant {
  readonly label: string;
  readonly runtime: ServiceRuntime;
  /** Node's compile cache directory, or none (then it is turned off). */
  readonly compileCache?: string;
}

interface Start {
  /** Spawn to the first 200 from /ready, wall-clock. */
  readonly ms: number;
  /** CPU time (user + system) the process had used by then: the work of starting, whatever else the machine runs. */
  readonly cpuMs: number;
  readonly rss: number;
}

/** Node's compile cache on (in `dir`) or off, whatever the environment says. */
function withCompileCache(base: NodeJS.ProcessEnv, dir: string | undefined): NodeJS.ProcessEnv {
  const next = { ...base };
  delete next['NODE_COMPILE_CACHE'];
  delete next['NODE_DISABLE_COMPILE_CACHE'];
  if (dir) next['NODE_COMPILE_CACHE'] = dir;
  else next['NODE_DISABLE_COMPILE_CACHE'] = '1';
  return next;
}

// ---------------------------------------------------------------------------------------------------------
// Part 3: each service on its own.

interface Stack {
  readonly launch: Launch;
  readonly databases: Databases;
  readonly auth: ServiceAuthEnv;
  readonly ports: Record<ServiceName, number>;
}

const urlOf = (stack: Stack, name: ServiceName) => `http://127.0.0.1:${stack.ports[name]}`;

function serviceEnv(stack: Stack, name: ServiceName): NodeJS.ProcessEnv {
  const base = { ...baseServiceEnv(env), ...stack.auth.verifiers, PORT: String(stack.ports[name]) };
  if (name === GATEWAY.name) {
    return {
      ...base,
      ...stack.auth.gateway,
      CONSOLE_DIR: join(REPO_ROOT, BUILD_DIR, 'console'),
      ...Object.fromEntries(DEPARTMENTS.map((department) => [`${department.envPrefix}_URL`, `${urlOf(stack, department.name)}/graphql`])),
    };
  }
  const department = DEPARTMENTS.find((candidate) => candidate.name === name)!;
  return {
    ...base,
    ...stack.auth.subgraph(department.name),
    DATABASE_URL: stack.databases.urls[department.name],
    LINKAGE_KEY: stack.databases.linkageKey,
    DEMO_DATA: 'if-empty',
    DEMO_SCALE: stack.launch.config.demoScale,
    DEMO_AS_OF: stack.launch.config.demoAsOf,
    ...Object.fromEntries(
      DEPARTMENTS.filter((peer) => peer !== department).map((peer) => [`${peer.envPrefix}_URL`, `${urlOf(stack, peer.name)}/graphql`]),
    ),
  };
}

const serviceOf = (name: ServiceName): Pick<DepartmentService, 'entry' | 'nodeFlags'> =>
  name === GATEWAY.name ? GATEWAY : DEPARTMENTS.find((department) => department.name === name)!;

/** Spawns one service and waits for its /ready: the time from spawn to the first 200, its RSS then. */
async function startOne(stack: Stack, name: ServiceName, variant: Variant): Promise<{ proc: BenchProcess; start: Start }> {
  const began = performance.now();
  // Each service its own cache, as each container has: a service's first start finds none of another's.
  const cache = variant.compileCache && join(variant.compileCache, name);
  const proc = startProcess(
    name,
    nodeArgs(serviceOf(name), [], variant.runtime),
    withCompileCache(serviceEnv(stack, name), cache),
    stack.launch.output,
    REPO_ROOT,
  );
  const gone = new AbortController();
  void proc.exited.then(() => gone.abort(new Error(`${name} exited before it was ready`)));
  await waitForReady(`${urlOf(stack, name)}/ready`, { timeoutMs: 180_000, intervalMs: 20, signal: gone.signal });
  return { proc, start: { ms: performance.now() - began, cpuMs: cpuMs(proc.pid), rss: rssMiB(proc.pid) } };
}

async function timeOne(stack: Stack, name: ServiceName, variant: Variant): Promise<Start> {
  const { proc, start } = await startOne(stack, name, variant);
  await proc.stop();
  return start;
}

async function partServices(stack: Stack, cacheDir: string): Promise<void> {
  const variants: Variant[] = [
    { label: 'ts (@swc-node/register)', runtime: 'ts' },
    { label: 'dist, no compile cache', runtime: 'dist' },
    { label: 'dist + compile cache', runtime: 'dist', compileCache: cacheDir },
  ];
  say('\npart 3: each service on its own, spawn → /ready (and VmRSS then)');
  // The databases' first start: migrations and the demo data, the four subgraphs together as npm start does.
  const began = performance.now();
  const first = await Promise.all(DEPARTMENTS.map((department) => startOne(stack, department.name, variants[1]!)));
  say(`  the four subgraphs' first start on empty databases (migrations, demo data), together: ${seconds(performance.now() - began)}`);
  await Promise.all(first.map(({ proc }) => proc.stop()));

  const results = new Map<string, { first: Start; warm: Start[] }>();
  const measure = async (name: ServiceName) => {
    for (const variant of variants) {
      const firstStart = await timeOne(stack, name, variant);
      const warm: Start[] = [];
      for (let round = 0; round < WARM; round += 1) warm.push(await timeOne(stack, name, variant));
      results.set(`${name}/${variant.label}`, { first: firstStart, warm });
      const shown = (start: Start) => `${seconds(start.ms)} (CPU ${seconds(start.cpuMs)})`;
      say(`  ${name.padEnd(10)} ${variant.label.padEnd(24)} first ${shown(firstStart)}, warm ${warm.map(shown).join(', ')}`);
    }
  };
  for (const department of DEPARTMENTS) await measure(department.name);
  // The gateway is ready once a subgraph is: the four run (compiled) while it starts.
  const running = await Promise.all(DEPARTMENTS.map((department) => startOne(stack, department.name, variants[2]!)));
  try {
    await measure(GATEWAY.name);
  } finally {
    await Promise.all(running.map(({ proc }) => proc.stop()));
  }

  say('');
  say(`  spawn → /ready, seconds: wall-clock (CPU time of the process by then); warm: the median of ${WARM}; RSS in MB when ready (warm)`);
  const cell = (starts: Start[]) => {
    const ms = median(starts.map((start) => start.ms));
    const cpu = median(starts.map((start) => start.cpuMs));
    return `${(ms / 1000).toFixed(1)} (${(cpu / 1000).toFixed(1)})`.padStart(12);
  };
  say(`  ${'service'.padEnd(10)}${variants.map((variant) => variant.label.padStart(34)).join('')}`);
  say(`  ${''.padEnd(10)}${variants.map(() => `${'first'.padStart(12)}${'warm'.padStart(12)}${'RSS'.padStart(10)}`).join('')}`);
  for (const name of SERVICES) {
    const cells = variants.map((variant) => {
      const result = results.get(`${name}/${variant.label}`)!;
      return `${cell([result.first])}${cell(result.warm)}${median(result.warm.map((start) => start.rss))
        .toFixed(0)
        .padStart(10)}`;
    });
    say(`  ${name.padEnd(10)}${cells.join('')}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Part 1: the whole `npm start`.

/** A process's CPU time with that of its children it has waited for (the build's Vite and codegen processes), in ms. */
function cpuWithChildrenMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime, cutime, cstime: fields 14 to 17 of stat, in clock ticks of 10 ms.
  return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0) * 10;
}

/** `npm start` (the launcher as package.json runs it) to its "all services ready" line; each service's RSS then. */
interface Launched {
  readonly ms: number;
  readonly rss: Partial<Record<ServiceName, number>>;
  /**
   * CPU time by then: each service's, and the launcher's with the processes it ran and awaited (its
   * TypeScript loader, the build with Vite, the database setup); PostgreSQL's own is not counted.
   */
  readonly cpuMs: Partial<Record<ServiceName | 'launcher', number>>;
}

async function launchOnce(variant: Variant, dataDir: string, ports: Record<string, string>): Promise<Launched> {
  const base: NodeJS.ProcessEnv = {
    ...env,
    ...ports,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NO_COLOR: '1',
    SERVICE_RUNTIME: variant.runtime,
  };
  for (const variable of ['NODE_ENV', 'DEMO_DATA', 'DEMO_SCALE', 'AUTH_JWKS_PATH', 'AUTH_JWKS_URL', 'NODE_OPTIONS']) delete base[variable];
  // The launcher's own preload (scripts/compile-cache.js) keeps a NODE_COMPILE_CACHE that is set.
  const launchEnv = withCompileCache(base, variant.compileCache);
  for (const department of DEPARTMENTS) delete launchEnv[`${department.envPrefix}_DATABASE_URL`];
  const script = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[
    'start'
  ]!;
  const args = script.split(/\s+/).slice(1);
  let output = '';
  const began = performance.now();
  const launcher = spawn(process.execPath, args, { cwd: REPO_ROOT, env: launchEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    while (!output.includes('all services ready')) {
      if (launcher.exitCode !== null || performance.now() - began > 300_000)
        throw new Error(`the launcher did not start:\n${output.slice(-4000)}`);
      await sleep(10);
    }
    const ms = performance.now() - began;
    const pids = launcherServices(launcher.pid!);
    const rss = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, rssMiB(pid)]));
    const cpu = {
      launcher: cpuWithChildrenMs(launcher.pid!),
      ...Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)])),
    };
    return { ms, rss, cpuMs: cpu };
  } finally {
    await stopLauncher(launcher);
  }
}

async function partLauncher(): Promise<void> {
  say('\npart 1: npm start, launch → "all services ready"');
  const ports: Record<string, string> = {};
  for (const variable of ['PG_PORT', 'GATEWAY_PORT', 'HR_BUREAU_PORT', 'UNION_PORT', 'COURT_PORT', 'JUSTICE_PORT'])
    ports[variable] = String(await findFreePort());
  const rows: Array<{ label: string } & Launched> = [];
  const variants: Array<Variant & { readonly cacheDir?: boolean }> = [
    { label: 'ts', runtime: 'ts' },
    { label: 'dist, no compile cache', runtime: 'dist' },
    // As `npm start` runs by default (scripts/compile-cache.js), with a cache of its own, empty at the first start.
    { label: 'dist + compile cache', runtime: 'dist', cacheDir: true },
  ];
  for (const { cacheDir, ...variant } of variants) {
    const temp = makeTempDir(`bench-startup-${variant.runtime}`);
    const dataDir = join(temp.path, 'data');
    const run = { ...variant, compileCache: cacheDir ? join(temp.path, 'compile-cache') : undefined };
    try {
      // As in a fresh clone: no build.
      const build = variant.runtime === 'dist' && env['BENCH_KEEP_DIST'] !== '1';
      if (build) rmSync(join(REPO_ROOT, BUILD_DIR), { recursive: true, force: true });
      const first = await launchOnce(run, dataDir, ports);
      say(`  ${variant.label}: first start ${seconds(first.ms)}`);
      rows.push({ ...first, label: `${variant.label}, first${build ? ' (build included)' : ''}` });
      const warm = await launchOnce(run, dataDir, ports);
      say(`  ${variant.label}: second start ${seconds(warm.ms)}`);
      rows.push({ ...warm, label: `${variant.label}, second start` });
    } finally {
      await recoverStalePostmaster(join(dataDir, 'pg'), () => undefined).catch(() => undefined);
      temp.remove();
    }
  }
  say('');
  say(`  ${''.padEnd(44)}${'ready'.padStart(9)}${SERVICES.map((name) => name.padStart(10)).join('')}   (RSS MB)`);
  for (const row of rows)
    say(
      `  ${row.label.padEnd(44)}${seconds(row.ms).padStart(9)}${SERVICES.map((name) => (row.rss[name]?.toFixed(0) ?? '-').padStart(10)).join('')}`,
    );
  say('');
  say(
    `  CPU seconds used by then (user + system):${''.padEnd(4)}${['launcher', ...SERVICES].map((name) => name.padStart(10)).join('')}     total`,
  );
  for (const row of rows) {
    const cells = (['launcher', ...SERVICES] as const).map((name) => row.cpuMs[name]);
    const total = cells.reduce<number>((sum, value) => sum + (value ?? 0), 0);
    say(
      `  ${row.label.padEnd(44)}${cells.map((value) => (value === undefined ? '-' : (value / 1000).toFixed(1)).padStart(10)).join('')}${(total / 1000).toFixed(1).padStart(10)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Part 2: the runtime folder.

function megabytes(path: string): number {
  const result = spawnSync('du', ['-sk', path], { encoding: 'utf8' });
  return Number(result.stdout.split(/\s+/)[0]) / 1024;
}

async function partSize(): Promise<void> {
  say('\npart 2: the runtime folder (the Dockerfile runtime stage, replayed here)');
  await ensureBuilt(REPO_ROOT);
  const folder = mkdtempSync(join(tmpdir(), 'bench-runtime-'));
  try {
    const app = join(folder, 'app');
    const replayed = replayRuntimeStage(REPO_ROOT, app);
    for (const run of replayed.runs) say(`  ${run.command}: ${seconds(run.seconds * 1000)}`);
    const packages = readdirSync(join(app, 'node_modules')).flatMap((entry) =>
      entry.startsWith('@') ? readdirSync(join(app, 'node_modules', entry)) : entry.startsWith('.') ? [] : [entry],
    ).length;
    const modules = megabytes(join(app, 'node_modules'));
    const dist = megabytes(join(app, 'dist'));
    const maps =
      Number(
        spawnSync('sh', ['-c', `find "${join(app, 'dist')}" -name '*.map' -print0 | du -ck --files0-from=- | tail -1`], {
          encoding: 'utf8',
        }).stdout.split(/\s+/)[0],
      ) / 1024;
    say(
      `  production node_modules ${modules.toFixed(0)} MB (${packages} packages) + dist/ ${dist.toFixed(0)} MB (of which source maps ${maps.toFixed(0)} MB) = ${(modules + dist).toFixed(0)} MB`,
    );
    say(`  the development install beside it: node_modules ${megabytes(join(REPO_ROOT, 'node_modules')).toFixed(0)} MB`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Part 3 runs on a launcher's PostgreSQL (a temporary data directory) and its supervisor, whose shutdown
 * stops whatever is left (services, PostgreSQL), removes the directory, and ends the process.
 */
async function runWithStack(work: (stack: Stack, cacheDir: string) => Promise<void>): Promise<void> {
  const temp = makeTempDir('bench-startup');
  const dataDir = join(temp.path, 'data');
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (name) => [name, await findFreePort()] as const))) as Record<
    ServiceName,
    number
  >;
  Object.assign(env, { DATA_DIR: dataDir, PG_PORT: String(await findFreePort()), DEMO_SCALE: '1', LOG_LEVEL: env['LOG_LEVEL'] ?? 'warn' });
  for (const department of DEPARTMENTS) delete env[`${department.envPrefix}_DATABASE_URL`];
  delete env['AUTH_JWKS_PATH'];
  delete env['AUTH_JWKS_URL'];
  const launch = beginLaunch(130);
  launch.supervisor.onShutdown(() => temp.remove());
  let exitCode = 0;
  try {
    await ensureBuilt(REPO_ROOT);
    const databases = await startDatabases(launch);
    launch.supervisor.onShutdown(stopAll);
    const auth = await prepareServiceAuth(launch.config, launch.log);
    await work({ launch, databases, auth, ports }, join(temp.path, 'compile-cache'));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    exitCode = 1;
  }
  await launch.supervisor.shutdown(exitCode);
}

async function main(): Promise<void> {
  const { cpus, loadavg } = await import('node:os');
  say(
    `bench:startup on Node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}`,
  );
  if (PARTS.includes('launcher')) await partLauncher();
  if (PARTS.includes('size')) await partSize();
  if (PARTS.includes('services')) await runWithStack(partServices);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
