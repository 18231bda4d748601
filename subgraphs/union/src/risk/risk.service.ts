import { countOf, Department, RISK_WEIGHTS, signalsFromRows, type RiskSignal, type RiskSignalRow, type RiskSignalWindow } from '@labour/shared';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The union's signals in ONE statement (UNION ALL of two aggregates):
 * - MEDIATION_APPLIED: union mediation cases applied for in [since, asOf], 1 each (`applied_on` indexed);
 * - CONTRACT_EXPIRED / CONTRACT_MISSING: for each enterprise an organisation founded by `asOf` covers
 *   (the enterprises the union knows), 2 when its latest collective contract expired before `asOf`, or
 *   when it has none. An enterprise no organisation covers gets NO_UNION instead, and only in the
 *   suggested agenda (see `uncoveredOf`): the union does not keep the enterprise list itself.
 */
const SIGNALS_SQL = `
select m.enterprise_credit_code as credit_code, 'MEDIATION_APPLIED' as kind, count(*)::int as n,
       (count(*) * ${RISK_WEIGHTS.mediationCase})::int as weight, null as extra
  from mediation_case m
 where m.applied_on between ? and ?
 group by m.enterprise_credit_code
union all
select c.code, case when k.latest is null then 'CONTRACT_MISSING' else 'CONTRACT_EXPIRED' end, 1,
       case when k.latest is null then ${RISK_WEIGHTS.contractMissing} else ${RISK_WEIGHTS.contractExpired} end, k.latest::text
  from (select distinct unnest(o.enterprise_credit_codes) as code from union_organization o where o.founded_on <= ?) c
  left join (select enterprise_credit_code, max(expires_on) as latest from collective_contract where effective_on <= ? group by enterprise_credit_code) k
    on k.enterprise_credit_code = c.code
 where k.latest is null or k.latest < ?`;

/** The one statement and its parameters (exported for the benchmark's plan check). */
export function unionSignalStatement({ since, asOf }: Pick<RiskSignalWindow, 'since' | 'asOf'>): { sql: string; params: string[] } {
  return { sql: SIGNALS_SQL, params: [since, asOf, asOf, asOf, asOf] };
}

export async function unionRiskSignals(em: EntityManager, { since, asOf }: RiskSignalWindow): Promise<RiskSignal[]> {
  const statement = unionSignalStatement({ since, asOf });
  const rows = await em.execute<RiskSignalRow[]>(statement.sql, statement.params);
  return signalsFromRows(rows, Department.UNION, (row) => {
    if (row.kind === 'MEDIATION_APPLIED') return `${countOf(row.n, 'union mediation case')} since ${since}`;
    if (row.kind === 'CONTRACT_EXPIRED') return `latest collective contract expired on ${row.extra}`;
    return 'union organisation but no collective contract';
  });
}

/** NO_UNION signals for those of `creditCodes` no union organisation founded by `asOf` covers (one statement). */
export async function noUnionSignals(em: EntityManager, creditCodes: string[], asOf: string): Promise<RiskSignal[]> {
  if (creditCodes.length === 0) return [];
  // Passed as one array literal (credit codes are 18 of [0-9A-Z], checked here), not one parameter each.
  const literal = `{${creditCodes.filter((code) => /^[0-9A-Z]{18}$/.test(code)).join(',')}}`;
  // A hash join of the codes asked about with the covered ones (not `= any(array)` per row: quadratic).
  const rows = await em.execute<Array<{ code: string }>>(
    `select distinct c.code from unnest(?::text[]) as c(code)
       join (select unnest(o.enterprise_credit_codes) as code from union_organization o where o.founded_on <= ?) k on k.code = c.code`,
    [literal, asOf],
  );
  const covered = new Set(rows.map((r) => r.code));
  return signalsFromRows(
    creditCodes.filter((code) => !covered.has(code)).map((code) => ({ credit_code: code, kind: 'NO_UNION', n: 1, weight: RISK_WEIGHTS.noUnion, extra: null })),
    Department.UNION,
    () => 'no union organisation covers it',
  );
}
