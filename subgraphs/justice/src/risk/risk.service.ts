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
 * The justice bureau's signal in ONE aggregate statement: LEGAL_AID_APPLIED, legal-aid applications
 * against the enterprise dated in [since, asOf], 2 each, whatever became of them; `applied_on` is indexed.
 */
const SIGNALS_SQL = `
select a.enterprise_credit_code as credit_code, 'LEGAL_AID_APPLIED' as kind, count(*)::int as n,
       (count(*) * ${RISK_WEIGHTS.legalAidApplication})::int as weight, null as extra
  from legal_aid_case a
 where a.applied_on between ? and ?
 group by a.enterprise_credit_code`;

/** The one statement and its parameters (exported for the benchmark's plan check). */
export function justiceSignalStatement({ since, asOf }: Pick<RiskSignalWindow, 'since' | 'asOf'>): { sql: string; params: string[] } {
  return { sql: SIGNALS_SQL, params: [since, asOf] };
}

export async function justiceRiskSignals(em: EntityManager, { since, asOf }: RiskSignalWindow): Promise<RiskSignal[]> {
  const statement = justiceSignalStatement({ since, asOf });
  const rows = await em.execute<RiskSignalRow[]>(statement.sql, statement.params);
  return signalsFromRows(rows, Department.JUSTICE, (row) => `${countOf(row.n, 'legal-aid application')} since ${since}`);
}
