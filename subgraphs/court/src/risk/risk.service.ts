import {
  countOf,
  Department,
  RISK_WEIGHTS,
  signalsFromRows,
  type RiskSignal,
  type RiskSignalRow,
  type RiskSignalWindow,
} from '@labour/shared';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The court's signals in ONE statement (UNION ALL of two aggregates, grouped by enterprise):
 * - LAWSUIT_FILED: labour lawsuits filed in [since, asOf] naming the enterprise as a defendant, 2 each
 *   (a suit against several employers counts for each); `filed_on` is indexed;
 * - ENFORCEMENT_FAILED: enforcement cases terminated for want of assets by `asOf`, whenever filed (an
 *   employer with nothing to seize stays a risk), 4 each; `status` is indexed.
 */
const SIGNALS_SQL = `
select d.code as credit_code, 'LAWSUIT_FILED' as kind, count(*)::int as n, (count(*) * ${RISK_WEIGHTS.lawsuit})::int as weight, null as extra
  from lawsuit l cross join unnest(l.defendant_credit_codes) as d(code)
 where l.filed_on between ? and ?
 group by d.code
union all
select x.respondent_credit_code, 'ENFORCEMENT_FAILED', count(*)::int, (count(*) * ${RISK_WEIGHTS.enforcementFailed})::int, null
  from enforcement_case x
 where x.status = 'TERMINATED_NO_ASSETS' and (x.closed_on is null or x.closed_on <= ?)
 group by x.respondent_credit_code`;

/** The one statement and its parameters (exported for the benchmark's plan check). */
export function courtSignalStatement({ since, asOf }: Pick<RiskSignalWindow, 'since' | 'asOf'>): { sql: string; params: string[] } {
  return { sql: SIGNALS_SQL, params: [since, asOf, asOf] };
}

export async function courtRiskSignals(em: EntityManager, { since, asOf }: RiskSignalWindow): Promise<RiskSignal[]> {
  const statement = courtSignalStatement({ since, asOf });
  const rows = await em.execute<RiskSignalRow[]>(statement.sql, statement.params);
  return signalsFromRows(rows, Department.COURT, (row) =>
    row.kind === 'LAWSUIT_FILED'
      ? `${countOf(row.n, 'labour lawsuit')} filed since ${since}`
      : `${countOf(row.n, 'enforcement case')} terminated without assets`,
  );
}
