/** What `npm run bench:peers` prints: the table of its cells, the ratios, and the top frames of its CPU profiles. */
import { join } from 'node:path';
import type { LoadResult } from './load';
import { OPTIONS, say, selectedGateways, type Cell, type GatewayName, type Row } from './peers-options';
import { formatSummary, profileFile, readProfile, summariseProfile } from './top-frames';

/** A cell from its rounds: requests and CPU summed, p50 the median of the rounds' p50s, p99 the highest p99. */
export function combineRounds(measured: Array<{ result: LoadResult; gatewayCpuMs: number; subgraphCpuMs: number }>): Cell {
  const requests = measured.reduce((sum, m) => sum + m.result.requests, 0);
  const elapsedMs = measured.reduce((sum, m) => sum + m.result.elapsedMs, 0);
  const p50s = measured.map((m) => m.result.p50).sort((a, b) => a - b);
  const middle = p50s.length / 2;
  const p50 = p50s.length % 2 ? p50s[Math.floor(middle)]! : (p50s[middle - 1]! + p50s[middle]!) / 2;
  return {
    result: { requests, elapsedMs, rps: (requests / elapsedMs) * 1000, p50, p99: Math.max(...measured.map((m) => m.result.p99)) },
    gatewayCpuMs: measured.reduce((sum, m) => sum + m.gatewayCpuMs, 0) / requests,
    subgraphCpuMs: measured.reduce((sum, m) => sum + m.subgraphCpuMs, 0) / requests,
  };
}

const fmt = (value: number | undefined, digits = 1): string => (value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits));

export function printTable(rows: Row[], cells: Map<string, Cell>, rss: Map<GatewayName, number>): void {
  say('');
  say(
    `${OPTIONS.connections} connections; ${OPTIONS.rounds} rounds per cell, alternating the gateways, each ${OPTIONS.durationMs / 1000} s or ${OPTIONS.maxRequests} requests after ${OPTIONS.warmup} warm-up; p50 the median of the rounds', p99 the highest; UNION COORDINATOR; demo data ×1; Node ${process.versions.node}`,
  );
  say(
    `${'row'.padEnd(10)}${'gateway'.padEnd(9)}${'requests'.padStart(9)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'gw CPU ms/req'.padStart(15)}${'subgraphs CPU ms/req'.padStart(22)}`,
  );
  for (const row of rows) {
    for (const gateway of selectedGateways) {
      const cell = cells.get(`${row.name}/${gateway}`);
      if (!cell) continue;
      if (cell.refused) {
        say(`${row.name.padEnd(10)}${gateway.padEnd(9)}  not timed: ${cell.refused}`);
        continue;
      }
      const r = cell.result!;
      say(
        `${row.name.padEnd(10)}${gateway.padEnd(9)}${String(r.requests).padStart(9)}${fmt(r.rps).padStart(9)}${fmt(r.p50).padStart(9)}${fmt(r.p99).padStart(9)}` +
          `${fmt(cell.gatewayCpuMs, 2).padStart(15)}${fmt(cell.subgraphCpuMs, 2).padStart(22)}`,
      );
    }
  }
  say('');
  say(
    `${'row'.padEnd(10)}${'project/hive req/s'.padStart(20)}${'project/stock req/s'.padStart(21)}${'project/hive CPU'.padStart(18)}${'project/stock CPU'.padStart(19)}`,
  );
  const ratio = (a: number | undefined, b: number | undefined): string =>
    a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`;
  for (const row of rows) {
    const of = (gateway: GatewayName) => cells.get(`${row.name}/${gateway}`);
    const [project, hive, stock] = [of('project'), of('hive'), of('stock')];
    say(
      `${row.name.padEnd(10)}${ratio(project?.result?.rps, hive?.result?.rps).padStart(20)}${ratio(project?.result?.rps, stock?.result?.rps).padStart(21)}` +
        `${ratio(project?.gatewayCpuMs, hive?.gatewayCpuMs).padStart(18)}${ratio(project?.gatewayCpuMs, stock?.gatewayCpuMs).padStart(19)}`,
    );
  }
  say('');
  say(`gateway RSS after its rounds: ${[...rss].map(([gateway, mib]) => `${gateway} ${mib.toFixed(0)} MiB`).join(', ')}`);
}

export function printProfiles(windows: Array<{ row: string; fromUs: number; toUs: number }>, names: string[]): void {
  if (!OPTIONS.cpuProf) return;
  for (const name of names) {
    let file: string;
    try {
      file = profileFile(join(OPTIONS.cpuProf, name));
    } catch (error) {
      say(`${name}: ${(error as Error).message}`);
      continue;
    }
    const profile = readProfile(file);
    const timed = summariseProfile(profile, 15, windows);
    say('');
    if (timed.profiledMs > 0) say(formatSummary(`${name} (${file}), timed parts of ${windows.map((w) => w.row).join(', ')}`, timed));
    // No sample within the timed parts: the profile's clock is not this machine's monotonic one after all.
    else say(formatSummary(`${name} (${file}), whole life (start-up included)`, summariseProfile(profile, 15)));
  }
}
