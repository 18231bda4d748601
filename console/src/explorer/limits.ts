import type { GraphQLErrorEntry } from '../graphql/client';

/**
 * The gateway's refusals of an operation by the caller's limits (README "Errors" and "When a department
 * is down" → demand control), read from an answer's errors with the figures they carry: the cost in
 * `extensions`, depth, aliases, directives and tokens in the message (graphql-armor's and graphql-js's
 * wording; their `extensions` hold only GRAPHQL_VALIDATION_FAILED).
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
    case 'COST_ESTIMATED_TOO_EXPENSIVE': {
      const figures = /cost (\d+), over the (\d+)/.exec(error.message);
      return {
        kind: 'cost',
        estimated: numberOf(extensions.estimatedCost) ?? (figures ? Number(figures[1]) : null),
        allowed: numberOf(extensions.maxCost) ?? (figures ? Number(figures[2]) : null),
      };
    }
    case 'GRAPHQL_VALIDATION_FAILED': {
      const depth = /depth limit of (\d+) exceeded, found (\d+)/i.exec(error.message);
      if (depth) return { kind: 'depth', allowed: Number(depth[1]), found: Number(depth[2]) };
      const aliases = /Aliases limit of (\d+) exceeded, found (\d+)/i.exec(error.message);
      if (aliases) return { kind: 'aliases', allowed: Number(aliases[1]), found: Number(aliases[2]) };
      const directives = /Directives limit of (\d+) exceeded, found (\d+)/i.exec(error.message);
      if (directives) return { kind: 'directives', allowed: Number(directives[1]), found: Number(directives[2]) };
      const tokens = /more th[ae]n (\d+) tokens/i.exec(error.message);
      if (tokens) return { kind: 'tokens', allowed: Number(tokens[1]) };
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
