import type { EntityManager } from '@mikro-orm/postgresql';
import type { Department } from '../context';
import { RiskSignal, RiskSignalKind } from './risk-signal';
import type { RiskSignalWindow } from './risk-signal.resolver';

/** One row of a department's aggregate signal statement: per enterprise and kind. */
export interface RiskSignalRow {
  credit_code: string;
  kind: string;
  /** How many records give the signal (cases, reports, warnings). */
  n: number;
  weight: number;
  /** A kind's own extra figure (highest warning level, latest expiry …), or null. */
  extra: string | null;
}

/** `n` and a noun, pluralised the English way: "1 case", "3 cases". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Rows of a department's statement as signals of that department, each explained by `describe`. */
export function signalsFromRows(rows: RiskSignalRow[], source: Department, describe: (row: RiskSignalRow) => string): RiskSignal[] {
  return rows.map((row) => {
    // The statements cast their counts to int, which the driver gives as numbers; Number() for any other.
    const n = Number(row.n);
    const weight = Number(row.weight);
    const signal = new RiskSignal();
    signal.creditCode = row.credit_code;
    signal.source = source;
    signal.kind = row.kind as RiskSignalKind;
    signal.weight = weight;
    signal.detail = describe(n === row.n && weight === row.weight ? row : { ...row, n, weight });
    return signal;
  });
}

/** One SQL statement and its parameters, in order. */
export interface SignalStatement {
  sql: string;
  params: string[];
}

/** The days a department counts its signals between (its `limit` is applied after, to the signals). */
export type SignalDates = Pick<RiskSignalWindow, 'since' | 'asOf'>;

/**
 * One aggregate of a department's signal statement: the records `from` dated (`dated`) in [since, asOf],
 * counted per `key`, `weight` each; two parameters, since and asOf. `key` is named `keyAs` (the enterprise's
 * credit code unless the department looks it up afterwards).
 */
export function countedInWindowSql(part: {
  kind: RiskSignalKind;
  key: string;
  keyAs?: string;
  from: string;
  dated: string;
  weight: number;
}): string {
  return `
select ${part.key} as ${part.keyAs ?? 'credit_code'}, '${part.kind}' as kind, count(*)::int as n, (count(*) * ${part.weight})::int as weight, null as extra
  from ${part.from}
 where ${part.dated} between ? and ?
 group by ${part.key}`;
}

/** Runs a department's signal statement and gives its rows as signals of that department, each explained by `describe`. */
export async function signalsOfStatement(
  em: EntityManager,
  statement: SignalStatement,
  source: Department,
  describe: (row: RiskSignalRow) => string,
): Promise<RiskSignal[]> {
  return signalsFromRows(await em.execute<RiskSignalRow[]>(statement.sql, statement.params), source, describe);
}

/** A department's signals computed by one statement over a window: the statement (for the benchmark's plan check) and its signals. */
export interface SignalSource {
  statement: (dates: SignalDates) => SignalStatement;
  signals: (em: EntityManager, dates: SignalDates) => Promise<RiskSignal[]>;
}

/** The signals `statement` gives for a window, as signals of `source`, each explained by `describe` (which may read the window). */
export function signalSource(
  source: Department,
  statement: (dates: SignalDates) => SignalStatement,
  describe: (row: RiskSignalRow, dates: SignalDates) => string,
): SignalSource {
  return {
    statement,
    signals: (em, dates) => signalsOfStatement(em, statement(dates), source, (row) => describe(row, dates)),
  };
}
