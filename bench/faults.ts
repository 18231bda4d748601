/**
 * `npm run bench:faults`: what one department's fault costs the others. The real launcher (`npm start`
 * on a throwaway data directory) runs PostgreSQL and the four subgraphs; in front of them a gateway with
 * its default timeout and breakers, each subgraph behind a loopback fault proxy. Bounded load (the
 * enterprise dossier, a different enterprise each request, and the joint meeting's merged view) runs
 * while, in turn, the court subgraph is frozen (SIGSTOP), killed (SIGKILL, the launcher restarts it),
 * PostgreSQL is killed (SIGKILL, the launcher restarts it), and the court answers 2 s late. For each it
 * prints the share of requests answered with data, p99 during the fault, the requests that lost another
 * department's data, the time until answers are whole again (after the fault ends; after the kill for
 * the kills, whose end is the launcher's restart), and acknowledged writes lost.
 *
 *   npm run bench:faults     # FAULT_SECONDS=15 BENCH_CONCURRENCY=4
 *
 * Loopback only, bounded in time; every process it starts is stopped by its own pid.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_AUDIENCE, DEFAULT_GUARD_SETTINGS, Department, listen, mintToken, Role } from '@labour/shared';
import pino from 'pino';
import { createGatewayServer } from '../gateway/src/create-gateway';
import { devKeyFiles, readDevIdpKey } from '../scripts/lib/dev-signing-key';
import { findFreePort } from '../scripts/lib/ports';
import { postmasterPid, recoverStalePostmaster } from '../scripts/lib/postmaster-pid';
import { startFaultProxy, type FaultProxy } from '@labour/testing/fault-proxy';
import { postGraphQL } from '@labour/testing/graphql-client';
import { childRunning } from '@labour/testing/processes';
import { compiledEntry } from '../scripts/lib/build';
import { makeTempDir } from '@labour/testing/temp-dir';

const REPO_ROOT = resolve(__dirname, '..');
const FAULT_MS = Number(process.env['FAULT_SECONDS'] ?? 15) * 1000;
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 4);
const RECOVERY_CAP_MS = 60_000;

/** Which department each field of the bench's queries comes from. */
const FIELD_DEPARTMENT: Record<string, Department> = {
  name: Department.HR_BUREAU,
  wageArrearsAlerts: Department.HR_BUREAU,
  unionOrganization: Department.UNION,
  mediationCases: Department.UNION,
  lawsuits: Department.COURT,
  enforcementCases: Department.COURT,
  legalAidCases: Department.JUSTICE,
  peopleMediationCases: Department.JUSTICE,
};
const DOSSIER = `query Dossier($creditCode: String!) { enterprise(creditCode: $creditCode) {
  creditCode name wageArrearsAlerts { project amountOwed } unionOrganization { name } mediationCases { caseNo status }
  lawsuits { caseNo stage } enforcementCases { caseNo status } legalAidCases { caseNo status } peopleMediationCases { caseNo status } } }`;
const MEETING = `query Meeting { jointMeetings(status: PLANNED) { id agenda { position enterprise { creditCode name
  lawsuits { caseNo stage } mediationCases { caseNo status } legalAidCases { caseNo status } } } } }`;

type Json = any;

