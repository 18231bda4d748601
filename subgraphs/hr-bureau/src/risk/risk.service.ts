import { countedInWindowSql, countOf, Department, RISK_WEIGHTS, RiskSignalKind, signalSource } from '@labour/shared';

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
const LAYOFF_SQL = countedInWindowSql({
  kind: RiskSignalKind.LAYOFF_REPORTED,
  key: 'l.enterprise_id',
  keyAs: 'enterprise_id',
  from: 'layoff_report l',
  dated: 'l.reported_on',
  weight: RISK_WEIGHTS.layoffReport,
});
const ARBITRATION_SQL = countedInWindowSql({
  kind: RiskSignalKind.ARBITRATION_FILED,
  key: 'c.respondent_id',
  keyAs: 'enterprise_id',
  from: 'arbitration_case c',
  dated: 'c.filed_on',
  weight: RISK_WEIGHTS.arbitrationCase,
});
const codeOf = (id: string) => `(select e.credit_code from enterprise e where e.id = ${id})`;
const SIGNALS_SQL = `
select ${codeOf('g.enterprise_id')} as credit_code, g.kind, g.n, g.weight, g.extra from (
select a.enterprise_id, 'WAGE_ARREARS_OPEN' as kind, count(*)::int as n,
       sum(${levelWeight} + ${bandWeight('a.amount_owed')})::int as weight,
       max(${levelRank})::text || ':' || sum(a.amount_owed)::text as extra
  from wage_arrears_alert a
 where a.raised_on <= ? and (a.resolved_on is null or a.resolved_on > ?)
 group by a.enterprise_id
union all${LAYOFF_SQL}
union all${ARBITRATION_SQL}
) g`;

function bandOf(total: number): string {
  return RISK_WEIGHTS.wageArrearsBand.find((b) => total >= b.from)!.label;
}

const hrBureau = signalSource(
  Department.HR_BUREAU,
  ({ since, asOf }) => ({ sql: SIGNALS_SQL, params: [asOf, asOf, since, asOf, since, asOf] }),
  (row, { since }) => {
    if (row.kind === 'WAGE_ARREARS_OPEN') {
      const [rank, total] = (row.extra ?? '0:0').split(':');
      return `${countOf(row.n, 'open wage-arrears warning')}, highest ${LEVELS[Number(rank)]}, amount owed ${bandOf(Number(total))}`;
    }
    if (row.kind === 'LAYOFF_REPORTED') return `${countOf(row.n, 'layoff report')} since ${since}`;
    return `${countOf(row.n, 'arbitration case')} filed since ${since}`;
  },
);

/** The one statement and its parameters (exported for the benchmark's plan check). */
export const hrBureauSignalStatement = hrBureau.statement;

export const hrBureauRiskSignals = hrBureau.signals;
