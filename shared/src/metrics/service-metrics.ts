import { collectDefaultMetrics, Registry } from 'prom-client';
import type { AccessLogWriteObserver } from '../access-log/access-log-writer';
import type { Department } from '../context/principal';
import type { OutcomeCounter } from '../permissions/access-recorder';
import { DepartmentCallMetrics } from './department-call-metrics';
import { RequestMetrics } from './request-metrics';
import { accessLogWrites, channelGrantsAge, databasePool, permissionOutcomes, type PoolStats } from './subgraph-metrics';

export interface ServiceMetricsOptions {
  /** The service's name, a label on every series (`service="gateway"`). */
  service: string;
  /** Node's process metrics (CPU, memory, event loop, GC: prom-client's defaults); default on. */
  processMetrics?: boolean;
  /** Distinct operation names labelled by name before the rest count as `<other>`; default 200. */
  maxOperationNames?: number;
}

/**
 * The Prometheus metrics of one service: its own registry (a test runs five services in one process),
 * its GraphQL requests, and what the service adds (the gateway's subgraph fetches and breakers; a
 * subgraph's permission outcomes, access-log writes, channel age, database pool, calls to other departments).
 * Each part is made once, when the service wires it in; a service without metrics is given none and counts nothing.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: RequestMetrics;
  private subgraphFetchMetrics: DepartmentCallMetrics | undefined;
  private peerCallMetrics: DepartmentCallMetrics | undefined;

  constructor(options: ServiceMetricsOptions) {
    this.registry.setDefaultLabels({ service: options.service });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    this.requests = new RequestMetrics(this.registry, options.maxOperationNames);
  }

  /** The gateway's fetches to each subgraph: `gateway_subgraph_fetch_*{subgraph}`. */
  subgraphFetches(): DepartmentCallMetrics {
    this.subgraphFetchMetrics ??= new DepartmentCallMetrics(this.registry, {
      prefix: 'gateway_subgraph_fetch',
      label: 'subgraph',
      what: 'HTTP request of the gateway to a subgraph',
    });
    return this.subgraphFetchMetrics;
  }

  /** A subgraph's calls to other departments (the union's agenda and registry, log-head publishing): `peer_call_*{department}`. */
  peerCalls(): DepartmentCallMetrics {
    this.peerCallMetrics ??= new DepartmentCallMetrics(this.registry, {
      prefix: 'peer_call',
      label: 'department',
      what: "call of this subgraph to another department's",
    });
    return this.peerCallMetrics;
  }

  permissionOutcomes(provider: Department): OutcomeCounter {
    return permissionOutcomes(this.registry, provider);
  }

  accessLogWrites(): AccessLogWriteObserver {
    return accessLogWrites(this.registry);
  }

  channelGrantsAge(lastSuccessAt: () => number | null): void {
    channelGrantsAge(this.registry, lastSuccessAt);
  }

  databasePool(pool: PoolStats): void {
    databasePool(this.registry, pool);
  }

  /** The exposition in Prometheus' text format. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