/** Each department's part of an answer, as text: its fields wherever they are, with their paths. */
function partsOf(data: Json): Record<Department, string> {
  const parts = { HR_BUREAU: [], UNION: [], COURT: [], JUSTICE: [] } as Record<Department, string[]>;
  const walk = (value: Json, path: string): void => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${path}.${i}`));
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      const department = FIELD_DEPARTMENT[key];
      if (department) parts[department].push(`${path}.${key}=${JSON.stringify(inner)}`);
      else walk(inner, `${path}.${key}`);
    }
  };
  walk(data, '');
  return Object.fromEntries(Object.entries(parts).map(([d, list]) => [d, list.join('|')])) as Record<Department, string>;
}

interface Sample {
  startedAt: number;
  ms: number;
  withData: boolean;
  whole: boolean;
  lostOther: boolean;
}

interface Fault {
  name: string;
  /** The department at fault; null when every department is (one PostgreSQL serves the four here). */
  department: Department | null;
  /** A kill ends when the launcher has restarted what it killed: whole answers are timed from the kill. */
  kill: boolean;
  start(): void;
  end(): void;
}

async function main(): Promise<void> {
  const temp = makeTempDir('bench-faults');
  const dataDir = join(temp.path, 'data');
  const ports: Record<string, string> = {};
  for (const v of ['PG_PORT', 'GATEWAY_PORT', 'HR_BUREAU_PORT', 'UNION_PORT', 'COURT_PORT', 'JUSTICE_PORT'])
    ports[v] = String(await findFreePort());
  let output = '';
  const launcher = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/start.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...ports, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // When the launcher reports a restarted service or PostgreSQL ready again: "after the restart" is timed from there.
  const readyAgain: number[] = [];
  launcher.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (/ is ready again/.test(chunk.toString())) readyAgain.push(performance.now());
  });
  launcher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const proxies = new Map<string, FaultProxy>();
  let stopGateway = async () => {};
  try {
    const began = Date.now();
    while (!output.includes('all services ready')) {
      if (launcher.exitCode !== null || Date.now() - began > 180_000) throw new Error(`the launcher did not start:\n${output}`);
      await sleep(100);
    }
    process.stdout.write(`npm start: every service ready in ${((Date.now() - began) / 1000).toFixed(1)} s\n`);
    const subgraphPort: Record<string, string> = {
      'hr-bureau': ports['HR_BUREAU_PORT']!,
      union: ports['UNION_PORT']!,
      court: ports['COURT_PORT']!,
      justice: ports['JUSTICE_PORT']!,
    };
    for (const [name, port] of Object.entries(subgraphPort)) proxies.set(name, await startFaultProxy(`http://127.0.0.1:${port}/graphql`));
    const jwks = JSON.parse(readFileSync(devKeyFiles(dataDir).jwks, 'utf8'));
    const gateway = await createGatewayServer(
      {
        supergraphPath: join(REPO_ROOT, 'gateway', 'supergraph.graphql'),
        subgraphUrls: Object.fromEntries([...proxies].map(([n, p]) => [n, p.url])),
        auth: { jwks, audience: DEFAULT_AUDIENCE },
      },
      pino({ level: 'silent' }),
    );
    const listening = await listen(gateway.app, 0, '127.0.0.1');
    stopGateway = async () => {
      await listening.close();
      await gateway.stop();
    };
    const mint = (department: Department, role: Role) =>
      mintToken(readDevIdpKey(dataDir, department), {
        sub: `bench:${role}`,
        name: '压测',
        department,
        roles: [role],
        aud: DEFAULT_AUDIENCE,
        ttlSeconds: 3600,
      });
    const reader = { authorization: `Bearer ${await mint(Department.UNION, Role.COORDINATOR)}` };
    const writer = { authorization: `Bearer ${await mint(Department.HR_BUREAU, Role.CASEWORKER)}` };
    const ask = (query: string, variables?: Json, headers = reader) => postGraphQL(listening.url, query, variables, headers);

    const codes: string[] = (await ask('{ enterprises(first: 40) { nodes { creditCode } } }')).body.data.enterprises.nodes.map(
      (n: Json) => n.creditCode,
    );
    const baseline = new Map<string, Record<Department, string>>();
    for (const code of codes) baseline.set(code, partsOf((await ask(DOSSIER, { creditCode: code })).body.data));
    const meetingBaseline = partsOf((await ask(MEETING)).body.data);

    /** One request of the load, judged against the answer before any fault. */
    let turn = 0;
    async function oneRequest(faulted: Department | null): Promise<Sample> {
      turn += 1;
      const meeting = turn % 5 === 0;
      const code = codes[turn % codes.length]!;
      const startedAt = performance.now();
      const { body } = await ask(meeting ? MEETING : DOSSIER, meeting ? undefined : { creditCode: code }).catch(() => ({
        body: {} as Json,
      }));
      const ms = performance.now() - startedAt;
      const root = meeting ? body?.data?.jointMeetings : body?.data?.enterprise;
      const expected = meeting ? meetingBaseline : baseline.get(code)!;
      const parts = root ? partsOf(body.data) : null;
      const others = (Object.keys(expected) as Department[]).filter((d) => d !== faulted);
      return {
        startedAt,
        ms,
        withData: Boolean(root),
        whole: Boolean(parts && !body.errors),
        lostOther: faulted !== null && (!parts || others.some((d) => parts[d] !== expected[d])),
      };
    }

    /** Sequential updates through the gateway: what was acknowledged must be there afterwards. */
    const writeTarget = codes[1]!;
    const UPDATE = 'mutation ($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { employeeCount version } }';
    const READ = `{ enterprise(creditCode: "${writeTarget}") { employeeCount version } }`;

    const faults: Fault[] = [
      {
        name: 'court frozen (SIGSTOP)',
        department: Department.COURT,
        kill: false,
        start() {
          process.kill(courtPid(), 'SIGSTOP');
        },
        end() {
          process.kill(courtPid(), 'SIGCONT');
        },
      },
      {
        name: 'court killed (SIGKILL)',
        department: Department.COURT,
        kill: true,
        start() {
          process.kill(courtPid(), 'SIGKILL');
        },
        end() {},
      },
      {
        name: 'PostgreSQL killed (SIGKILL)',
        department: null,
        kill: true,
        start() {
          process.kill(postmasterPid(join(dataDir, 'pg'))!, 'SIGKILL');
        },
        end() {},
      },
      {
        name: 'court slow (2 s a request)',
        department: Department.COURT,
        kill: false,
        start() {
          proxies.get('court')!.set({ kind: 'slow', delayMs: 2_000 });
        },
        end() {
          proxies.get('court')!.set({ kind: 'pass' });
        },
      },
    ];
    function courtPid(): number {
      return childRunning(launcher.pid!, compiledEntry('subgraphs/court/src/main.ts'));
    }

    const rows: string[] = [];
    for (const fault of faults) {
      const samples: Sample[] = [];
      let running = true;
      let acknowledged: { employeeCount: number } | null = null;
      const writes = (async () => {
        while (running) {
          const current = (await ask(READ, undefined, writer).catch(() => null))?.body?.data?.enterprise;
          if (!current) {
            await sleep(100);
            continue;
          }
          const answer = await ask(
            UPDATE,
            { input: { creditCode: writeTarget, version: current.version, employeeCount: current.employeeCount + 1 } },
            writer,
          ).catch(() => null);
          const done = answer?.body?.data?.updateEnterprise;
          if (done) acknowledged = { employeeCount: done.employeeCount };
          else await sleep(100);
        }
      })();
      const faultStart = performance.now();
      fault.start();
      const loops = Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() - faultStart < FAULT_MS) samples.push(await oneRequest(fault.department));
      });
      await Promise.all(loops);
      fault.end();
      const faultEnd = performance.now();
      // Whole answers again: from the end of the last answer that was not whole, once five in a row are.
      const after: Sample[] = [];
      let inARow = 0;
      while (inARow < 5 && performance.now() - faultEnd < RECOVERY_CAP_MS) {
        const sample = await oneRequest(null);
        after.push(sample);
        inARow = sample.whole ? inARow + 1 : 0;
        if (!sample.whole) await sleep(50);
      }
      const lastBroken = Math.max(
        ...[...samples, ...after].filter((x) => !x.whole).map((x) => x.startedAt + x.ms),
        Number.NEGATIVE_INFINITY,
      );
      const reference = fault.kill ? faultStart : faultEnd;
      const recoveredMs = inARow < 5 ? Number.NaN : Math.max(0, lastBroken - reference);
      const restartedAt = fault.kill ? readyAgain.find((at) => at > faultStart) : undefined;
      const afterRestart =
        restartedAt === undefined ? '' : ` (${(Math.max(0, lastBroken - restartedAt) / 1000).toFixed(1)} after the restart was ready)`;
      running = false;
      await writes;
      const stored = (await ask(READ, undefined, writer)).body.data?.enterprise;
      const lostWrites =
        acknowledged && stored ? Math.max(0, (acknowledged as { employeeCount: number }).employeeCount - stored.employeeCount) : 0;
      const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
      const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Number.NaN;
      const withData = samples.filter((s) => s.withData).length;
      const lost = samples.filter((s) => s.lostOther).length;
      rows.push(
        `| ${fault.name} | ${samples.length} | ${((100 * withData) / samples.length).toFixed(1)}% | ${p99.toFixed(0)} | ${fault.department ? lost : 'n/a (all four share it here)'} | ${(recoveredMs / 1000).toFixed(1)}${afterRestart} | ${lostWrites} |`,
      );
      // Let a breaker opened by the fault close before the next fault begins.
      await sleep(DEFAULT_GUARD_SETTINGS.halfOpenAfterMs + 500);
    }
    process.stdout.write(
      `\nfaults through a gateway with timeout ${DEFAULT_GUARD_SETTINGS.timeoutMs} ms, breaker after ${DEFAULT_GUARD_SETTINGS.failuresToOpen} failures, probe after ${DEFAULT_GUARD_SETTINGS.halfOpenAfterMs} ms; `,
    );
    process.stdout.write(`${CONCURRENCY} in flight, ${FAULT_MS / 1000} s a fault, Node ${process.versions.node}\n\n`);
    process.stdout.write(
      "| fault | requests | answered with data | p99 ms during | lost another department's data | whole answers again, s | acknowledged writes lost |\n",
    );
    process.stdout.write('| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n');
    for (const row of rows) process.stdout.write(`${row}\n`);
  } finally {
    await stopGateway();
    for (const proxy of proxies.values()) await proxy.close();
    if (launcher.exitCode === null) {
      const exited = new Promise((done) => launcher.once('exit', done));
      launcher.kill('SIGINT');
      await Promise.race([exited, sleep(30_000)]);
      if (launcher.exitCode === null) launcher.kill('SIGKILL');
    }
    await recoverStalePostmaster(join(dataDir, 'pg'), () => undefined).catch(() => undefined);
    temp.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
