import type { GraphQLErrorEntry } from '../graphql/client';

/**
 * The gateway's refusals of an operation by the caller's limits (README "Errors" and "When a department
 * is down" → demand control), read from an answer's errors with the figures their `extensions` carry:
 * `estimatedCost`/`maxCost` for the cost; `limit` (depth, aliases, directives, tokens), `maxAllowed` and
 * `found` for the others.
 */
export type LimitRefusal =
  | { kind: 'cost'; estimated: number | null; allowed: number | null }
  | { kind: 'depth'; allowed: number; found: number }
  | { kind: 'aliases'; allowed: number; found: number }
  | { kind: 'directives'; allowed: number; found: number }
  | { kind: 'tokens'; allowed: number }
  | { kind: 'responseSize'; maxBytes: number | null; department: string | null }
  | { kind: 'rate'; retryAfterSeconds: number | null }
  | { kind: 'payload'; message: string };

const numberOf = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** What limit one error names, or null when it is not a limit's refusal. */
export function limitRefusalOf(error: GraphQLErrorEntry): LimitRefusal | null {
  const code = error.extensions?.code;
  const extensions = error.extensions ?? {};
  switch (code) {
    case 'COST_ESTIMATED_TOO_EXPENSIVE':
      return { kind: 'cost', estimated: numberOf(extensions.estimatedCost), allowed: numberOf(extensions.maxCost) };
    case 'GRAPHQL_VALIDATION_FAILED': {
      const allowed = numberOf(extensions.maxAllowed);
      const found = numberOf(extensions.found);
      if (allowed === null) return null;
      if (extensions.limit === 'tokens') return { kind: 'tokens', allowed };
      if ((extensions.limit === 'depth' || extensions.limit === 'aliases' || extensions.limit === 'directives') && found !== null) {
        return { kind: extensions.limit, allowed, found };
      }
      return null;
    }
    case 'RESPONSE_TOO_LARGE':
      return {
        kind: 'responseSize',
        maxBytes: numberOf(extensions.maxBytes),
        department: typeof extensions.department === 'string' ? extensions.department : null,
      };
    case 'RATE_LIMITED':
      return { kind: 'rate', retryAfterSeconds: numberOf(extensions.retryAfterSeconds) };
    case 'PAYLOAD_TOO_LARGE':
      return { kind: 'payload', message: error.message };
    default:
      return null;
  }
}

/** The distinct limit refusals of an answer (one per kind: a RESPONSE_TOO_LARGE at each of several paths is one). */
export function limitRefusalsOf(errors: readonly GraphQLErrorEntry[]): LimitRefusal[] {
  const seen = new Map<string, LimitRefusal>();
  for (const error of errors) {
    const refusal = limitRefusalOf(error);
    if (refusal && !seen.has(refusal.kind)) seen.set(refusal.kind, refusal);
  }
  return [...seen.values()];
}
