import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { BreakerState, GuardCallOutcome, GuardObserver } from '../resilience/department-guard';
import { LATENCY_BUCKETS } from './request-metrics';

const OUTCOMES: readonly GuardCallOutcome[] = ['ok', 'refused', 'timeout', 'unavailable', 'breaker_open'];
const STATES: readonly BreakerState[] = ['closed', 'half-open', 'open'];
/** The breaker gauge's values: 0 closed, 1 half-open (one probe let through), 2 open (calls fail at once). */
export const BREAKER_STATE_VALUES: Readonly<Record<BreakerState, number>> = Object.freeze({ closed: 0, 'half-open': 1, open: 2 });

export interface DepartmentCallNames {
  /** Metric name prefix: `gateway_subgraph_fetch` (the gateway's fetches) or `peer_call` (a subgraph's calls to another department). */
  prefix: string;
  /** The label naming whom is called: `subgraph` (hr-bureau, union, …) or `department` (HR_BUREAU, …). */
  label: string;
  /** What one call is, for the help texts. */
  what: string;
}

/**
 * The calls to other departments through their guards (timeout and breaker, shared/src/resilience):
 * `<prefix>_duration_seconds{<label>, outcome}` (its `_count` is the calls by outcome: ok, refused,
 * timeout, unavailable, breaker_open), `<prefix>_breaker_state{<label>}` (0 closed, 1 half-open, 2 open)
 * and `<prefix>_breaker_transitions_total{<label>, state}`.
 */
export class DepartmentCallMetrics {
  private readonly duration: Histogram<string>;
  private readonly state: Gauge<string>;
  private readonly transitions: Counter<string>;

  constructor(
    registry: Registry,
    private readonly names: DepartmentCallNames,
  ) {
    this.duration = new Histogram({
      name: `${names.prefix}_duration_seconds`,
      help: `Duration of each ${names.what}, by ${names.label} and outcome (ok, refused, timeout, unavailable, breaker_open)`,
      labelNames: [names.label, 'outcome'],
      buckets: [...LATENCY_BUCKETS],
      registers: [registry],
    });
    this.state = new Gauge({
      name: `${names.prefix}_breaker_state`,
      help: `State of the circuit breaker of each ${names.label}: 0 closed, 1 half-open, 2 open`,
      labelNames: [names.label],
      registers: [registry],
    });
    this.transitions = new Counter({
      name: `${names.prefix}_breaker_transitions_total`,
      help: `Changes of the circuit breaker of each ${names.label}, by the state it went to`,
      labelNames: [names.label, 'state'],
      registers: [registry],
    });
  }

  /** The observer of one target's guard; its series exist from now on (breaker closed, no calls yet). */
  observer(target: string): GuardObserver {
    const calls = Object.fromEntries(
      OUTCOMES.map((outcome) => [outcome, this.duration.labels({ [this.names.label]: target, outcome })]),
    ) as Record<GuardCallOutcome, Histogram.Internal<string>>;
    const changes = Object.fromEntries(
      STATES.map((state) => [state, this.transitions.labels({ [this.names.label]: target, state })]),
    ) as Record<BreakerState, Counter.Internal>;
    for (const state of STATES) changes[state].inc(0);
    const gauge = this.state.labels({ [this.names.label]: target });
    gauge.set(BREAKER_STATE_VALUES.closed);
    return {
      called: (outcome, seconds) => calls[outcome].observe(seconds),
      breakerChanged: (state) => {
        gauge.set(BREAKER_STATE_VALUES[state]);
        changes[state].inc();
      },
    };
  }
}
