/**
 * Answers of two gateways to the same request, made comparable: object keys sorted, the errors reduced to
 * message, path and `extensions.code` (the other extensions, e.g. a gateway's service names or stack traces,
 * say how a gateway works, not what it answered) and put in a fixed order. The data keeps its list order.
 */

export interface GraphQLAnswer {
  data?: unknown;
  errors?: ReadonlyArray<{ message?: unknown; path?: unknown; extensions?: { code?: unknown } & Record<string, unknown> }>;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function normaliseAnswer(answer: GraphQLAnswer): { data: unknown; errors: unknown[] } {
  const errors = (answer.errors ?? []).map((error) => ({
    message: error.message ?? null,
    path: error.path ?? null,
    ...(error.extensions?.code !== undefined ? { code: error.extensions.code } : {}),
  }));
  // In order of path, then message, then code: gateways merge the subgraphs' errors in different orders.
  const order = (error: (typeof errors)[number]): string =>
    JSON.stringify([error.path, error.message, 'code' in error ? error.code : null]);
  const sorted = errors
    .map((error) => ({ key: order(error), error: sortKeys(error) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { data: sortKeys(answer.data ?? null), errors: sorted.map((entry) => entry.error) };
}

/**
 * Where `actual` differs from `expected` after normalising both: one line per difference, with its JSON
 * path (`data.enterprise.inspections[2].status`); empty when they are the same. At most `limit` lines.
 */
export function answerDifferences(expected: GraphQLAnswer, actual: GraphQLAnswer, limit = 10): string[] {
  const out: string[] = [];
  const show = (value: unknown): string => {
    const text = value === undefined ? '(missing)' : JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  };
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) out.push(`${path}: ${a.length} items expected, ${b.length} found`);
      for (let i = 0; i < Math.min(a.length, b.length); i += 1) walk(a[i], b[i], `${path}[${i}]`);
      return;
    }
    const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], `${path}.${key}`);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: expected ${show(a)}, found ${show(b)}`);
  };
  const left = normaliseAnswer(expected);
  const right = normaliseAnswer(actual);
  walk(left.data, right.data, 'data');
  walk(left.errors, right.errors, 'errors');
  return out;
}
