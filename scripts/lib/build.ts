import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFile } from 'node:child_process';
import { dirname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { transformFile, type Options } from '@swc/core';

/**
 * The compiled build the launcher runs the services from: every workspace's TypeScript (shared, the four
 * subgraphs, the gateway) compiled by swc to CommonJS under `dist/`, which mirrors the repository:
 * `subgraphs/union/src/main.ts` becomes `dist/subgraphs/union/src/main.js` (+ `.js.map`). Files that are
 * not TypeScript (catalogue.json, schema.graphql, supergraph.graphql) are copied beside the JavaScript, so
 * code that finds them from `__dirname` finds them there. Each workspace's package.json is copied with its
 * `main`/`exports` pointing at the `.js` files, and `dist/node_modules/@labour/<name>` links to it: Node,
 * resolving `@labour/shared` from a file under `dist/`, finds that link before the repository's own
 * `node_modules/@labour/shared` (which points at the TypeScript). Everything else (graphql, type-graphql,
 * MikroORM) resolves from the repository's node_modules, one copy shared with nothing else.
 *
 * The swc settings are the repository's `.swcrc` (the ones the tests compile with: legacy decorators with
 * their metadata, which type-graphql and MikroORM read), with source maps in files beside the code.
 * Tests (`*.test.ts`) and their fixtures (`*.fixtures.ts`) are not compiled. The web console (a workspace with a `vite.config.ts`) is bundled for
 * the browser by Vite into `dist/console/` instead, in the same build.
 *
 * Then each service's entry point (every workspace's `src/main.ts`) and the tracing preload are bundled by
 * Rolldown, in place: `dist/court/src/main.js` becomes the court with the shared package and its libraries in
 * one file (see bundleEntries). The other compiled files stay beside it, as the modules the bundle was made from.
 */

const execFileAsync = promisify(execFile);

export const BUILD_DIR = 'dist';

/**
 * Preloaded into every service (`node --require ./dist/source-maps.js`): stack traces name the .ts lines of
 * the project's own code. Unlike `--enable-source-maps`, it leaves the packages in node_modules unmapped:
 * reading every package's maps cost the gateway 30 MB (measured), for traces into library internals.
 */
export const SOURCE_MAPS_PRELOAD = `./${BUILD_DIR}/source-maps.js`;
const SOURCE_MAPS_CODE = `// Written by scripts/lib/build.ts: source maps for the project's code, not for node_modules.
require('node:module').setSourceMapsSupport(true, { nodeModules: false, generatedCode: false });
`;
const STAMP = '.build-stamp.json';
/** Tracing's preload (see shared/src/telemetry/preload.ts): bundled like the services, which it is loaded into. */
export const TELEMETRY_ENTRY = 'shared/src/telemetry/preload.ts';
/** The builder's own text (this file and the bundler's settings): a build made by an earlier version counts as stale. */
const BUILDER = ['build.ts', 'bundle-entries.ts']
  .reduce((hash, file) => hash.update(readFileSync(join(__dirname, file))), createHash('sha256'))
  .digest('hex');

export interface BuildInputs {
  /** The workspaces that exist in this checkout (repository-relative, `/`-separated). */
  readonly workspaces: readonly string[];
  /** Every input file, repository-relative: sources, assets, package.json files, the swc settings. */
  readonly files: readonly string[];
  /** A digest of every input's path, size and modification time, and of the builder itself. */
  readonly fingerprint: string;
}

export interface BuildResult {
  /** False when dist/ was already built from these very sources. */
  readonly built: boolean;
  readonly compiled: number;
  readonly ms: number;
}

const isTest = (file: string) => file.endsWith('.test.ts') || file.endsWith('.fixtures.ts');
const isTypeScript = (file: string) => file.endsWith('.ts') && !file.endsWith('.d.ts');
const toPosix = (path: string) => path.split(sep).join('/');

/**
 * A workspace of the tests (test/support, `@labour/testing`): npm links it for the tests and benchmarks of a
 * checkout, but it is never built and never in the image. The Dockerfile copies no manifest of it (test/ is
 * outside the build context), and `npm ci` leaves out a workspace whose folder is missing.
 */
const isTestWorkspace = (workspace: string) => workspace === 'test' || workspace.startsWith('test/');

/**
 * The workspaces the build compiles and the image installs: those of the root package.json, with `*`
 * expanded (one level, as npm does for `subgraphs/*`), without the tests' own (see isTestWorkspace).
 */
export function workspacesOf(repoRoot: string): string[] {
  const rootPackage = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { workspaces?: string[] };
  const found: string[] = [];
  for (const pattern of rootPackage.workspaces ?? []) {
    if (pattern.endsWith('/*')) {
      const parent = pattern.slice(0, -2);
      if (!existsSync(join(repoRoot, parent))) continue;
      for (const entry of readdirSync(join(repoRoot, parent), { withFileTypes: true })) {
        if (entry.isDirectory()) found.push(`${parent}/${entry.name}`);
      }
    } else if (existsSync(join(repoRoot, pattern))) {
      found.push(pattern);
    }
  }
  return found.filter((workspace) => !isTestWorkspace(workspace)).sort();
}

function walk(repoRoot: string, dir: string, into: string[]): void {
  if (!existsSync(join(repoRoot, dir))) return;
  for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
    // `generated`: what the console's build generates (its operations' types), an output rather than an input.
    if (entry.name === 'node_modules' || entry.name === BUILD_DIR || entry.name === 'generated' || entry.name.startsWith('.')) continue;
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(repoRoot, path, into);
    else if (entry.isFile() && !isTest(entry.name)) into.push(path);
  }
}

