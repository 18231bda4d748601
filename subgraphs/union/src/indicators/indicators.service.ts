import type { IndicatorRow, Period } from '@labour/shared';
import type { EntityManager } from '@mikro-orm/postgresql';

// One aggregate statement per figure. Mediation cases and contracts carry no district in the union's
// data (only the enterprise's credit code, whose district is the labour bureau's): those figures are for
// the whole zone only, one row with district null. Union organisations do carry a district.

/** Union mediation cases applied for in the period (工会调解受理数). */
export function countMediationCases(em: EntityManager, period: Period): Promise<IndicatorRow[]> {
  return em
    .getConnection()
    .execute(`select null as district, count(*)::int as cases from mediation_case where applied_on between ?::date and ?::date`, [
      period.from,
      period.to,
    ]);
}

/** Mediation cases closed in the period (cases) and those closed with an agreement (hits, 调解成功). */
export function rateMediationSuccess(em: EntityManager, period: Period): Promise<IndicatorRow[]> {
  return em.getConnection().execute(
    `select null as district, count(*)::int as cases, count(*) filter (where outcome = 'AGREED')::int as hits
       from mediation_case where status = 'CLOSED' and closed_on between ?::date and ?::date`,
    [period.from, period.to],
  );
}

/**
 * Enterprises covered by a union organisation founded by the period's end (建会企业数), by its district,
 * over the whole zone (a district's figure is its cell, picked by the builder).
 */
export function countEnterprisesWithUnion(em: EntityManager, period: Period): Promise<IndicatorRow[]> {
  return em.getConnection().execute(
    `select o.district, count(distinct code)::int as cases
       from union_organization o cross join lateral unnest(o.enterprise_credit_codes) as code
      where o.founded_on <= ?::date group by rollup (o.district)`,
    [period.to],
  );
}

/** Enterprises with a collective contract in force on the period's last day (集体合同覆盖企业数). */
export function countEnterprisesWithContract(em: EntityManager, period: Period): Promise<IndicatorRow[]> {
  return em.getConnection().execute(
    `select null as district, count(distinct enterprise_credit_code)::int as cases
       from collective_contract where effective_on <= ?::date and expires_on >= ?::date`,
    [period.to, period.to],
  );
}
