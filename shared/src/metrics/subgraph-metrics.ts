import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { AccessLogWriteObserver } from '../access-log/access-log-writer';
import { Department } from '../context/principal';
import type { AccessOutcome, OutcomeCounter } from '../permissions/access-recorder';
import { LATENCY_BUCKETS } from './request-metrics';

const OUTCOMES: readonly AccessOutcome[] = ['GRANTED', 'MASKED', 'DENIED'];

/**
 * `permission_outcomes_total{provider, consumer, outcome}`: other departments' reads of this one's
 * SHARED, PERSONAL and RESTRICTED fields, one per field per record, the reads the access log records (its
 * rows group them by request, type, outcome and channel).
 * Counted in plain numbers (a read costs two property reads and an addition, no label lookup) and
 * handed to the counter when it is scraped.
 */
export function permissionOutcomes(registry: Registry, provider: Department): OutcomeCounter {
  const counts = Object.fromEntries(
    Object.values(Department).map((consumer) => [consumer, { GRANTED: 0, MASKED: 0, DENIED: 0 }]),
  ) as Record<Department, Record<AccessOutcome, number>>;
  new Counter({
    name: 'permission_outcomes_total',
    help: "Other departments' reads of this department's SHARED, PERSONAL and RESTRICTED fields, by provider, consumer and outcome (one per field per record read, as the access log records them)",
    labelNames: ['provider', 'consumer', 'outcome'],
    registers: [registry],
    collect() {
      this.reset();
      for (const consumer of Object.values(Department)) {
        if (consumer === provider) continue;
        for (const outcome of OUTCOMES) this.inc({ provider, consumer, outcome }, counts[consumer][outcome]);
      }
    },
  });
  return {
    count(consumer, outcome) {
      counts[consumer][outcome] += 1;
    },
  };
}

/** `access_log_write_duration_seconds{outcome}` per INSERT of the access-log writer, and `access_log_rows_written_total{outcome}`. */
export function accessLogWrites(registry: Registry): AccessLogWriteObserver {
  const duration = new Histogram({
    name: 'access_log_write_duration_seconds',
    help: 'Duration of each INSERT of the access-log writer (one batch of requests, re-chaining included), by outcome (ok, failed)',
    labelNames: ['outcome'],
    buckets: [...LATENCY_BUCKETS],
    registers: [registry],
  });
  const rows = new Counter({
    name: 'access_log_rows_written_total',
    help: 'Access-log rows (one per request, type, outcome and channel) written (ok) or not (failed: the requests were withheld)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const ok = { duration: duration.labels('ok'), rows: rows.labels('ok') };
  const failed = { duration: duration.labels('failed'), rows: rows.labels('failed') };
  ok.rows.inc(0);
  failed.rows.inc(0);
  return {
    written(seconds, count, success) {
      const children = success ? ok : failed;
      children.duration.observe(seconds);
      children.rows.inc(count);
    },
  };
}

/**
 * `channel_grants_age_seconds`: how long ago the subgraph last read its own outgoing sharing channels
 * (every CHANNEL_REFRESH_MS; past 30 s, other departments' shared fields fail closed). +Inf before the first read.
 */
export function channelGrantsAge(registry: Registry, lastSuccessAt: () => number | null, now: () => number = Date.now): void {
  new Gauge({
    name: 'channel_grants_age_seconds',
    help: 'Seconds since the sharing channels this department enforces were last read from its database (+Inf: never); over 30 s they fail closed',
    registers: [registry],
    collect() {
      const at = lastSuccessAt();
      this.set(at === null ? Infinity : Math.max(0, now() - at) / 1000);
    },
  });
}

/** What a connection pool says of itself (pg's Pool). */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
  readonly options: { readonly max?: number | undefined };
}

/**
 * `db_pool_connections{state="idle|in_use"}`, `db_pool_waiting_requests` and `db_pool_max_connections`
 * of the service's database pool, read when scraped.
 */
export function databasePool(registry: Registry, pool: PoolStats): void {
  new Gauge({
    name: 'db_pool_connections',
    help: "Connections of the service's database pool, by state (idle, in_use)",
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.labels('idle').set(pool.idleCount);
      this.labels('in_use').set(pool.totalCount - pool.idleCount);
    },
  });
  new Gauge({
    name: 'db_pool_waiting_requests',
    help: 'Queries waiting for a connection of the pool',
    registers: [registry],
    collect() {
      this.set(pool.waitingCount);
    },
  });
  new Gauge({
    name: 'db_pool_max_connections',
    help: 'The most connections the pool opens',
    registers: [registry],
    collect() {
      this.set(pool.options.max ?? 10);
    },
  });
}
