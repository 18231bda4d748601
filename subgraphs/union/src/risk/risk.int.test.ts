import { Department, Role } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import {
  agendaItem,
  describeSignalColumns,
  expectSignals,
  NO_UNION,
  SUGGESTED_AGENDA as AGENDA,
  type SignalRow,
} from '@labour/testing/risk-columns';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';
import { recordRiskEnterprises, RISK_ENTERPRISES } from './risk-enterprises.fixtures';

const { A, C, E } = RISK_ENTERPRISES;
const WINDOW = { since: '2026-08-22', asOf: '2026-11-20' };

// No HR_BUREAU_URL, COURT_URL or JUSTICE_URL: the suggested agenda must answer with the union's signals alone.
const running = useSubgraph(unionSubgraph, { principal: { department: Department.UNION, roles: [Role.COORDINATOR] } }, 60_000);
beforeAll(() => recordRiskEnterprises(running.subgraph.orm.em.fork()), 60_000);

describe('unionRiskSignals (工会预警信号)', () => {
  it('gives recent mediation cases and, for covered enterprises, expired or missing collective contracts, in one statement', async () => {
    const signals: SignalRow[] = [
      [A, 'CONTRACT_EXPIRED', 2, 'latest collective contract expired on 2026-06-30'],
      [A, 'MEDIATION_APPLIED', 1, '1 union mediation case since 2026-08-22'],
      [C, 'MEDIATION_APPLIED', 2, '2 union mediation cases since 2026-08-22'],
      [E, 'CONTRACT_MISSING', 2, 'union organisation but no collective contract'],
    ];
    await expectSignals(running, 'union', Department.UNION, WINDOW, signals, asPrincipal(Department.COURT, Role.SERVICE));
  });
});

describe('suggestedAgenda without the other departments (事前预警议题建议)', () => {
  it("ranks on the union's own signals, adds NO_UNION for uncovered enterprises and names the departments it could not ask", async () => {
    running.subgraph.queries.reset();
    const result = await running.query(AGENDA, { limit: 2, asOf: '2026-11-20' });
    expect(result.body).toEqual({
      data: {
        suggestedAgenda: {
          asOf: '2026-11-20',
          missingSources: ['HR_BUREAU', 'COURT', 'JUSTICE'],
          items: [
            agendaItem(C, 4, [['UNION', 'MEDIATION_APPLIED', 2, '2 union mediation cases since 2026-08-22'], NO_UNION]),
            agendaItem(A, 3, [
              ['UNION', 'CONTRACT_EXPIRED', 2, 'latest collective contract expired on 2026-06-30'],
              ['UNION', 'MEDIATION_APPLIED', 1, '1 union mediation case since 2026-08-22'],
            ]),
          ],
        },
      },
    });
    // The union's signals, then the coverage of the enterprises they bring up: two statements.
    expect(running.subgraph.queries.count).toBe(2);
  });

  it('is for COORDINATOR and ADMIN principals only', async () => {
    const admin = await running.query(AGENDA, { limit: 1, asOf: '2026-11-20' }, asPrincipal(Department.COURT, Role.ADMIN));
    expect(admin.body.data.suggestedAgenda.items).toHaveLength(1);
    for (const role of [Role.ANALYST, Role.CASEWORKER, Role.SERVICE]) {
      const refused = await running.query(AGENDA, { limit: 1 }, asPrincipal(Department.UNION, role));
      expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  it('refuses a limit outside 1 to 200', async () => {
    const result = await running.query(AGENDA, { limit: 201 });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });
});

describeSignalColumns('union', Department.UNION, () => running, WINDOW);
