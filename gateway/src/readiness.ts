import type { BreakerState, ReadinessReport } from '@labour/shared';
import { SUBGRAPH_DEPARTMENTS } from './config';

/** What the gateway's /ready says about one department. */
type DepartmentState = 'ready' | 'unavailable';

/**
 * - `ready`: every department's subgraph is ready (HTTP 200);
 * - `degraded`: some are not, or the gateway's breaker for one is open or half-open (still HTTP 200): the gateway answers every query the departments that are
 *   up can serve (one that needs a department that is down gets an error), so a load balancer should
 *   keep it in service rather than turn away the answers it can give;
 * - `unavailable`: none is (HTTP 503): there is nothing to answer with.
 */
type GatewayStatus = 'ready' | 'degraded' | 'unavailable';

export interface GatewayReadiness extends ReadinessReport {
  readonly body: {
    readonly status: GatewayStatus;
    readonly departments: Readonly<Record<string, DepartmentState>>;
    /** The gateway's breaker for each department: `open` or `half-open` while its fetches fail fast or are probed. */
    readonly breakers: Readonly<Record<string, BreakerState>>;
  };
}

/** `hr-bureau` (the subgraph's name in the supergraph) as the department is named everywhere else: `HR_BUREAU`. */
function departmentKey(subgraph: string): string {
  return SUBGRAPH_DEPARTMENTS[subgraph] ?? subgraph.toUpperCase().replace(/-/g, '_');
}

async function isReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(1500) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The gateway's readiness, department by department, from each subgraph's own /ready. Answers are kept
 * for a moment (`cacheMs`) so that frequent probes do not turn into a storm of subgraph calls.
 */
export function subgraphReadiness(
  targets: () => ReadonlyMap<string, string>,
  breakerOf: (subgraph: string) => BreakerState = () => 'closed',
  cacheMs = 2000,
): () => Promise<GatewayReadiness> {
  let checkedAt = 0;
  let last: GatewayReadiness | undefined;
  return async () => {
    if (last && Date.now() - checkedAt < cacheMs) return last;
    const subgraphs = [...targets()];
    const answers = await Promise.all(subgraphs.map(([, url]) => isReady(url)));
    const departments: Record<string, DepartmentState> = {};
    const breakers: Record<string, BreakerState> = {};
    subgraphs.forEach(([name], i) => {
      departments[departmentKey(name)] = answers[i] ? 'ready' : 'unavailable';
      breakers[departmentKey(name)] = breakerOf(name);
    });
    const up = answers.filter(Boolean).length;
    const allClosed = Object.values(breakers).every((state) => state === 'closed');
    const status: GatewayStatus = up > 0 && up === subgraphs.length && allClosed ? 'ready' : up > 0 ? 'degraded' : 'unavailable';
    last = { ready: status !== 'unavailable', body: { status, departments, breakers } };
    checkedAt = Date.now();
    return last;
  };
}