/**
 * Files of the repository's root that the build reads without copying them: the swc settings, and the README,
 * whose example queries the console's explorer is built with (`README.md?raw`): an edited example must rebuild it.
 */
const ROOT_INPUTS: ReadonlySet<string> = new Set(['.swcrc', 'README.md']);

/** What the build reads, and its fingerprint: stat only, no file is read (milliseconds for the whole repository). */
export function buildInputs(repoRoot: string): BuildInputs {
  const workspaces = workspacesOf(repoRoot);
  const files: string[] = [...ROOT_INPUTS].filter((file) => existsSync(join(repoRoot, file)));
  for (const workspace of workspaces) walk(repoRoot, workspace, files);
  const hash = createHash('sha256').update(`builder ${BUILDER}\n`);
  for (const file of files) {
    const stat = statSync(join(repoRoot, file), { throwIfNoEntry: false });
    hash.update(`${file}\0${stat?.size ?? -1}\0${stat?.mtimeMs ?? -1}\n`);
  }
  return { workspaces, files, fingerprint: hash.digest('hex') };
}

/** The fingerprint dist/ was built from, or undefined when there is no (complete) build. */
function builtFingerprint(outDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(outDir, STAMP), 'utf8')) as { fingerprint?: string }).fingerprint;
  } catch {
    return undefined;
  }
}

/** True when dist/ is missing, or was built from other sources than the checkout's (changed, added or removed). */
export function isBuildStale(repoRoot: string, inputs = buildInputs(repoRoot)): boolean {
  return builtFingerprint(join(repoRoot, BUILD_DIR)) !== inputs.fingerprint;
}

function swcOptions(repoRoot: string): Options {
  const swcrc = JSON.parse(readFileSync(join(repoRoot, '.swcrc'), 'utf8')) as Options & { $schema?: string };
  delete swcrc.$schema;
  // Maps in their own files: a service holds every module's source text, and an inline map would triple it.
  // The sources stay out of the maps: the .ts files are in the checkout, and Node needs only the mappings.
  return { ...swcrc, sourceMaps: true, inlineSourcesContent: false, swcrc: false, configFile: false };
}

/** A package.json's `main`/`exports` pointing at the compiled `.js` instead of the `.ts`, without `types` or `name`. */
export function compiledPackageJson(text: string): string {
  const toJs = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(/\.ts$/, '.js');
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJs(inner)]));
    return value;
  };
  const manifest = JSON.parse(text) as Record<string, unknown>;
  delete manifest.types;
  // Without its name: the link in dist/node_modules names it for Node, and Jest's module map, which reads
  // every package.json under the repository, would otherwise find two packages called @labour/shared.
  delete manifest.name;
  for (const key of ['main', 'exports']) if (key in manifest) manifest[key] = toJs(manifest[key]);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

