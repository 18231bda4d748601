import { Department, Role } from '@labour/shared';
import type { RunningSubgraph } from './subgraph-harness';
import { asPrincipal } from './tokens';

/** A department's signal queries by name: `hrBureauRiskSignals` and `hrBureauRiskSignalColumns` … */
export interface SignalQueries {
  objects: string;
  columns: string;
}

interface Signal {
  creditCode: string;
  source: string;
  kind: string;
  weight: number;
  detail: string;
}
/** A department's signals as its columns query answers them. */
export interface Columns {
  source: string;
  creditCodes: string[];
  kinds: string[];
  weights: number[];
  details: string[];
}

const args = '($since: Date!, $asOf: Date, $limit: Int)';
const call = '(since: $since, asOf: $asOf, limit: $limit)';

/** The department's signals both ways, as the caller `headers` names, and how many statements the columns took. */
export async function signalsBothWays(
  running: RunningSubgraph,
  names: SignalQueries,
  variables: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  const objects = await running.query<Record<string, Signal[]>>(
    `query ${args} { ${names.objects}${call} { creditCode source kind weight detail } }`,
    variables,
    headers,
  );
  running.subgraph.queries.reset();
  const columns = await running.query<Record<string, Columns>>(
    `query ${args} { ${names.columns}${call} { source creditCodes kinds weights details } }`,
    variables,
    headers,
  );
  return { objects: objects.body, columns: columns.body, statements: running.subgraph.queries.count };
}

/** A signal of the department written as a row: [creditCode, kind, weight, detail] (its source is the department). */
export type SignalRow = [creditCode: string, kind: string, weight: number, detail: string];

/**
 * Asks `<prefix>RiskSignals` over `variables` (as `headers` names, else the default caller) and expects exactly
 * the signals `expected`, in that order, each with the department as its source, computed in one statement.
 */
export async function expectSignals(
  running: RunningSubgraph,
  prefix: string,
  department: Department,
  variables: Record<string, unknown>,
  expected: SignalRow[],
  headers?: Record<string, string>,
): Promise<void> {
  const name = `${prefix}RiskSignals`;
  running.subgraph.queries.reset();
  const result = await running.query(`query ${args} { ${name}${call} { creditCode source kind weight detail } }`, variables, headers);
  const signals = expected.map(([creditCode, kind, weight, detail]) => ({ creditCode, source: department, kind, weight, detail }));
  expect(result.body).toEqual({ data: { [name]: signals } });
  expect(running.subgraph.queries.count).toBe(1);
}

/** Signals written as rows, as the columns query of `source` answers them. */
export function rowsAsColumns(source: string, rows: readonly SignalRow[]): Columns {
  return {
    source,
    creditCodes: rows.map((row) => row[0]),
    kinds: rows.map((row) => row[1]),
    weights: rows.map((row) => row[2]),
    details: rows.map((row) => row[3]),
  };
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

/**
 * The tests every department's `<prefix>RiskSignalColumns` passes beside its `<prefix>RiskSignals`: the
 * same signals in the same order in one statement, the same roles (for both queries), the same bounds. `running` is read
 * when the tests run (the subgraph is started in the file's beforeAll).
 */
export function describeSignalColumns(
  prefix: string,
  department: Department,
  running: () => RunningSubgraph,
  window: { since: string; asOf: string },
): void {
  const names = { objects: `${prefix}RiskSignals`, columns: `${prefix}RiskSignalColumns` };

  describe(`${names.columns}: the same signals as columns`, () => {
    it(`answers the signals of ${names.objects}, in the same order, in one statement`, async () => {
      for (const limit of [undefined, 1, 100_000]) {
        const { objects, columns, statements } = await signalsBothWays(running(), names, { ...window, limit });
        expect(objects.data![names.objects]!.length).toBeGreaterThan(0);
        expect(columns).toEqual({ data: { [names.columns]: asColumns(department, objects.data![names.objects]!) } });
        expect(statements).toBe(1);
      }
    });

    it(`both answer COORDINATOR, SERVICE and ADMIN of any department; both refuse the department's ANALYST and CASEWORKER with FORBIDDEN`, async () => {
      for (const [caller, role] of [
        [Department.UNION, Role.COORDINATOR],
        [Department.COURT, Role.SERVICE],
        [Department.JUSTICE, Role.ADMIN],
      ] as const) {
        const { objects, columns } = await signalsBothWays(running(), names, window, asPrincipal(caller, role));
        expect(objects.errors).toBeUndefined();
        expect(columns.errors).toBeUndefined();
        expect(columns.data![names.columns]!.source).toBe(department);
      }
      for (const role of [Role.ANALYST, Role.CASEWORKER]) {
        const { objects, columns } = await signalsBothWays(running(), names, window, asPrincipal(department, role));
        for (const refused of [objects, columns]) {
          expect(refused.data).toBeNull();
          expect(refused.errors!.map((e) => e.extensions!['code'])).toEqual(['FORBIDDEN']);
        }
      }
    });

    it('refuses a limit outside 1 to 100000 and a window that starts after asOf, naming the argument', async () => {
      for (const limit of [0, 100_001]) {
        const { columns } = await signalsBothWays(running(), names, { ...window, limit });
        expect(columns.errors![0]!.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'limit',
          rule: 'must be between 1 and 100000',
        });
      }
      const { columns } = await signalsBothWays(running(), names, { since: '2026-11-21', asOf: '2026-11-20' });
      expect(columns.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since', rule: 'must not be after asOf' });
    });
  });
}

/** The suggested agenda as the subgraph tests ask for it: each item's enterprise by its credit code. */
export const SUGGESTED_AGENDA = /* GraphQL */ `
  query ($limit: Int, $asOf: Date) {
    suggestedAgenda(limit: $limit, asOf: $asOf) { asOf missingSources items { enterprise { creditCode } score signals { source kind weight detail } } }
  }
`;

/** A signal of the suggested agenda written as a row: [source, kind, weight, detail]. */
export type AgendaSignalRow = [source: string, kind: string, weight: number, detail: string];

/** The union's signal for an enterprise no union organisation covers. */
export const NO_UNION: AgendaSignalRow = ['UNION', 'NO_UNION', 2, 'no union organisation covers it'];

/** An item of the suggested agenda (its enterprise by credit code, its signals written as rows) as `SUGGESTED_AGENDA` answers it. */
export const agendaItem = (creditCode: string, score: number, rows: readonly AgendaSignalRow[]) => ({
  enterprise: { creditCode },
  score,
  signals: rows.map(([source, kind, weight, detail]) => ({ source, kind, weight, detail })),
});
