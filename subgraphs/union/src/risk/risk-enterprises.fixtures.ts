import type { EntityManager } from '@mikro-orm/postgresql';
import { riskRecords } from './risk.fixtures';

/** The enterprises of the union's risk-signal tests, by what the union's records say of them as of 2026-11-20. */
export const RISK_ENTERPRISES = {
  /** Covered, contract expired (after an older one), one recent mediation case. */
  A: '91110302MA01ABCD12',
  /** Covered, contract in force, mediation before the 90-day window. */
  B: '91110302MA01ABCD25',
  /** Not covered, two recent mediation cases. */
  C: '91110115102884310L',
  /** Covered only by an organisation founded after asOf, no contract. */
  D: '91110302MA00F7LK33',
  /** Covered, never a contract. */
  E: '91110302802205163G',
} as const;

/** Writes the union's records of RISK_ENTERPRISES: its organisations, collective contracts and mediation cases. */
export async function recordRiskEnterprises(em: EntityManager): Promise<void> {
  const { A, B, C, D, E } = RISK_ENTERPRISES;
  const { organization, contract, mediation } = riskRecords(em);
  organization('联合工会', [A, B, E], '2015-05-01');
  organization('新建工会', [D], '2026-11-25');
  contract('C1', A, '2023-07-01', '2026-06-30');
  contract('C2', A, '2020-07-01', '2023-06-30');
  contract('C3', B, '2024-01-01', '2027-12-31');
  mediation('M1', A, '2026-10-01');
  mediation('M2', B, '2026-08-01');
  mediation('M3', C, '2026-09-10');
  mediation('M4', C, '2026-11-20');
  await em.flush();
}
