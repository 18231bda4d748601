import { countedInWindowSql, countOf, Department, RISK_WEIGHTS, RiskSignalKind, signalSource } from '@labour/shared';

/**
 * The court's signals in ONE statement (UNION ALL of two aggregates, grouped by enterprise):
 * - LAWSUIT_FILED: labour lawsuits filed in [since, asOf] naming the enterprise as a defendant, 2 each
 *   (a suit against several employers counts for each); `filed_on` is indexed;
 * - ENFORCEMENT_FAILED: enforcement cases terminated for want of assets by `asOf`, whenever filed (an
 *   employer with nothing to seize stays a risk), 4 each; `status` is indexed.
 */
const SIGNALS_SQL = `${countedInWindowSql({
  kind: RiskSignalKind.LAWSUIT_FILED,
  key: 'd.code',
  from: 'lawsuit l cross join unnest(l.defendant_credit_codes) as d(code)',
  dated: 'l.filed_on',
  weight: RISK_WEIGHTS.lawsuit,
})}
union all
select x.respondent_credit_code, 'ENFORCEMENT_FAILED', count(*)::int, (count(*) * ${RISK_WEIGHTS.enforcementFailed})::int, null
  from enforcement_case x
 where x.status = 'TERMINATED_NO_ASSETS' and (x.closed_on is null or x.closed_on <= ?)
 group by x.respondent_credit_code`;

const court = signalSource(
  Department.COURT,
  ({ since, asOf }) => ({ sql: SIGNALS_SQL, params: [since, asOf, asOf] }),
  (row, { since }) =>
    row.kind === 'LAWSUIT_FILED'
      ? `${countOf(row.n, 'labour lawsuit')} filed since ${since}`
      : `${countOf(row.n, 'enforcement case')} terminated without assets`,
);

/** The one statement and its parameters (exported for the benchmark's plan check). */
export const courtSignalStatement = court.statement;

export const courtRiskSignals = court.signals;
