import { readsAsAnalyst } from '../permissions/decide-field-access';
import type { IndicatorsKey } from '../federation/entity-keys';
import { parsePeriod, type Period } from './period';
import type { Principal } from '../context/principal';
import type { AmountIndicator, AmountIndicatorCell, Indicator, IndicatorCell } from './indicator.types';

/** Fewer cases than this in a cell and an analyst sees no value (小样本抑制). */
export const MIN_CELL_CASES = 5;

/** Who asks and for which district ('' = the whole zone). */
export interface IndicatorScope {
  principal: Principal;
  district: string;
}

/**
 * One row of a `GROUP BY ROLLUP (district)` statement: `district` null is the total row. `cases` is the
 * count (or a rate's denominator), `hits` a rate's numerator, `amount` a summed decimal.
 */
export interface IndicatorRow {
  district: string | null;
  cases: number | string;
  hits?: number | string | null;
  amount?: string | null;
}

const suppresses = (scope: IndicatorScope, cases: number) => readsAsAnalyst(scope.principal) && cases < MIN_CELL_CASES;

function split(rows: IndicatorRow[]): { total: IndicatorRow | undefined; cells: IndicatorRow[] } {
  const cells = rows.filter((row) => row.district !== null).sort((a, b) => (a.district! < b.district! ? -1 : a.district! > b.district! ? 1 : 0));
  return { total: rows.find((row) => row.district === null), cells };
}

function valueOf(kind: 'count' | 'rate', row: IndicatorRow): number | null {
  const cases = Number(row.cases);
  if (kind === 'count') return cases;
  return cases === 0 ? null : Math.round((Number(row.hits ?? 0) / cases) * 10_000) / 10_000;
}

/**
 * A count or rate figure from ROLLUP rows. For an analyst a district cell under 5 cases is withheld, and
 * so is the figure itself when the question was about one district (it is then that district's cell).
 * `byDistrict: false` for figures whose cases carry no district in this department.
 */
export function buildIndicator(kind: 'count' | 'rate', rows: IndicatorRow[], scope: IndicatorScope, byDistrict = true): Indicator {
  const { total, cells } = split(rows);
  const totalCases = Number(total?.cases ?? 0);
  const totalSuppressed = scope.district !== '' && suppresses(scope, totalCases);
  return {
    value: totalSuppressed ? null : valueOf(kind, total ?? { district: null, cases: 0 }),
    cases: totalSuppressed ? null : totalCases,
    suppressed: totalSuppressed,
    byDistrict: byDistrict
      ? cells.map((row): IndicatorCell => {
          const suppressed = suppresses(scope, Number(row.cases));
          return { district: row.district!, value: suppressed ? null : valueOf(kind, row), cases: suppressed ? null : Number(row.cases), suppressed };
        })
      : [],
  };
}

/** An amount figure from ROLLUP rows (`amount` summed in SQL, exact), suppressed as `buildIndicator`. */
export function buildAmountIndicator(rows: IndicatorRow[], scope: IndicatorScope): AmountIndicator {
  const { total, cells } = split(rows);
  const totalCases = Number(total?.cases ?? 0);
  const totalSuppressed = scope.district !== '' && suppresses(scope, totalCases);
  const amountOf = (row: IndicatorRow | undefined) => row?.amount ?? '0.00';
  return {
    amount: totalSuppressed ? null : amountOf(total),
    cases: totalSuppressed ? null : totalCases,
    suppressed: totalSuppressed,
    byDistrict: cells.map((row): AmountIndicatorCell => {
      const suppressed = suppresses(scope, Number(row.cases));
      return { district: row.district!, amount: suppressed ? null : amountOf(row), cases: suppressed ? null : Number(row.cases), suppressed };
    }),
  };
}

/**
 * The period and scope of an `Indicators` representation. Each department checks the period again: a
 * representation can reach a subgraph without passing the root field's check.
 */
export function readIndicatorsKey(key: IndicatorsKey, principal: Principal): { period: Period; scope: IndicatorScope } {
  return { period: parsePeriod(key.period), scope: { principal, district: key.district ?? '' } };
}
