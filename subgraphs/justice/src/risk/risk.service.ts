import { countedInWindowSql, countOf, Department, RISK_WEIGHTS, RiskSignalKind, signalSource } from '@labour/shared';

/**
 * The justice bureau's signal in ONE aggregate statement: LEGAL_AID_APPLIED, legal-aid applications
 * against the enterprise dated in [since, asOf], 2 each, whatever became of them; `applied_on` is indexed.
 */
const SIGNALS_SQL = countedInWindowSql({
  kind: RiskSignalKind.LEGAL_AID_APPLIED,
  key: 'a.enterprise_credit_code',
  from: 'legal_aid_case a',
  dated: 'a.applied_on',
  weight: RISK_WEIGHTS.legalAidApplication,
});

const justice = signalSource(
  Department.JUSTICE,
  ({ since, asOf }) => ({ sql: SIGNALS_SQL, params: [since, asOf] }),
  (row, { since }) => `${countOf(row.n, 'legal-aid application')} since ${since}`,
);

/** The one statement and its parameters (exported for the benchmark's plan check). */
export const justiceSignalStatement = justice.statement;

export const justiceRiskSignals = justice.signals;
