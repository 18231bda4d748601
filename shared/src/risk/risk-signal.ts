import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from '../context/principal';
import '../context/principal.graphql';
import { capped, ListCap } from '../pagination/list-bound';
import { Public } from '../permissions/data-class';

/**
 * Early-warning signals (事前预警) each department computes about enterprises from its own records, and
 * the union merges into the joint meeting's suggested agenda (`suggestedAgenda`). Defined once here so the
 * four subgraphs agree: `RiskSignal` is a `@shareable` value type (no key: it is not fetched by reference),
 * and `RiskSignalKind` is the same enum everywhere.
 */
export enum RiskSignalKind {
  WAGE_ARREARS_OPEN = 'WAGE_ARREARS_OPEN',
  LAYOFF_REPORTED = 'LAYOFF_REPORTED',
  ARBITRATION_FILED = 'ARBITRATION_FILED',
  MEDIATION_APPLIED = 'MEDIATION_APPLIED',
  CONTRACT_EXPIRED = 'CONTRACT_EXPIRED',
  CONTRACT_MISSING = 'CONTRACT_MISSING',
  NO_UNION = 'NO_UNION',
  LAWSUIT_FILED = 'LAWSUIT_FILED',
  ENFORCEMENT_FAILED = 'ENFORCEMENT_FAILED',
  LEGAL_AID_APPLIED = 'LEGAL_AID_APPLIED',
}

registerEnumType(RiskSignalKind, {
  name: 'RiskSignalKind',
  description: 'What an early-warning signal (预警信号) is about, and which department gives it.',
  valuesConfig: {
    WAGE_ARREARS_OPEN: { description: 'HR_BUREAU: open wage-arrears warnings (欠薪预警未处置)' },
    LAYOFF_REPORTED: { description: 'HR_BUREAU: layoff reports in the window (经济性裁员报告)' },
    ARBITRATION_FILED: { description: 'HR_BUREAU: arbitration cases filed in the window (劳动仲裁立案)' },
    MEDIATION_APPLIED: { description: 'UNION: union mediation cases applied for in the window (工会调解)' },
    CONTRACT_EXPIRED: { description: 'UNION: every collective contract of a covered enterprise has expired (集体合同到期)' },
    CONTRACT_MISSING: { description: 'UNION: a covered enterprise has never filed a collective contract (未签集体合同)' },
    NO_UNION: { description: 'UNION: no union organisation covers the enterprise (未建会)' },
    LAWSUIT_FILED: { description: 'COURT: labour lawsuits filed in the window (劳动争议诉讼)' },
    ENFORCEMENT_FAILED: { description: 'COURT: enforcement terminated for want of assets (终结本次执行: 无财产可供执行)' },
    LEGAL_AID_APPLIED: { description: 'JUSTICE: legal-aid applications in the window (法律援助申请)' },
  },
});

/** The weight of each signal (预警权重): one place, so the departments' figures add up the same way. */
export const RISK_WEIGHTS = {
  /** Per open warning, by level … */
  wageArrearsLevel: { BLUE: 1, YELLOW: 2, ORANGE: 3, RED: 4 } as Record<string, number>,
  /** … plus its amount band: under ¥100,000 nothing, from ¥100,000 one, from ¥1,000,000 two. */
  wageArrearsBand: [
    { from: 1_000_000, weight: 2, label: '≥ ¥1,000,000' },
    { from: 100_000, weight: 1, label: '¥100,000–999,999' },
    { from: 0, weight: 0, label: '< ¥100,000' },
  ],
  /** A layoff must be reported only when it reaches 20 workers or 10% of the staff (劳动合同法第41条): always a big event. */
  layoffReport: 5,
  arbitrationCase: 1,
  mediationCase: 1,
  contractExpired: 2,
  contractMissing: 2,
  noUnion: 2,
  lawsuit: 2,
  enforcementFailed: 4,
  legalAidApplication: 2,
} as const;

/** How many days back "recent" reaches for the suggested agenda (近90日). */
export const RISK_WINDOW_DAYS = 90;

@ObjectType('RiskSignal', {
  description:
    'One early-warning signal (预警信号) about an enterprise: which department gives it, what kind, its weight and why, in counts only (no personal data).',
})
@Directive('@shareable')
export class RiskSignal {
  @Field({ description: 'Unified social credit code of the enterprise (统一社会信用代码).' })
  @Public()
  creditCode: string;

  @Field(() => Department, { description: 'The department whose records give the signal (来源部门).' })
  @Public()
  source: Department;

  @Field(() => RiskSignalKind, { description: 'What the signal is about (信号类型).' })
  @Public()
  kind: RiskSignalKind;

  @Field(() => Int, { description: "How much the signal adds to the enterprise's score (权重); see the README for the weights." })
  @Public()
  weight: number;

  @Field({ description: 'A short public explanation in counts and bands, e.g. "2 cases since 2026-08-22" (说明).' })
  @Public()
  detail: string;
}

/** The most signals a department's answer holds: one of each kind for each of the most enterprises a signal query may ask for. */
export const RISK_SIGNAL_COLUMNS_CAP = 100_000 * Object.keys(RiskSignalKind).length;
const COLUMN_CAP_WHY = 'one of each kind for each of at most 100000 enterprises';

@ObjectType('RiskSignalColumns', {
  description:
    "A department's early-warning signals as columns (预警信号, 列式): the i-th entries of `creditCodes`, `kinds`, `weights` and `details` make its i-th signal, in the order of the department's signal query. The same signals as `RiskSignal` objects, in a form that costs far less to answer and read when there are thousands (the suggested agenda asks for every enterprise's).",
})
@Directive('@shareable')
export class RiskSignalColumns {
  @Field(() => Department, { description: 'The department whose records give every signal here (来源部门).' })
  @Public()
  source: Department;

  @Field(() => [String], {
    description: capped(
      "Unified social credit code of each signal's enterprise (统一社会信用代码).",
      RISK_SIGNAL_COLUMNS_CAP,
      COLUMN_CAP_WHY,
    ),
  })
  @Public()
  @ListCap(RISK_SIGNAL_COLUMNS_CAP)
  creditCodes: string[];

  @Field(() => [RiskSignalKind], { description: capped('What each signal is about (信号类型).', RISK_SIGNAL_COLUMNS_CAP, COLUMN_CAP_WHY) })
  @Public()
  @ListCap(RISK_SIGNAL_COLUMNS_CAP)
  kinds: RiskSignalKind[];

  @Field(() => [Int], {
    description: capped("How much each signal adds to its enterprise's score (权重).", RISK_SIGNAL_COLUMNS_CAP, COLUMN_CAP_WHY),
  })
  @Public()
  @ListCap(RISK_SIGNAL_COLUMNS_CAP)
  weights: number[];

  @Field(() => [String], {
    description: capped("Each signal's short public explanation in counts and bands (说明).", RISK_SIGNAL_COLUMNS_CAP, COLUMN_CAP_WHY),
  })
  @Public()
  @ListCap(RISK_SIGNAL_COLUMNS_CAP)
  details: string[];
}

/** One department's signals as columns (all of them `source`'s: a signal query gives only its own department's). */
export function signalColumns(source: Department, signals: readonly RiskSignal[]): RiskSignalColumns {
  return Object.assign(new RiskSignalColumns(), {
    source,
    creditCodes: signals.map((s) => s.creditCode),
    kinds: signals.map((s) => s.kind),
    weights: signals.map((s) => s.weight),
    details: signals.map((s) => s.detail),
  });
}
