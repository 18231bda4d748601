import { readsAsAnalyst } from '../permissions/decide-field-access';
import type { StatisticView } from '../permissions/statistic';
import type { Department, Principal } from '../context/principal';

/**
 * Statistical disclosure control (统计披露控制) of the indicators, for every reader but the owning
 * department's staff: analysts of any department, and other departments' staff. One place for every
 * breakdown of every department; the figure builders (build-indicator.ts) apply it.
 *
 * 1. Primary suppression (小样本抑制): a district cell built from fewer than MIN_CELL_CASES cases is withheld.
 * 2. Complementary suppression (二次抑制): a withheld cell must not follow from the breakdown's other
 *    figures, the total minus the published cells being the sum of the withheld ones. So more cells are
 *    withheld, the smallest first, until the withheld cells together
 *      - are at least two (one withheld cell would be the total minus the others),
 *      - hold enough cases that each of them could, as far as the published figures tell, hold
 *        MIN_CELL_CASES or more (so neither its count nor even its smallness is given away), and
 *      - for a rate, hold both outcomes (so no withheld district is known to be at 0 or at 1);
 *    when the other cells run out first, the total is withheld instead (then no equation links the cells).
 * 3. For an amount, the total itself is withheld when it sums fewer than MIN_CELL_CASES records (it would be
 *    a few records' SHARED amounts), and every published amount is rounded to AMOUNT_ROUNDING yuan.
 *
 * A figure for one district is that district's cell of the whole zone's breakdown, withheld exactly when
 * the cell is: asking for a district does not get round the complementary suppression.
 */

/** Fewer cases than this in a cell and it is withheld (primary suppression). */
export const MIN_CELL_CASES = 5;

/**
 * Amounts are published to readers outside the owning department to the nearest 10,000 yuan (1 万元, the
 * unit of Chinese statistical tables), half up. docs/architecture.md says why.
 */
export const AMOUNT_ROUNDING = 10_000;

/** Who sees a department's figures exactly: its own staff (a reading role). Everyone else gets them controlled. */
export function statisticViewFor(principal: Principal, provider: Department): StatisticView {
  return !readsAsAnalyst(principal) && principal.department === provider ? 'exact' : 'controlled';
}

/** One district's counts in a breakdown: `cases` (a count, a rate's denominator, an amount's records), `hits` a rate's numerator. */
export interface BreakdownCell {
  district: string;
  cases: number;
  hits?: number;
}

export interface Breakdown {
  total: { cases: number; hits?: number };
  cells: readonly BreakdownCell[];
  /** A rate: each withheld group must hold both outcomes. */
  rate?: boolean;
  /** An amount: the total is withheld when it sums fewer than MIN_CELL_CASES records. */
  protectTotal?: boolean;
}

/** What a breakdown withholds: the total, and cells by district. */
export interface Suppression {
  total: boolean;
  cells: ReadonlySet<string>;
}

const byCasesThenDistrict = (a: BreakdownCell, b: BreakdownCell) =>
  a.cases - b.cases || (a.district < b.district ? -1 : a.district > b.district ? 1 : 0);

/** Whether the withheld cells `group` are safe beside a published total (see the rules above). */
function groupIsSafe(group: readonly BreakdownCell[], rate: boolean): { safe: boolean; needs: 'cells' | 'hit' | 'miss' | null } {
  if (group.length === 0) return { safe: true, needs: null };
  const cases = group.reduce((sum, cell) => sum + cell.cases, 0);
  const hits = group.reduce((sum, cell) => sum + (cell.hits ?? 0), 0);
  // With the others at one case each, a withheld cell could hold cases − (n − 1): at least MIN_CELL_CASES.
  if (group.length < 2 || cases - (group.length - 1) < MIN_CELL_CASES) return { safe: false, needs: 'cells' };
  if (rate && hits === 0) return { safe: false, needs: 'hit' };
  if (rate && hits === cases) return { safe: false, needs: 'miss' };
  return { safe: true, needs: null };
}

/**
 * The cells (and whether the total) a breakdown withholds from a reader who gets it controlled.
 * Deterministic: the same breakdown always withholds the same cells.
 */
export function suppressionOf(breakdown: Breakdown): Suppression {
  const { cells, rate = false } = breakdown;
  if (breakdown.protectTotal && breakdown.total.cases < MIN_CELL_CASES) {
    return { total: true, cells: new Set(cells.map((cell) => cell.district)) };
  }
  const primary = cells.filter((cell) => cell.cases < MIN_CELL_CASES);
  const group = [...primary];
  const others = cells.filter((cell) => cell.cases >= MIN_CELL_CASES).sort(byCasesThenDistrict);
  for (;;) {
    const { safe, needs } = groupIsSafe(group, rate);
    if (safe) return { total: false, cells: new Set(group.map((cell) => cell.district)) };
    const index =
      needs === 'hit'
        ? others.findIndex((cell) => (cell.hits ?? 0) > 0)
        : needs === 'miss'
          ? others.findIndex((cell) => (cell.hits ?? 0) < cell.cases)
          : 0;
    if (index < 0 || others.length === 0) {
      // No cell can make the withheld ones safe: withhold the total instead, and only the small cells.
      return { total: true, cells: new Set(primary.map((cell) => cell.district)) };
    }
    group.push(others.splice(index, 1)[0]!);
  }
}

/**
 * An exact decimal amount (`"12345.67"`) rounded to the nearest `unit` yuan, half up, as a decimal with
 * two places (`"10000.00"`). Worked in whole fen, so nothing is lost to floating point.
 */
export function roundAmount(amount: string, unit = AMOUNT_ROUNDING): string {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error(`roundAmount: ${JSON.stringify(amount)} is not a decimal amount`);
  const fen = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0') || '0');
  const step = BigInt(unit) * 100n;
  const rounded = ((fen + step / 2n) / step) * step;
  const yuan = rounded / 100n;
  return `${match[1] && rounded !== 0n ? '-' : ''}${yuan}.00`;
}
