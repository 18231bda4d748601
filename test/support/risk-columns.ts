import type { RunningSubgraph } from './subgraph-harness';

/** A department's signal queries by name: `hrBureauRiskSignals` and `hrBureauRiskSignalColumns` … */
export interface SignalQueries {
  objects: string;
  columns: string;
}

interface Signal { creditCode: string; source: string; kind: string; weight: number; detail: string }
interface Columns { source: string; creditCodes: string[]; kinds: string[]; weights: number[]; details: string[] }

const args = '($since: Date!, $asOf: Date, $limit: Int)';
const call = '(since: $since, asOf: $asOf, limit: $limit)';

/** The department's signals both ways, as the caller `headers` names, and how many statements the columns took. */
export async function signalsBothWays(running: RunningSubgraph, names: SignalQueries, variables: Record<string, unknown>, headers?: Record<string, string>) {
  const objects = await running.query<Record<string, Signal[]>>(`query ${args} { ${names.objects}${call} { creditCode source kind weight detail } }`, variables, headers);
  running.subgraph.queries.reset();
  const columns = await running.query<Record<string, Columns>>(`query ${args} { ${names.columns}${call} { source creditCodes kinds weights details } }`, variables, headers);
  return { objects: objects.body, columns: columns.body, statements: running.subgraph.queries.count };
}

/** The signals a list of objects holds, as the columns query answers them (one source: the department's). */
export function asColumns(source: string, signals: readonly Signal[]): Columns {
  return {
    source,
    creditCodes: signals.map((s) => s.creditCode),
    kinds: signals.map((s) => s.kind),
    weights: signals.map((s) => s.weight),
    details: signals.map((s) => s.detail),
  };
}
