/**
 * `npm run bench:console`: what the web console costs a browser.
 *
 * (a) Its JavaScript, from the build's manifest (`dist/console/.vite/manifest.json`, built first when
 *     stale): the entry chunk and every chunk it imports statically (what loads before any screen that is
 *     loaded lazily), raw and gzipped (zlib, level 9), against the budget of 500 kB gzipped; then each lazily
 *     loaded chunk (a screen given as `lazy(() => import(...))`, GraphiQL, the charts) with what it adds.
 * (b) The meeting screen's render time: the whole stack with the demo data in-process on loopback (a
 *     throwaway PostgreSQL), the console in Debian's Chromium (CHROMIUM_PATH), signed in as the union's
 *     COORDINATOR; one meeting is opened BENCH_OPENS times (default 20, after 2 not counted), each time
 *     reading the `meeting:render` measure the meetings screen sets (performance.measure), and its
 *     p50, p95 and max are printed. Without that measure the run says "no measure yet".
 *
 *   npm run bench:console
 *   BENCH_OPENS=50 npm run bench:console
 *   BENCH_RENDER=0 npm run bench:console     # the sizes only (no PostgreSQL, no browser)
 *
 * Exit code 1 when the JavaScript loaded before any lazy screen is over its budget. Everything it starts
 * (PostgreSQL, the services, the browser) it stops, also when it fails.
 */
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Department, Role } from '@labour/shared';
import { ensureBuilt } from '../scripts/lib/build';
import { CONSOLE_DIR, signInAs, startConsoleStack, type ConsoleStack } from '@labour/testing/browser';
import { startTestCluster, stopTestCluster } from '@labour/testing/test-cluster';

const REPO_ROOT = resolve(__dirname, '..');
/** What may load before any lazily loaded screen: gzipped bytes. */
export const INITIAL_BUDGET_GZIP_BYTES = 500 * 1000;
const OPENS = Number(process.env['BENCH_OPENS'] ?? 20);
const WARMUP = 2;
/** How long one opening of the meeting may take to set its measure before the run gives up on it. */
const MEASURE_WAIT_MS = 15_000;

/** One chunk of Vite's build manifest (`build.manifest: true`). */
interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface Size {
  raw: number;
  gzip: number;
}

const sizeCache = new Map<string, Size>();
function sizeOf(file: string): Size {
  if (!sizeCache.has(file)) {
    const bytes = readFileSync(join(CONSOLE_DIR, file));
    sizeCache.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizeCache.get(file)!;
}

/** A chunk's key and every chunk it imports statically, transitively. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

const total = (files: Iterable<string>): Size => {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const size = sizeOf(file);
    raw += size.raw;
    gzip += size.gzip;
  }
  return { raw, gzip };
};
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const row = (label: string, size: Size) => `  ${label.padEnd(58)} ${kB(size.raw).padStart(11)} ${kB(size.gzip).padStart(11)}`;

/** Prints the sizes; false when what loads first is over its budget. */
function reportSizes(): boolean {
  const manifestPath = join(CONSOLE_DIR, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: the console's vite.config.ts must set build.manifest`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (entries.length === 0) throw new Error(`${manifestPath} names no entry chunk`);
  const initialKeys = new Set<string>();
  for (const entry of entries) staticClosure(manifest, entry, initialKeys);
  const jsOf = (keys: Iterable<string>) => [...keys].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
  const initialFiles = jsOf(initialKeys);

  console.log('console JavaScript (dist/console), raw and gzipped:');
  console.log(`  ${'chunk'.padEnd(58)} ${'raw'.padStart(11)} ${'gzip'.padStart(11)}`);
  console.log('  before any lazy screen (the entry and its static imports):');
  for (const file of initialFiles.sort()) console.log(row(`  ${file}`, sizeOf(file)));
  const initial = total(initialFiles);
  console.log(row('  total', initial));
  const withinBudget = initial.gzip <= INITIAL_BUDGET_GZIP_BYTES;
  console.log(
    `  budget ${kB(INITIAL_BUDGET_GZIP_BYTES)} gzipped: ${withinBudget ? 'within' : 'OVER'} (${((initial.gzip / INITIAL_BUDGET_GZIP_BYTES) * 100).toFixed(0)} %)`,
  );

  const lazyKeys = Object.keys(manifest).filter((key) => manifest[key]!.isDynamicEntry && !initialKeys.has(key));
  console.log(`  loaded lazily (${lazyKeys.length} chunks; each with what it adds to the above):`);
  const lazyFiles = new Set<string>();
  for (const key of lazyKeys.sort()) {
    const adds = jsOf([...staticClosure(manifest, key)].filter((k) => !initialKeys.has(k)));
    for (const file of adds) lazyFiles.add(file);
    console.log(row(`  ${manifest[key]!.src ?? key}`, total(adds)));
  }
  console.log(row('  total lazily loaded (each chunk once)', total(lazyFiles)));
  const css = [...new Set(Object.values(manifest).flatMap((chunk) => chunk.css ?? []))];
  console.log(row('  stylesheets (all)', total(css)));
  return withinBudget;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Opens one meeting OPENS times (each a fresh load of its page) and reads the screen's own measure. */
async function reportMeetingRender(): Promise<void> {
  const cluster = await startTestCluster();
  process.env['TEST_PG_URL'] = cluster.server.url('postgres');
  let consoleStack: ConsoleStack | undefined;
  try {
    consoleStack = await startConsoleStack({ demo: true });
    const listed = await consoleStack.stack.query<{ jointMeetings: Array<{ id: string }> }>('{ jointMeetings(first: 1) { id } }');
    const id = listed.body.data?.jointMeetings[0]?.id;
    if (!id) throw new Error(`no meeting in the demo data: ${JSON.stringify(listed.body.errors)}`);
    const page = await consoleStack.newPage();
    await signInAs(page, { department: Department.UNION, roles: [Role.COORDINATOR], name: '王协调' });

    const durations: number[] = [];
    for (let open = 0; open < WARMUP + OPENS; open += 1) {
      await page.goto(`/meetings/${encodeURIComponent(id)}`);
      const measured = await page
        // A function, not a string: the console's Content-Security-Policy refuses the eval a string predicate needs.
        .waitForFunction(() => performance.getEntriesByName('meeting:render').length > 0, undefined, { timeout: MEASURE_WAIT_MS })
        .then(() => page.evaluate("performance.getEntriesByName('meeting:render').at(-1).duration") as Promise<number>)
        .catch(() => null);
      if (measured === null) {
        console.log(
          `meeting screen render (meeting:render): no measure yet (none within ${MEASURE_WAIT_MS / 1000} s of opening /meetings/${id})`,
        );
        return;
      }
      if (open >= WARMUP) durations.push(measured);
    }
    const sorted = [...durations].sort((a, b) => a - b);
    console.log(
      `meeting screen render (meeting:render), ${OPENS} openings of /meetings/${id} as the union's COORDINATOR: ` +
        `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
    );
    if (consoleStack.outsideRequests.length > 0)
      throw new Error(`the console reached outside the platform: ${consoleStack.outsideRequests.join(', ')}`);
  } finally {
    await consoleStack?.stop();
    await stopTestCluster(cluster);
  }
}

async function main(): Promise<void> {
  const build = await ensureBuilt(REPO_ROOT);
  if (build.built) console.log(`built dist/ (with dist/console) in ${(build.ms / 1000).toFixed(1)} s`);
  const withinBudget = reportSizes();
  if (process.env['BENCH_RENDER'] !== '0') await reportMeetingRender();
  if (!withinBudget) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
