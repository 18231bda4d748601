import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleWhen,
  isBrokenCircuitError,
  isIsolatedCircuitError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import type { Logger } from 'pino';
import type { Department } from '../context/principal';
import { DepartmentTimeoutError, DepartmentUnavailableError } from './department-errors';

/**
 * How long one call to a department may take, and when to stop calling it: after `failuresToOpen`
 * failures in a row the breaker opens and every call fails at once; after `halfOpenAfterMs` one call
 * is let through as a probe, and its success closes the breaker again.
 */
export interface GuardSettings {
  timeoutMs: number;
  failuresToOpen: number;
  halfOpenAfterMs: number;
}

export const DEFAULT_GUARD_SETTINGS: Readonly<GuardSettings> = Object.freeze({
  timeoutMs: 5_000,
  failuresToOpen: 5,
  halfOpenAfterMs: 3_000,
});

export type BreakerState = 'closed' | 'open' | 'half-open';

/** How one call to a department ended: answered (`ok`), or its own refusal of the request (`refused`, e.g. a 4xx), or failed. */
export type GuardCallOutcome = 'ok' | 'refused' | 'timeout' | 'unavailable' | 'breaker_open';

/** Told of every call and every change of the breaker (metrics); both must be cheap. */
export interface GuardObserver {
  called(outcome: GuardCallOutcome, seconds: number): void;
  breakerChanged(state: BreakerState): void;
}

export interface DepartmentGuard {
  readonly department: Department;
  /**
   * Runs one call to the department within the timeout, unless the breaker is open. `work` gets a signal
   * that aborts at the deadline. A failure is thrown as DepartmentUnavailableError or DepartmentTimeoutError,
   * which name the department; an error `isFault` says is the department's own answer (e.g. a 4xx about
   * this request) passes through as it is and does not count.
   */
  call<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  state(): BreakerState;
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

/** The message of an error and its cause's code (fetch says "fetch failed"; the cause says ECONNREFUSED). */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as (Error & { code?: string }) | undefined;
  return cause ? `${error.message}: ${cause.code ?? cause.message}` : error.message;
}

/** Timeout and circuit breaker for calls to one department: the gateway's subgraph fetches, the union's peer calls. */
export function createDepartmentGuard(
  department: Department,
  settings: GuardSettings,
  logger: Logger,
  isFault: (error: Error) => boolean = () => true,
  observer?: GuardObserver,
): DepartmentGuard {
  const log = logger.child({ component: 'department-guard', department });
  const breaker = circuitBreaker(
    handleWhen((error) => !(error instanceof Error) || isFault(error)),
    {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.failuresToOpen),
    },
  );
  breaker.onBreak(() => {
    log.warn(
      { failures: settings.failuresToOpen, retryAfterMs: settings.halfOpenAfterMs },
      `${department} breaker open: calls fail at once until a probe succeeds`,
    );
    observer?.breakerChanged('open');
  });
  breaker.onHalfOpen(() => {
    log.info(`${department} breaker half-open: one probe call let through`);
    observer?.breakerChanged('half-open');
  });
  breaker.onReset(() => {
    log.info(`${department} breaker closed: calls flow again`);
    observer?.breakerChanged('closed');
  });
  // abortOnReturn off: every call reads its whole answer before it returns, so there is nothing left to
  // cancel, and aborting a settled call's signal built a DOMException per call (2-3% of the gateway's CPU).
  const policy = wrap(breaker, timeout(settings.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false }));

  return {
    department,
    state: () => STATES[breaker.state],
    async call<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
      let timedOut = false;
      const started = observer ? performance.now() : 0;
      try {
        const answer = await policy.execute(({ signal }) =>
          // A call that fails while its signal is aborted failed at the deadline (read at the moment of failure).
          work(signal).catch((error: unknown) => {
            timedOut = signal.aborted;
            throw error;
          }),
        );
        if (observer) observer.called('ok', (performance.now() - started) / 1000);
        return answer;
      } catch (error) {
        if (isBrokenCircuitError(error) || isIsolatedCircuitError(error)) {
          if (observer) observer.called('breaker_open', (performance.now() - started) / 1000);
          throw new DepartmentUnavailableError(
            department,
            `failing fast after ${settings.failuresToOpen} failures in a row; next try within ${settings.halfOpenAfterMs} ms`,
          );
        }
        // At the deadline the signal aborts the call, which may reject with its own AbortError first.
        if ((error instanceof Error && error.name === 'TaskCancelledError') || timedOut) {
          if (observer) observer.called('timeout', (performance.now() - started) / 1000);
          throw new DepartmentTimeoutError(department, settings.timeoutMs);
        }
        if (error instanceof Error && !isFault(error)) {
          if (observer) observer.called('refused', (performance.now() - started) / 1000);
          throw error;
        }
        if (observer) observer.called('unavailable', (performance.now() - started) / 1000);
        log.warn({ reason: reasonOf(error) }, `${department} call failed`);
        throw new DepartmentUnavailableError(department, 'not reachable');
      }
    },
  };
}
