/**
 * The functions a V8 CPU profile (`node --cpu-prof`, a `.cpuprofile` file) spent the most self time in.
 *
 *   node -r @swc-node/register bench/support/top-frames.ts <file.cpuprofile | dir> [count=15]
 *
 * A directory: its newest `.cpuprofile`. Self time of a sample is the time until the next sample (as
 * Chrome DevTools counts it); a function is its name, file and line, however many call paths reach it.
 * `(idle)` (waiting for I/O) is left out of the ranking and of the percentages; `(garbage collector)` and
 * `(program)` (V8 itself) are kept.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Frame {
  function: string;
  /** `url:line`, the line 1-based; shortened to the path inside the repository or node_modules. */
  location: string;
  selfMs: number;
  /** Share of the busy (not idle) time. */
  percent: number;
}

export interface ProfileSummary {
  profiledMs: number;
  busyMs: number;
  top: Frame[];
}

function shortUrl(url: string): string {
  if (url === '') return '(native)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + '/node_modules/'.length);
  const repo = /\/(shared|gateway|subgraphs|scripts|bench|test)\//.exec(path);
  return repo ? path.slice(repo.index + 1) : path;
}

/**
 * A span of the profiled process's life, in microseconds of the monotonic clock: V8 stamps a profile's
 * `startTime` with it, and `process.hrtime.bigint() / 1000n` reads it in any process of the machine.
 */
export interface Window {
  fromUs: number;
  toUs: number;
}

/** The top `count` functions by self time; with `windows`, of the samples taken within them only. */
export function summariseProfile(profile: CpuProfile, count = 15, windows?: readonly Window[]): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<string, { fn: string; location: string; us: number }>();
  let idleUs = 0;
  let totalUs = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    at += profile.timeDeltas[i] ?? 0;
    // The time until the next sample; the last one runs until the profile's end.
    const us = i + 1 < profile.samples.length ? (profile.timeDeltas[i + 1] ?? 0) : Math.max(0, profile.endTime - at);
    if (windows && !windows.some((w) => at >= w.fromUs && at < w.toUs)) continue;
    const node = byId.get(profile.samples[i]!);
    if (!node || us <= 0) continue;
    totalUs += us;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const location = `${shortUrl(url)}:${lineNumber + 1}`;
    const key = `${functionName}\u0000${location}`;
    const entry = selfUs.get(key) ?? { fn: functionName || '(anonymous)', location, us: 0 };
    entry.us += us;
    selfUs.set(key, entry);
  }
  const busyUs = totalUs - idleUs;
  const top = [...selfUs.values()]
    .sort((a, b) => b.us - a.us || a.location.localeCompare(b.location))
    .slice(0, count)
    .map((entry) => ({
      function: entry.fn,
      location: entry.location,
      selfMs: entry.us / 1000,
      percent: busyUs > 0 ? (entry.us / busyUs) * 100 : 0,
    }));
  return { profiledMs: totalUs / 1000, busyMs: busyUs / 1000, top };
}

export function formatSummary(title: string, summary: ProfileSummary): string {
  const lines = [`${title}: ${summary.busyMs.toFixed(0)} ms busy of ${summary.profiledMs.toFixed(0)} ms profiled`];
  lines.push(`${'self ms'.padStart(9)}${'%'.padStart(7)}  function (url:line)`);
  for (const frame of summary.top) {
    lines.push(`${frame.selfMs.toFixed(1).padStart(9)}${frame.percent.toFixed(1).padStart(7)}  ${frame.function} (${frame.location})`);
  }
  return lines.join('\n');
}

/** The profile file itself, or the newest `.cpuprofile` in a directory. */
export function profileFile(path: string): string {
  if (!statSync(path).isDirectory()) return path;
  const files = readdirSync(path)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(path, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (files.length === 0) throw new Error(`${path}: no .cpuprofile file in it`);
  return files[0]!;
}

export function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

if (require.main === module) {
  const [path, count] = process.argv.slice(2);
  if (!path) {
    process.stderr.write('usage: top-frames.ts <file.cpuprofile | dir> [count=15]\n');
    process.exit(2);
  }
  const file = profileFile(path);
  process.stdout.write(`${formatSummary(file, summariseProfile(readProfile(file), Number(count ?? 15)))}\n`);
}
