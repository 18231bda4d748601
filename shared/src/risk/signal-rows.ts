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
