import type { IndicatorRow, Period } from '@labour/shared';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Labour lawsuits filed in the period (cases) and those of them now on appeal (hits). The court keeps no
 * district (only the defendants' credit codes) and no appeal date: one statement, whole zone.
 */
export function countLawsuits(em: EntityManager, period: Period): Promise<IndicatorRow[]> {
  return em.getConnection().execute(
    `select null as district, count(*)::int as cases, count(*) filter (where stage = 'APPEALED')::int as hits
       from lawsuit where filed_on between ?::date and ?::date`,
    [period.from, period.to],
  );
}
