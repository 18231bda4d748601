import type { Department } from '../context';
import { RiskSignal, RiskSignalKind } from './risk-signal';

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
  return rows.map((row) =>
    Object.assign(new RiskSignal(), {
      creditCode: row.credit_code,
      source,
      kind: row.kind as RiskSignalKind,
      weight: Number(row.weight),
      detail: describe({ ...row, n: Number(row.n), weight: Number(row.weight) }),
    }),
  );
}
