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

const LEVELS = ['BLUE', 'YELLOW', 'ORANGE', 'RED'] as const;
const levelWeight = `case a.level ${LEVELS.map((l) => `when '${l}' then ${RISK_WEIGHTS.wageArrearsLevel[l]}`).join(' ')} else 0 end`;
const levelRank = `case a.level ${LEVELS.map((l, i) => `when '${l}' then ${i}`).join(' ')} else 0 end`;
const bandWeight = (amount: string) =>
  `case ${RISK_WEIGHTS.wageArrearsBand.map((b) => `when ${amount} >= ${b.from} then ${b.weight}`).join(' ')} else 0 end`;

/**
 * The labour bureau's signals in ONE statement (UNION ALL of three aggregates, grouped by enterprise):
 * - WAGE_ARREARS_OPEN: warnings open on `asOf`; per warning its level weight plus its amount band's;
 * - LAYOFF_REPORTED: layoff reports dated in [since, asOf], 5 each;
 * - ARBITRATION_FILED: arbitration cases filed in [since, asOf], 1 each.
 * The date columns have indexes (raised_on, reported_on, filed_on), so the windows do not scan the tables.
 * Each aggregate groups by the enterprise's id first and then looks its credit code up by primary key
 * (a scalar subquery): a join before grouping had PostgreSQL hash every enterprise for the arbitration cases.
 */
const codeOf = (id: string) => `(select e.credit_code from enterprise e where e.id = ${id})`;
const SIGNALS_SQL = `
select ${codeOf('g.enterprise_id')} as credit_code, g.kind, g.n, g.weight, g.extra from (
select a.enterprise_id, 'WAGE_ARREARS_OPEN' as kind, count(*)::int as n,
       sum(${levelWeight} + ${bandWeight('a.amount_owed')})::int as weight,
       max(${levelRank})::text || ':' || sum(a.amount_owed)::text as extra
  from wage_arrears_alert a
 where a.raised_on <= ? and (a.resolved_on is null or a.resolved_on > ?)
 group by a.enterprise_id
union all
select l.enterprise_id, 'LAYOFF_REPORTED', count(*)::int, (count(*) * ${RISK_WEIGHTS.layoffReport})::int, null
  from layoff_report l
 where l.reported_on between ? and ?
 group by l.enterprise_id
union all
select c.respondent_id, 'ARBITRATION_FILED', count(*)::int, (count(*) * ${RISK_WEIGHTS.arbitrationCase})::int, null
  from arbitration_case c
 where c.filed_on between ? and ?
 group by c.respondent_id
) g`;

function bandOf(total: number): string {
  return RISK_WEIGHTS.wageArrearsBand.find((b) => total >= b.from)!.label;
}

/** The one statement and its parameters (exported for the benchmark's plan check). */
export function hrBureauSignalStatement({ since, asOf }: Pick<RiskSignalWindow, 'since' | 'asOf'>): { sql: string; params: string[] } {
  return { sql: SIGNALS_SQL, params: [asOf, asOf, since, asOf, since, asOf] };
}

export async function hrBureauRiskSignals(em: EntityManager, { since, asOf }: RiskSignalWindow): Promise<RiskSignal[]> {
  const statement = hrBureauSignalStatement({ since, asOf });
  const rows = await em.execute<RiskSignalRow[]>(statement.sql, statement.params);
  return signalsFromRows(rows, Department.HR_BUREAU, (row) => {
    if (row.kind === 'WAGE_ARREARS_OPEN') {
      const [rank, total] = (row.extra ?? '0:0').split(':');
      return `${countOf(row.n, 'open wage-arrears warning')}, highest ${LEVELS[Number(rank)]}, amount owed ${bandOf(Number(total))}`;
    }
    if (row.kind === 'LAYOFF_REPORTED') return `${countOf(row.n, 'layoff report')} since ${since}`;
    return `${countOf(row.n, 'arbitration case')} filed since ${since}`;
  });
}