async function compileOne(repoRoot: string, outDir: string, file: string, options: Options): Promise<void> {
  const source = join(repoRoot, file);
  const target = join(outDir, file.replace(/\.ts$/, '.js'));
  mkdirSync(dirname(target), { recursive: true });
  // The map names the .ts relative to the .js, so that stack traces (source-maps.js) name the source file.
  const output = await transformFile(source, { ...options, filename: source, sourceFileName: toPosix(relative(dirname(target), source)) });
  const mapName = `${target.slice(dirname(target).length + 1)}.map`;
  writeFileSync(target, `${output.code}\n//# sourceMappingURL=${mapName}\n`);
  if (output.map) writeFileSync(`${target}.map`, output.map);
}

/** A workspace built for the browser by Vite (the web console), not compiled for Node. */
function isBundled(repoRoot: string, workspace: string): boolean {
  return existsSync(join(repoRoot, workspace, 'vite.config.ts'));
}

/**
 * Bundles a browser workspace with its own Vite settings into `<outDir>/<workspace>`: the gateway serves
 * `dist/console` at `/`. Vite runs in a process of its own: it sets NODE_ENV=production in the process
 * that builds, which the launcher would otherwise pass on to the services.
 */
async function bundleInto(repoRoot: string, outDir: string, workspace: string): Promise<void> {
  const cwd = join(repoRoot, workspace);
  const run = async (what: string, script: string, args: readonly string[]) => {
    try {
      await execFileAsync(process.execPath, [join(repoRoot, 'node_modules', ...script.split('/')), ...args], {
        cwd,
        env: { ...process.env, NODE_ENV: 'production' },
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const failed = error as Error & { stderr?: string; stdout?: string };
      throw new Error(`${workspace}: ${what} failed\n${failed.stderr || failed.stdout || failed.message}`);
    }
  };
  // The operations' types first (GraphQL Code Generator; generated, not committed), then the bundle.
  await run('graphql-codegen', '@graphql-codegen/cli/cjs/bin.js', ['--config', 'codegen.ts', '--silent']);
  await run('vite build', 'vite/bin/vite.js', ['build', '--logLevel', 'warn', '--outDir', join(outDir, workspace), '--emptyOutDir']);
}

/** Whether a repository-relative file is in one of the workspaces. */
const inWorkspaces =
  (workspaces: readonly string[]) =>
  (file: string): boolean =>
    workspaces.some((workspace) => file.startsWith(`${workspace}/`));

/**
 * Compiles every workspace into `outDir` (a fresh directory); returns how many TypeScript files it compiled.
 * The browser workspaces (Vite, in processes of their own) build while the Node workspaces compile and
 * bundle: on two cores a first build takes the longer of the two rather than their sum.
 */
async function compileInto(repoRoot: string, outDir: string, inputs: BuildInputs): Promise<number> {
  const bundled = inputs.workspaces.filter((workspace) => isBundled(repoRoot, workspace));
  const inBundled = inWorkspaces(bundled);
  const sources = inputs.files.filter((file) => !ROOT_INPUTS.has(file) && isTypeScript(file) && !inBundled(file));
  mkdirSync(outDir, { recursive: true });
  // Both settle before a failure is reported: the caller removes `outDir`, which neither may still be writing.
  const results = await Promise.allSettled([
    Promise.all(bundled.map((workspace) => bundleInto(repoRoot, outDir, workspace))),
    compileForNode(repoRoot, outDir, inputs, sources, bundled),
  ]);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  return sources.length;
}

/** The Node workspaces: assets copied, TypeScript compiled by swc, the workspace links, then the bundles. */
async function compileForNode(
  repoRoot: string,
  outDir: string,
  inputs: BuildInputs,
  sources: readonly string[],
  bundled: readonly string[],
): Promise<void> {
  const options = swcOptions(repoRoot);
  const inBundled = inWorkspaces(bundled);
  for (const file of inputs.files) {
    if (ROOT_INPUTS.has(file) || isTypeScript(file) || file.endsWith('.d.ts') || inBundled(file)) continue;
    const target = join(outDir, file);
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('/package.json')) writeFileSync(target, compiledPackageJson(readFileSync(join(repoRoot, file), 'utf8')));
    else cpSync(join(repoRoot, file), target);
  }
  // swc compiles on its own threads: a few files in flight keep them busy without opening every file at once.
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < sources.length) await compileOne(repoRoot, outDir, sources[next++]!, options);
    }),
  );
  writeFileSync(join(outDir, 'source-maps.js'), SOURCE_MAPS_CODE);
  // The workspace links, as npm makes them in node_modules/@labour, but to the compiled packages.
  for (const workspace of inputs.workspaces.filter((w) => !bundled.includes(w))) {
    const manifest = join(repoRoot, workspace, 'package.json');
    if (!existsSync(manifest)) continue;
    const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
    if (!name) continue;
    const link = join(outDir, 'node_modules', ...name.split('/'));
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), join(outDir, workspace)), link, 'dir');
  }
  await bundleServices(
    outDir,
    bundledEntries(
      repoRoot,
      inputs.workspaces.filter((w) => !bundled.includes(w)),
    ),
  );
}

