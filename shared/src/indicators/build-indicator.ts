import type { IndicatorsKey } from '../federation/entity-keys';
import { parsePeriod, type Period } from './period';
import type { Department, Principal } from '../context/principal';
import { markStatistic, type StatisticView } from '../permissions/statistic';
import { AMOUNT_ROUNDING, roundAmount, statisticViewFor, suppressionOf, type Suppression } from './disclosure';
import type { AmountIndicator, AmountIndicatorCell, Indicator, IndicatorCell } from './indicator.types';

/** Who asks, of which department's figures, and for which district ('' = the whole zone). */
export interface IndicatorScope {
  principal: Principal;
  district: string;
  /** The department whose figures these are: its own staff see them exactly. */
  provider: Department;
  /** Exact for the provider's staff, controlled (disclosure.ts) for everyone else. */
  view: StatisticView;
}

/**
 * One row of a `GROUP BY ROLLUP (district)` statement over the WHOLE zone: `district` null is the total
 * row. `cases` is the count (or a rate's denominator, or the records an amount sums), `hits` a rate's
 * numerator, `amount` a summed decimal. The builders pick the asked-for district's cell themselves, so
 * that its suppression is the one it has in the zone's breakdown.
 */
export interface IndicatorRow {
  district: string | null;
  cases: number | string;
  hits?: number | string | null;
  amount?: string | null;
}

interface Cell {
  district: string;
  cases: number;
  hits: number;
  amount: string;
}

const toCell = (row: IndicatorRow): Cell => ({
  district: row.district ?? '',
  cases: Number(row.cases),
  hits: Number(row.hits ?? 0),
  amount: row.amount ?? '0.00',
});

function split(rows: IndicatorRow[]): { total: Cell; cells: Cell[] } {
  const cells = rows
    .filter((row) => row.district !== null)
    .map(toCell)
    .sort((a, b) => (a.district < b.district ? -1 : a.district > b.district ? 1 : 0));
  const total = rows.find((row) => row.district === null);
  return { total: total ? toCell(total) : { district: '', cases: 0, hits: 0, amount: '0.00' }, cells };
}

const NOTHING_WITHHELD: Suppression = { total: false, cells: new Set() };

/**
 * What `scope` is shown of a breakdown: the figure (the zone's total, or the asked-for district's cell)
 * and the cells, each with whether it is withheld.
 */
function disclose(rows: IndicatorRow[], scope: IndicatorScope, kind: 'count' | 'rate' | 'amount', byDistrict: boolean) {
  const { total, cells } = split(rows);
  const shownCells = byDistrict ? cells : [];
  const withheld =
    scope.view === 'exact'
      ? NOTHING_WITHHELD
      : suppressionOf({ total, cells: shownCells, rate: kind === 'rate', protectTotal: kind === 'amount' });
  if (scope.district === '') {
    return {
      figure: total,
      figureWithheld: withheld.total,
      cells: shownCells.map((cell) => ({ cell, withheld: withheld.cells.has(cell.district) })),
    };
  }
  // One district: its cell of the zone's breakdown; a district without cases is a cell of none, small.
  const cell = cells.find((c) => c.district === scope.district);
  const figure = cell ?? { district: scope.district, cases: 0, hits: 0, amount: '0.00' };
  const figureWithheld = scope.view === 'controlled' && (!cell || withheld.cells.has(cell.district));
  return { figure, figureWithheld, cells: cell ? [{ cell, withheld: figureWithheld }] : [] };
}

function valueOf(kind: 'count' | 'rate', cell: Cell): number | null {
  if (kind === 'count') return cell.cases;
  return cell.cases === 0 ? null : Math.round((cell.hits / cell.cases) * 10_000) / 10_000;
}

/**
 * A count or rate figure from the zone's ROLLUP rows, disclosure-controlled (disclosure.ts) unless the
 * reader is the provider's staff. `byDistrict: false` for figures whose cases carry no district in this
 * department: they have no cells, and the zone's figure is published however small (its records are
 * PUBLIC); a district asked for then gets null from the resolver.
 */
export function buildIndicator(kind: 'count' | 'rate', rows: IndicatorRow[], scope: IndicatorScope, byDistrict = true): Indicator {
  const shown = disclose(rows, scope, kind, byDistrict);
  return markStatistic(
    {
      value: shown.figureWithheld ? null : valueOf(kind, shown.figure),
      cases: shown.figureWithheld ? null : shown.figure.cases,
      suppressed: shown.figureWithheld,
      byDistrict: shown.cells.map(({ cell, withheld }): IndicatorCell => ({
        district: cell.district,
        value: withheld ? null : valueOf(kind, cell),
        cases: withheld ? null : cell.cases,
        suppressed: withheld,
      })),
    },
    scope.view,
  );
}

/**
 * An amount figure from the zone's ROLLUP rows (`amount` summed in SQL, exact): exact for the provider's
 * staff; for everyone else disclosure-controlled, the total withheld too when it sums fewer than 5
 * records, and every amount rounded to AMOUNT_ROUNDING yuan.
 */
export function buildAmountIndicator(rows: IndicatorRow[], scope: IndicatorScope): AmountIndicator {
  const shown = disclose(rows, scope, 'amount', true);
  const amountOf = (cell: Cell) => (scope.view === 'exact' ? cell.amount : roundAmount(cell.amount));
  return markStatistic(
    {
      amount: shown.figureWithheld ? null : amountOf(shown.figure),
      cases: shown.figureWithheld ? null : shown.figure.cases,
      suppressed: shown.figureWithheld,
      roundedTo: scope.view === 'exact' ? null : AMOUNT_ROUNDING,
      byDistrict: shown.cells.map(({ cell, withheld }): AmountIndicatorCell => ({
        district: cell.district,
        amount: withheld ? null : amountOf(cell),
        cases: withheld ? null : cell.cases,
        suppressed: withheld,
      })),
    },
    scope.view,
  );
}

/**
 * The period and scope of an `Indicators` representation, for the figures of `provider`. Each
 * department checks the period again: a representation can reach a subgraph without passing the root
 * field's check.
 */
export function readIndicatorsKey(
  key: IndicatorsKey,
  principal: Principal,
  provider: Department,
): { period: Period; scope: IndicatorScope } {
  return {
    period: parsePeriod(key.period),
    scope: { principal, district: key.district ?? '', provider, view: statisticViewFor(principal, provider) },
  };
}
