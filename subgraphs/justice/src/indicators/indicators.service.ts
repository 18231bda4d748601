import type { IndicatorRow, Period } from '@labour/shared';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Legal-aid applications of the period (cases) and the grants made in it (hits). Legal-aid cases carry
 * no district (only the employer's credit code): one statement, whole zone.
 */
export function countLegalAid(em: EntityManager, period: Period): Promise<IndicatorRow[]> {
  return em.getConnection().execute(
    `select null as district, count(*) filter (where applied_on between ?::date and ?::date)::int as cases,
            count(*) filter (where granted_on between ?::date and ?::date)::int as hits
       from legal_aid_case where applied_on <= ?::date`,
    [period.from, period.to, period.from, period.to, period.to],
  );
}
