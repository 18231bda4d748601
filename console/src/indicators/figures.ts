import { errorAt, type GraphQLErrorEntry } from '../graphql/client';
import type { IndicatorsFiguresQuery as IndicatorsQuery } from '../graphql/generated/graphql';

/**
 * The figures of `indicators`, each with the department that contributes it and what kind of number it
 * is, and one plain view of an answer that the table, the chart and the CSV export all read: what is
 * shown is what is exported.
 */
export type FigureKind = 'count' | 'rate' | 'amount';
export type FigureName = Exclude<keyof IndicatorsQuery['indicators'], 'period' | 'district' | '__typename'>;

const FIGURES: ReadonlyArray<{ name: FigureName; department: string; kind: FigureKind }> = [
  { name: 'arbitrationCases', department: 'HR_BUREAU', kind: 'count' },
  { name: 'arbitrationClosureRate', department: 'HR_BUREAU', kind: 'rate' },
  { name: 'openArrearsAmount', department: 'HR_BUREAU', kind: 'amount' },
  { name: 'layoffReports', department: 'HR_BUREAU', kind: 'count' },
  { name: 'enterprisesKnown', department: 'HR_BUREAU', kind: 'count' },
  { name: 'mediationCases', department: 'UNION', kind: 'count' },
  { name: 'mediationSuccessRate', department: 'UNION', kind: 'rate' },
  { name: 'mediationAgreed', department: 'UNION', kind: 'count' },
  { name: 'enterprisesWithUnion', department: 'UNION', kind: 'count' },
  { name: 'enterprisesWithContract', department: 'UNION', kind: 'count' },
  { name: 'lawsuitsFiled', department: 'COURT', kind: 'count' },
  { name: 'lawsuitsAppealed', department: 'COURT', kind: 'count' },
  { name: 'legalAidCases', department: 'JUSTICE', kind: 'count' },
  { name: 'legalAidGranted', department: 'JUSTICE', kind: 'count' },
];

/** One number of a figure (the total, or one district's cell): a count, a rate 0..1 or an amount in yuan. */
export interface FigureCell {
  district: string;
  value: number | null;
  cases: number | null;
  suppressed: boolean;
}

export interface FigureView {
  name: FigureName;
  department: string;
  kind: FigureKind;
  /** The figure as asked (whole zone, or the district picked); null when the answer holds none. */
  total: FigureCell | null;
  byDistrict: FigureCell[];
  /** Amounts rounded to this many yuan for this reader; null when exact. */
  roundedTo: number | null;
  /** Why the figure is missing, when the answer has an error at its path (FORBIDDEN, a department down). */
  error?: GraphQLErrorEntry;
  /** Missing without an error because a district was asked for and the department keeps none. */
  zoneOnly: boolean;
}

type Answer = IndicatorsQuery['indicators'];

export function figureViews(indicators: Answer, errors: readonly GraphQLErrorEntry[]): FigureView[] {
  return FIGURES.map(({ name, department, kind }) => {
    const base = { name, department, kind, byDistrict: [] as FigureCell[], roundedTo: null as number | null, zoneOnly: false };
    const error = errorAt(errors, ['indicators', name]);
    if (name === 'openArrearsAmount') {
      const amount = indicators.openArrearsAmount;
      if (!amount) return { ...base, total: null, error, zoneOnly: !error && indicators.district !== '' };
      const toNumber = (a: string | null | undefined) => (a == null ? null : Number(a));
      return {
        ...base,
        total: {
          district: indicators.district,
          value: toNumber(amount.amount),
          cases: amount.cases ?? null,
          suppressed: amount.suppressed,
        },
        byDistrict: amount.byDistrict.map((c) => ({
          district: c.district,
          value: toNumber(c.amount),
          cases: c.cases ?? null,
          suppressed: c.suppressed,
        })),
        roundedTo: amount.roundedTo ?? null,
      };
    }
    const figure = indicators[name];
    if (!figure) return { ...base, total: null, error, zoneOnly: !error && indicators.district !== '' };
    return {
      ...base,
      total: { district: indicators.district, value: figure.value ?? null, cases: figure.cases ?? null, suppressed: figure.suppressed },
      byDistrict: figure.byDistrict.map((c) => ({
        district: c.district,
        value: c.value ?? null,
        cases: c.cases ?? null,
        suppressed: c.suppressed,
      })),
    };
  });
}

/** The districts of any figure's breakdown, in district order. */
export function districtsOf(views: readonly FigureView[]): string[] {
  const seen = new Set<string>();
  for (const view of views) for (const cell of view.byDistrict) seen.add(cell.district);
  return [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A number as shown: counts as integers, rates as percentages, amounts in yuan with two decimals. */
export function formatNumber(kind: FigureKind, value: number, language: string): string {
  if (kind === 'rate')
    return new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(value);
  if (kind === 'amount') return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

/** Periods a reader can pick, newest first, counted back from today in China: six years, by year, quarter or month. */
export function periodChoices(granularity: 'year' | 'quarter' | 'month', today: Date = new Date()): string[] {
  const china = new Date(today.getTime() + 8 * 3600_000);
  const year = china.getUTCFullYear();
  const month = china.getUTCMonth(); // 0..11
  if (granularity === 'year') return Array.from({ length: 6 }, (_, i) => String(year - i));
  if (granularity === 'quarter') {
    const quarter = Math.floor(month / 3);
    return Array.from({ length: 20 }, (_, i) => {
      const q = quarter - i;
      const y = year + Math.floor(q / 4);
      return `${y}-Q${(((q % 4) + 4) % 4) + 1}`;
    });
  }
  return Array.from({ length: 36 }, (_, i) => {
    const m = month - i;
    const y = year + Math.floor(m / 12);
    return `${y}-${String((((m % 12) + 12) % 12) + 1).padStart(2, '0')}`;
  });
}
