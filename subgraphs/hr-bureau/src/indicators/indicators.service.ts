import { LEGAL_PERIODS, type IndicatorRow, type Period } from '@labour/shared';
import type { EntityManager } from '@mikro-orm/postgresql';

// Each figure is one aggregate statement over the whole zone by the enterprise's district, `ROLLUP`
// adding the total row (district null). A figure for one district is its cell of these rows, picked by the
// builder (shared/src/indicators), so that it is withheld exactly when its cell of the zone is.

/** Arbitration cases filed in the period (仲裁立案数), by the respondent's district. */
export function countArbitrationCases(em: EntityManager, period: Period): Promise<IndicatorRow[]> {
  return em.getConnection().execute(
    `select e.district, count(*)::int as cases from arbitration_case a join enterprise e on e.id = a.respondent_id
      where a.filed_on between ?::date and ?::date group by rollup (e.district)`,
    [period.from, period.to],
  );
}

/**
 * Arbitration in-period closure rate (仲裁按期结案率): of the accepted cases whose award deadline (45 days
 * after acceptance, 60 if extended) fell in the period and has passed, those closed by that deadline.
 */
export function rateArbitrationClosure(em: EntityManager, period: Period, today: string): Promise<IndicatorRow[]> {
  const last = period.to < today ? period.to : today;
  return em.getConnection().execute(
    `select district, count(*)::int as cases, count(*) filter (where closed_on is not null and closed_on <= deadline)::int as hits
       from (select e.district, a.closed_on, a.accepted_on + (?::int + case when a.extended then ?::int else 0 end) as deadline
               from arbitration_case a join enterprise e on e.id = a.respondent_id
              where a.accepted_on is not null) due
      where deadline between ?::date and ?::date group by rollup (district)`,
    [LEGAL_PERIODS.arbitrationAward, LEGAL_PERIODS.arbitrationExtension, period.from, last],
  );
}

/** Wage-arrears warnings open at the period's end (期末未结欠薪预警) and the amount they name. */
export function sumOpenArrears(em: EntityManager, period: Period): Promise<IndicatorRow[]> {
  return em.getConnection().execute(
    `select e.district, count(*)::int as cases, coalesce(sum(w.amount_owed), 0)::numeric(15,2)::text as amount
       from wage_arrears_alert w join enterprise e on e.id = w.enterprise_id
      where w.raised_on <= ?::date and (w.resolved_on is null or w.resolved_on > ?::date)
      group by rollup (e.district)`,
    [period.to, period.to],
  );
}

/** Mass-layoff reports received in the period (规模裁员报告数). */
export function countLayoffReports(em: EntityManager, period: Period): Promise<IndicatorRow[]> {
  return em.getConnection().execute(
    `select e.district, count(*)::int as cases from layoff_report l join enterprise e on e.id = l.enterprise_id
      where l.reported_on between ?::date and ?::date group by rollup (e.district)`,
    [period.from, period.to],
  );
}

/** Enterprises on the file at the period's end (在册企业数): the denominator of union and contract coverage. */
export function countEnterprises(em: EntityManager, period: Period): Promise<IndicatorRow[]> {
  return em.getConnection().execute(
    `select e.district, count(*)::int as cases from enterprise e
      where e.registered_on <= ?::date group by rollup (e.district)`,
    [period.to],
  );
}
