import {
  countedInWindowSql,
  countOf,
  Department,
  RISK_WEIGHTS,
  RiskSignalKind,
  signalsOfStatement,
  signalSource,
  type RiskSignal,
  type RiskSignalRow,
} from '@labour/shared';
import type { EntityManager } from '@mikro-orm/postgresql';

/** MEDIATION_APPLIED: union mediation cases applied for in [since, asOf], 1 each (`applied_on` indexed). */
const MEDIATION_SQL = countedInWindowSql({
  kind: RiskSignalKind.MEDIATION_APPLIED,
  key: 'm.enterprise_credit_code',
  from: 'mediation_case m',
  dated: 'm.applied_on',
  weight: RISK_WEIGHTS.mediationCase,
});

/**
 * The union's signals in ONE statement (UNION ALL of two aggregates):
 * - MEDIATION_APPLIED (above);
 * - CONTRACT_EXPIRED / CONTRACT_MISSING: for each enterprise an organisation founded by `asOf` covers
 *   (the enterprises the union knows), 2 when its latest collective contract expired before `asOf`, or
 *   when it has none. An enterprise no organisation covers gets NO_UNION instead, and only in the
 *   suggested agenda (see `membershipSignals`): the union does not keep the enterprise list itself.
 */
const SIGNALS_SQL = `${MEDIATION_SQL}
union all
select c.code, case when k.latest is null then 'CONTRACT_MISSING' else 'CONTRACT_EXPIRED' end, 1,
       case when k.latest is null then ${RISK_WEIGHTS.contractMissing} else ${RISK_WEIGHTS.contractExpired} end, k.latest::text
  from (select distinct unnest(o.enterprise_credit_codes) as code from union_organization o where o.founded_on <= ?) c
  left join (select enterprise_credit_code, max(expires_on) as latest from collective_contract where effective_on <= ? group by enterprise_credit_code) k
    on k.enterprise_credit_code = c.code
 where k.latest is null or k.latest < ?`;

/** Each union signal's public explanation, the same wherever the signal is computed. */
function describeUnionSignal(row: RiskSignalRow, { since }: { since: string }): string {
  if (row.kind === 'MEDIATION_APPLIED') return `${countOf(row.n, 'union mediation case')} since ${since}`;
  if (row.kind === 'CONTRACT_EXPIRED') return `latest collective contract expired on ${row.extra}`;
  if (row.kind === 'NO_UNION') return 'no union organisation covers it';
  return 'union organisation but no collective contract';
}

const union = signalSource(
  Department.UNION,
  ({ since, asOf }) => ({ sql: SIGNALS_SQL, params: [since, asOf, asOf, asOf, asOf] }),
  describeUnionSignal,
);

/** The one statement and its parameters (exported for the benchmark's plan check). */
export const unionSignalStatement = union.statement;

export const unionRiskSignals = union.signals;

/** The mediation part of the union's signals alone (one statement): what the suggested agenda ranks on first. */
const mediation = signalSource(Department.UNION, ({ since, asOf }) => ({ sql: MEDIATION_SQL, params: [since, asOf] }), describeUnionSignal);

export const unionMediationStatement = mediation.statement;

export const unionMediationSignals = mediation.signals;

/** The most an enterprise's union membership adds to its score: one of CONTRACT_EXPIRED, CONTRACT_MISSING or NO_UNION. */
export const MEMBERSHIP_WEIGHT = Math.max(RISK_WEIGHTS.contractExpired, RISK_WEIGHTS.contractMissing, RISK_WEIGHTS.noUnion);

/**
 * The union-membership signals of an enterprise, in ONE statement: covered by an organisation founded by
 * `asOf`, its latest collective contract expired before `asOf` (CONTRACT_EXPIRED) or none (CONTRACT_MISSING);
 * covered by none, NO_UNION. Asked about `creditCodes`; with `everyCovered`, also about every enterprise an
 * organisation covers (what `unionRiskSignals` gives), for when an enterprise known only to the union may rank.
 * The organisations' codes are hash-joined with the codes asked about (`= any(array)` per code is
 * quadratic, and the planner does not use the GIN index for an overlap with many codes); the contracts
 * are found by their index.
 */
export function membershipStatement(
  creditCodes: readonly string[],
  asOf: string,
  everyCovered: boolean,
): { sql: string; params: string[] } {
  // Passed as one array literal (credit codes are 18 of [0-9A-Z], checked here), not one parameter each.
  const literal = `{${creditCodes.filter((code) => /^[0-9A-Z]{18}$/.test(code)).join(',')}}`;
  const sql = `
with asked as (select distinct a.code from unnest(?::text[]) as a(code)),
covered as (
  select distinct c.code from (select unnest(o.enterprise_credit_codes) as code from union_organization o where o.founded_on <= ?) c
   ${everyCovered ? '' : 'join asked on asked.code = c.code'}
),
subjects as (select code, bool_or(covered) as covered from (select code, false as covered from asked union all select code, true from covered) s group by code),
latest as (
  select k.enterprise_credit_code as code, max(k.expires_on) as latest from collective_contract k
   where k.effective_on <= ? ${everyCovered ? '' : 'and k.enterprise_credit_code = any(?::text[])'}
   group by k.enterprise_credit_code
)
select s.code as credit_code,
       case when not s.covered then 'NO_UNION' when l.latest is null then 'CONTRACT_MISSING' else 'CONTRACT_EXPIRED' end as kind,
       1 as n,
       case when not s.covered then ${RISK_WEIGHTS.noUnion} when l.latest is null then ${RISK_WEIGHTS.contractMissing} else ${RISK_WEIGHTS.contractExpired} end as weight,
       l.latest::text as extra
  from subjects s left join latest l on l.code = s.code
 where not s.covered or l.latest is null or l.latest < ?`;
  const params = everyCovered ? [literal, asOf, asOf, asOf] : [literal, asOf, asOf, literal, asOf];
  return { sql, params };
}

export async function membershipSignals(
  em: EntityManager,
  creditCodes: readonly string[],
  asOf: string,
  everyCovered = false,
): Promise<RiskSignal[]> {
  if (creditCodes.length === 0 && !everyCovered) return [];
  return signalsOfStatement(em, membershipStatement(creditCodes, asOf, everyCovered), Department.UNION, (row) =>
    describeUnionSignal(row, { since: '' }),
  );
}
