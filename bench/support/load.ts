import { Agent, request } from 'undici';

/** One request of a row: the JSON body sent to /graphql. */
export interface RequestBody {
  query: string;
  variables?: Record<string, unknown>;
}

export interface LoadOptions {
  /** Requests in flight, each on its own keep-alive connection. */
  connections: number;
  /** The timed part ends after this long, or after `maxRequests`, whichever comes first. */
  durationMs: number;
  maxRequests: number;
  /** Untimed requests first (connections opened, caches and JIT warm). */
  warmup: number;
  headers: Record<string, string>;
  /** Headers of connection `worker` on top of `headers` (e.g. a different caller's token per connection). */
  headersOf?: (worker: number) => Record<string, string>;
  /** Called just before the timed part starts and just after it ends (e.g. to read a process's CPU time). */
  onStart?: () => void;
  onEnd?: () => void;
}

export interface LoadResult {
  requests: number;
  elapsedMs: number;
  rps: number;
  p50: number;
  p99: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Sends one request and returns the parsed answer; a status other than 200 is an error. */
export async function post(url: string, body: RequestBody, headers: Record<string, string>, dispatcher?: Agent): Promise<unknown> {
  const response = await request(url, {
    method: 'POST',
    ...(dispatcher ? { dispatcher } : {}),
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/**
 * Closed-loop load: `connections` workers, each sending its next request as soon as the last one answered,
 * over the bodies in turn (body i goes to request i: identical requests with one body, a different one
 * each with many). Every answer must be HTTP 200 (the answers themselves are checked before, not here).
 */
export async function runLoad(url: string, bodies: readonly RequestBody[], options: LoadOptions): Promise<LoadResult> {
  if (bodies.length === 0) throw new Error('runLoad: no request bodies');
  const agent = new Agent({ connections: options.connections, pipelining: 1 });
  const payloads = bodies.map((body) => JSON.stringify(body));
  const headers = Array.from({ length: options.connections }, (_, worker) => ({
    'content-type': 'application/json',
    ...options.headers,
    ...options.headersOf?.(worker),
  }));
  let next = 0;
  const send = async (worker: number): Promise<void> => {
    const body = payloads[next % payloads.length]!;
    next += 1;
    const response = await request(url, { method: 'POST', dispatcher: agent, body, headers: headers[worker] });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`);
  };
  try {
    await Promise.all(
      Array.from({ length: options.connections }, async (_, worker) => {
        for (let i = worker; i < options.warmup; i += options.connections) await send(worker);
      }),
    );
    const latencies: number[] = [];
    let started = 0;
    options.onStart?.();
    const began = performance.now();
    const deadline = began + options.durationMs;
    await Promise.all(
      Array.from({ length: options.connections }, async (_, worker) => {
        while (started < options.maxRequests && performance.now() < deadline) {
          started += 1;
          const t0 = performance.now();
          await send(worker);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsedMs = performance.now() - began;
    options.onEnd?.();
    const sorted = latencies.sort((a, b) => a - b);
    return {
      requests: sorted.length,
      elapsedMs,
      rps: (sorted.length / elapsedMs) * 1000,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
    };
  } finally {
    await agent.close();
  }
}
