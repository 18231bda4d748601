/**
 * `npm run bench:trusted-documents`: what a registered (trusted) document saves per request, side by side in
 * one run, through the real gateway over the four subgraphs on a throwaway PostgreSQL (demo data ×1):
 * - (a) free-form, new text each request (a comment line numbered per request): Apollo parses and validates,
 *   and the operation limits' rules run again, every time;
 * - (b) free-form, the same text every request: Apollo's document store has it parsed and validated;
 * - (c) the registered document by `documentId`: its text swapped in, its syntax tree parsed and validated once, at load.
 * Each for a small operation (one enterprise's name) and a large one (the enterprise dossier, all four departments),
 * one request at a time, the three interleaved round by round so that load on the shared machine falls on all alike;
 * medians and ratios. Then, in process, the parse + validate time of each registered document against the API schema.
 *
 *   npm run bench:trusted-documents     # BENCH_ROUNDS=300 BENCH_WARMUP=30
 *
 * Loopback only; every count is bounded. Machines here are shared: compare figures of one run.
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { startStack } from '@labour/testing/stack';
import { makeTempDir } from '@labour/testing/temp-dir';
import { startTestCluster, stopTestCluster } from '@labour/testing/test-cluster';
import { testToken } from '@labour/testing/tokens';
import { parse, specifiedRules, validate } from 'graphql';
import { Agent, request } from 'undici';
import { documentIdOf, loadTrustedDocuments } from '../gateway/src/trusted-documents/trusted-documents';
import { percentile } from './support/load';
import { ENTERPRISE_DOSSIER } from './support/scenarios';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 300);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 30);
const IN_PROCESS_RUNS = 200;

const NAME_ONLY = 'query EnterpriseName($creditCode: String!) {\n  enterprise(creditCode: $creditCode) {\n    name\n  }\n}\n';
const DOCUMENTS = { 'enterprise name': NAME_ONLY, 'enterprise dossier': `${ENTERPRISE_DOSSIER.trim()}\n` };
const MODES = ['(a) free-form, new text', '(b) free-form, same text', '(c) documentId'] as const;
type Mode = (typeof MODES)[number];

const say = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

function bodyOf(mode: Mode, text: string, i: number): string {
  const variables = { creditCode: STORY_ENTERPRISES.constructionArrears };
  if (mode === '(c) documentId') return JSON.stringify({ documentId: documentIdOf(text), variables });
  return JSON.stringify({ query: mode === '(a) free-form, new text' ? `# request ${i}\n${text}` : text, variables });
}

async function throughGateway(registry: string): Promise<void> {
  const stack = await startStack({ demo: true, trustedDocuments: { dir: registry, exemptKids: [] } });
  const agent = new Agent({ connections: 1, pipelining: 1 });
  const authorization = `Bearer ${testToken({ department: Department.HR_BUREAU, roles: [Role.CASEWORKER], ttlSeconds: 3600 })}`;
  try {
    const send = async (body: string): Promise<{ ms: number; cpuMs: number }> => {
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      const response = await request(stack.gatewayUrl, {
        method: 'POST',
        dispatcher: agent,
        body,
        headers: { 'content-type': 'application/json', authorization },
      });
      const text = await response.body.text();
      const ms = performance.now() - t0;
      const used = process.cpuUsage(cpu);
      // The caseworker is denied some other departments' fields (null + FORBIDDEN): expected; anything else is not.
      const errors = (JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> }).errors ?? [];
      if (response.statusCode !== 200 || errors.some((error) => error.extensions?.code !== 'FORBIDDEN'))
        throw new Error(`${response.statusCode} ${text.slice(0, 400)}`);
      return { ms, cpuMs: (used.user + used.system) / 1000 };
    };
    say(
      `\nthrough the gateway (demo data ×1), one request at a time, ${ROUNDS} rounds after ${WARMUP} warm-up, ` +
        `Node ${process.versions.node}`,
    );
    say(`${'operation'.padEnd(22)}${'mode'.padEnd(28)}${'p50 ms'.padStart(9)}${'CPU ms p50'.padStart(12)}${'p50 vs (c)'.padStart(12)}`);
    for (const [label, text] of Object.entries(DOCUMENTS)) {
      const latency = new Map<Mode, number[]>(MODES.map((mode) => [mode, []]));
      const cpu = new Map<Mode, number[]>(MODES.map((mode) => [mode, []]));
      let n = 0;
      for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
        for (const mode of MODES) {
          const { ms, cpuMs } = await send(bodyOf(mode, text, n++));
          if (round >= WARMUP) {
            latency.get(mode)!.push(ms);
            cpu.get(mode)!.push(cpuMs);
          }
        }
      }
      const byId = median(latency.get('(c) documentId')!);
      for (const mode of MODES) {
        const p50 = median(latency.get(mode)!);
        say(
          label.padEnd(22) +
            mode.padEnd(28) +
            p50.toFixed(2).padStart(9) +
            median(cpu.get(mode)!).toFixed(2).padStart(12) +
            `×${(p50 / byId).toFixed(2)}`.padStart(12),
        );
      }
    }
    say('(CPU: this process, which runs the gateway and the four subgraphs; PostgreSQL is outside it)');
  } finally {
    await agent.close();
    await stack.stop();
  }
}

/** Parse + validate of each registered document against the API schema, as Apollo does for a text it has not seen. */
function inProcess(registry: string): void {
  const schema = Supergraph.build(readFileSync(join(__dirname, '..', 'gateway', 'supergraph.graphql'), 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();
  say(`\nin process: parse + validate against the API schema, median of ${IN_PROCESS_RUNS} after 20 warm-up`);
  say(`${'document'.padEnd(60)}${'chars'.padStart(7)}${'parse µs'.padStart(10)}${'validate µs'.padStart(13)}`);
  for (const document of loadTrustedDocuments(registry).byId.values()) {
    const parseUs: number[] = [];
    const validateUs: number[] = [];
    for (let i = 0; i < IN_PROCESS_RUNS + 20; i += 1) {
      const t0 = performance.now();
      const parsed = parse(document.text);
      const t1 = performance.now();
      const errors = validate(schema, parsed, specifiedRules);
      const t2 = performance.now();
      if (errors.length > 0) throw new Error(`${document.file}: ${errors[0]!.message}`);
      if (i >= 20) {
        parseUs.push((t1 - t0) * 1000);
        validateUs.push((t2 - t1) * 1000);
      }
    }
    say(
      document.file.padEnd(60) +
        String(document.text.length).padStart(7) +
        median(parseUs).toFixed(0).padStart(10) +
        median(validateUs).toFixed(0).padStart(13),
    );
  }
}

async function main(): Promise<void> {
  const dir = makeTempDir('bench-trusted-documents');
  // The two operations of the gateway runs, registered beside the committed registry's documents.
  const registry = join(dir.path, 'trusted-documents');
  const committed = join(__dirname, '..', 'gateway', 'trusted-documents');
  for (const system of ['hr-enterprise-file', 'union-mediation']) {
    mkdirSync(join(registry, system), { recursive: true });
    for (const file of ['system.json', ...loadTrustedDocumentsFiles(committed, system)])
      writeFileSync(join(registry, system, file), readFileSync(join(committed, system, file)));
  }
  mkdirSync(join(registry, 'bench'), { recursive: true });
  writeFileSync(join(registry, 'bench', 'system.json'), '{"department":"HR_BUREAU"}');
  writeFileSync(join(registry, 'bench', 'EnterpriseName.graphql'), DOCUMENTS['enterprise name']);
  writeFileSync(join(registry, 'bench', 'EnterpriseDossier.graphql'), DOCUMENTS['enterprise dossier']);
  inProcess(registry);
  say('\nstarting a throwaway PostgreSQL …');
  const cluster = await startTestCluster();
  process.env['TEST_PG_URL'] = cluster.server.url('postgres');
  try {
    await throughGateway(registry);
  } finally {
    await stopTestCluster(cluster);
    dir.remove();
  }
}

/** The .graphql files of one committed system's folder. */
function loadTrustedDocumentsFiles(dir: string, system: string): string[] {
  return [...loadTrustedDocuments(dir).byId.values()].filter((d) => d.system.name === system).map((d) => d.file.split('/')[1]!);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
