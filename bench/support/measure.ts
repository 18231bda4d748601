import { Agent, request } from 'undici';
import { percentile } from './load';

/** One operation to time through the gateway, as one kind of caller. */
export interface Scenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Variables of the i-th request (warm-up included) instead of `variables`: e.g. a different enterprise each request. */
  variablesFor?: (i: number) => Record<string, unknown>;
  authorization: string;
  /** The caller is denied some fields (null + FORBIDDEN): errors in the answer are expected, not a failure. */
  errorsExpected?: boolean;
}

export interface Measurement {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
}

/**
 * Sends `requests` requests (after `warmup`) with `concurrency` in flight over keep-alive connections
 * to `url`, refusing to time an answer that has errors, and reports throughput and latency.
 */
export async function measure(
  url: string,
  scenario: Scenario,
  options: { requests: number; warmup: number; concurrency: number },
): Promise<Measurement> {
  const agent = new Agent({ connections: options.concurrency, pipelining: 1 });
  const fixedBody = JSON.stringify({ query: scenario.query, variables: scenario.variables });
  let sent = 0;
  let bytes = 0;
  const send = async () => {
    const body = scenario.variablesFor ? JSON.stringify({ query: scenario.query, variables: scenario.variablesFor(sent) }) : fixedBody;
    sent += 1;
    const response = await request(url, {
      method: 'POST',
      dispatcher: agent,
      body,
      headers: { 'content-type': 'application/json', authorization: scenario.authorization },
    });
    const text = await response.body.text();
    if (response.statusCode !== 200 || (!scenario.errorsExpected && text.includes('"errors"')))
      throw new Error(`${scenario.name}: ${response.statusCode} ${text.slice(0, 400)}`);
    bytes = text.length;
  };
  try {
    for (let i = 0; i < options.warmup; i += 1) await send();
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < options.requests) {
          next += 1;
          const t0 = performance.now();
          await send();
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = performance.now() - started;
    const sorted = latencies.sort((a, b) => a - b);
    return {
      name: scenario.name,
      requests: sorted.length,
      rps: (sorted.length / elapsed) * 1000,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      bytes,
    };
  } finally {
    await agent.close();
  }
}

export function printMeasurements(title: string, rows: Measurement[]): void {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say('');
  say(title);
  say(
    `${'scenario'.padEnd(44)}${'requests'.padStart(10)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'answer KiB'.padStart(12)}`,
  );
  for (const r of rows) {
    say(
      `${r.name.padEnd(44)}${String(r.requests).padStart(10)}${r.rps.toFixed(1).padStart(10)}${r.p50.toFixed(1).padStart(10)}${r.p99.toFixed(1).padStart(10)}${(r.bytes / 1024).toFixed(1).padStart(12)}`,
    );
  }
}
