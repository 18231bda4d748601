import { Department, Role } from '@labour/shared';
import { startSubgraph, type RunningSubgraph } from '../../../../test/support/subgraph-harness';
import { asColumns, signalsBothWays } from '../../../../test/support/risk-columns';
import { asPrincipal } from '../../../../test/support/tokens';
import { justiceSubgraph } from '../definition';
import { EligibilityBasis, LegalAidCase, LegalAidStatus } from '../legal-aid/legal-aid-case.entity';

const A = '91110302MA01ABCD12';
const B = '91110302MA01ABCD25';
const SIGNALS = /* GraphQL */ `
  query ($since: Date!, $asOf: Date, $limit: Int) { justiceRiskSignals(since: $since, asOf: $asOf, limit: $limit) { creditCode source kind weight detail } }
`;
const WINDOW = { since: '2026-08-22', asOf: '2026-11-20' };

let running: RunningSubgraph;

beforeAll(async () => {
  running = await startSubgraph(justiceSubgraph, { principal: { department: Department.HR_BUREAU, roles: [Role.COORDINATOR] } });
  const em = running.subgraph.orm.em.fork();
  const aid = (no: string, code: string, appliedOn: string, status: LegalAidStatus) =>
    em.create(LegalAidCase, { caseNo: no, disputeNo: `LD-JU-2026-${no}`, applicant: { name: '张三', idNumber: '110105199003071239', personRef: 'x' }, applicantRef: `ref-${no}`, enterpriseCreditCode: code, eligibilityBasis: EligibilityBasis.MIGRANT_WAGE_CLAIM, appliedOn, status, ...(status === LegalAidStatus.GRANTED || status === LegalAidStatus.CLOSED ? { lawyer: '律师甲', grantedOn: appliedOn } : {}) });
  aid('J1', A, '2026-08-22', LegalAidStatus.APPLIED);
  aid('J2', A, '2026-10-10', LegalAidStatus.REFUSED); // refused still shows the workers' trouble
  aid('J3', A, '2026-11-21', LegalAidStatus.APPLIED); // after asOf
  aid('J4', B, '2026-11-01', LegalAidStatus.GRANTED);
  aid('J5', B, '2026-08-21', LegalAidStatus.CLOSED); // before the window
  await em.flush();
}, 60_000);
afterAll(() => running?.stop());

describe('justiceRiskSignals (司法局预警信号)', () => {
  it('counts legal-aid applications in the window, whatever their status, in one statement', async () => {
    running.subgraph.queries.reset();
    const result = await running.query(SIGNALS, WINDOW);
    expect(result.body).toEqual({
      data: {
        justiceRiskSignals: [
          { creditCode: A, source: 'JUSTICE', kind: 'LEGAL_AID_APPLIED', weight: 4, detail: '2 legal-aid applications since 2026-08-22' },
          { creditCode: B, source: 'JUSTICE', kind: 'LEGAL_AID_APPLIED', weight: 2, detail: '1 legal-aid application since 2026-08-22' },
        ],
      },
    });
    expect(running.subgraph.queries.count).toBe(1);
    const top = await running.query(SIGNALS, { ...WINDOW, limit: 1 });
    expect(top.body.data.justiceRiskSignals.map((s: { creditCode: string }) => s.creditCode)).toEqual([A]);
  });

  it('refuses an ANALYST and a CASEWORKER', async () => {
    for (const role of [Role.ANALYST, Role.CASEWORKER]) {
      const result = await running.query(SIGNALS, WINDOW, asPrincipal(Department.JUSTICE, role));
      expect(result.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });
});

describe('justiceRiskSignalColumns: the same signals as columns', () => {
  const names = { objects: 'justiceRiskSignals', columns: 'justiceRiskSignalColumns' };

  it('answers the signals of justiceRiskSignals, in the same order, in one statement', async () => {
    for (const limit of [undefined, 1, 100_000]) {
      const { objects, columns, statements } = await signalsBothWays(running, names, { ...WINDOW, limit });
      expect(objects.data![names.objects]!.length).toBeGreaterThan(0);
      expect(columns).toEqual({ data: { [names.columns]: asColumns('JUSTICE', objects.data![names.objects]!) } });
      expect(statements).toBe(1);
    }
  });

  it('answers COORDINATOR, SERVICE and ADMIN of any department; refuses ANALYST and CASEWORKER with FORBIDDEN', async () => {
    for (const [department, role] of [[Department.UNION, Role.COORDINATOR], [Department.COURT, Role.SERVICE], [Department.JUSTICE, Role.ADMIN]] as const) {
      const { columns } = await signalsBothWays(running, names, WINDOW, asPrincipal(department, role));
      expect(columns.errors).toBeUndefined();
      expect(columns.data![names.columns]!.source).toBe('JUSTICE');
    }
    for (const [department, role] of [[Department.JUSTICE, Role.ANALYST], [Department.JUSTICE, Role.CASEWORKER]] as const) {
      const { columns } = await signalsBothWays(running, names, WINDOW, asPrincipal(department, role));
      expect(columns.data).toBeNull();
      expect(columns.errors!.map((e) => e.extensions!['code'])).toEqual(['FORBIDDEN']);
    }
  });

  it('refuses a limit outside 1 to 100000 and a window that starts after asOf, naming the argument', async () => {
    for (const limit of [0, 100_001]) {
      const { columns } = await signalsBothWays(running, names, { ...WINDOW, limit });
      expect(columns.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit', rule: 'must be between 1 and 100000' });
    }
    const { columns } = await signalsBothWays(running, names, { since: '2026-11-21', asOf: '2026-11-20' });
    expect(columns.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since', rule: 'must not be after asOf' });
  });
});