/** What is bundled: each workspace's `src/main.ts` (a service), and the tracing preload where there is one. */
function bundledEntries(repoRoot: string, workspaces: readonly string[]): string[] {
  return [...workspaces.map((workspace) => `${workspace}/src/main.ts`), TELEMETRY_ENTRY].filter((entry) =>
    existsSync(join(repoRoot, entry)),
  );
}

/**
 * Bundles the entries (compiled `.js` files in `outDir`) in place, see bundle-entries.ts. In a process of
 * its own, like Vite: Rolldown's native binding refuses values made in another JavaScript realm, such as
 * the ones a build started from a Jest test has.
 */
async function bundleServices(outDir: string, entries: readonly string[]): Promise<void> {
  if (entries.length === 0) return;
  try {
    await execFileAsync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'bundle-entries.ts'), outDir, ...entries], {
      cwd: join(__dirname, '..', '..'),
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const failed = error as Error & { stderr?: string; stdout?: string };
    throw new Error(`bundling failed\n${failed.stderr || failed.stdout || failed.message}`);
  }
}

/**
 * One build at a time per checkout (two launchers on two data directories may start together): a lock
 * file made with O_EXCL; a lock older than two minutes is a crashed build's and gets taken over.
 */
async function withBuildLock<T>(repoRoot: string, work: () => Promise<T>): Promise<T> {
  const lock = join(repoRoot, `.${BUILD_DIR}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`Another build holds ${lock}; delete it if no build is running`);
      else await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Builds dist/ unless it is current. The new build is written beside it and swapped in only when every
 * file compiled: a failed build (a syntax error, named with its file) leaves the previous dist/ as it was.
 */
export async function ensureBuilt(repoRoot: string, options: { force?: boolean } = {}): Promise<BuildResult> {
  const began = performance.now();
  if (!options.force && !isBuildStale(repoRoot)) return { built: false, compiled: 0, ms: performance.now() - began };
  return withBuildLock(repoRoot, async () => {
    // Built meanwhile by whoever held the lock.
    const inputs = buildInputs(repoRoot);
    if (!options.force && !isBuildStale(repoRoot, inputs)) return { built: false, compiled: 0, ms: performance.now() - began };
    const outDir = join(repoRoot, BUILD_DIR);
    const fresh = join(repoRoot, `.${BUILD_DIR}.new-${process.pid}`);
    const old = join(repoRoot, `.${BUILD_DIR}.old-${process.pid}`);
    rmSync(fresh, { recursive: true, force: true });
    let compiled: number;
    try {
      compiled = await compileInto(repoRoot, fresh, inputs);
      writeFileSync(
        join(fresh, STAMP),
        `${JSON.stringify({ fingerprint: inputs.fingerprint, builtAt: new Date().toISOString(), files: compiled }, null, 2)}\n`,
      );
    } catch (error) {
      rmSync(fresh, { recursive: true, force: true });
      throw new Error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(fresh, outDir);
    rmSync(old, { recursive: true, force: true });
    return { built: true, compiled, ms: performance.now() - began };
  });
}

/** Where the compiled build has a service's entry point: `gateway/src/main.ts` → `dist/gateway/src/main.js`. */
export function compiledEntry(entry: string): string {
  return `${BUILD_DIR}/${entry.replace(/\.ts$/, '.js')}`;
}
