import { Department, Role } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { describeSignalColumns, expectSignals } from '@labour/testing/risk-columns';
import { asPrincipal } from '@labour/testing/tokens';
import { ArbitrationCase } from '../arbitration/arbitration-case.entity';
import { hrBureauSubgraph } from '../definition';
import { Enterprise, Ownership } from '../enterprise/enterprise.entity';
import { LayoffReport } from '../layoff/layoff-report.entity';
import { AlertLevel, WageArrearsAlert } from '../wage-arrears/wage-arrears-alert.entity';

const A = '91110302MA01ABCD12';
const B = '91110302MA01ABCD25';
const C = '91110115102884310L';
const SIGNALS = /* GraphQL */ `
  query ($since: Date!, $asOf: Date, $limit: Int) {
    hrBureauRiskSignals(since: $since, asOf: $asOf, limit: $limit) { creditCode source kind weight detail }
  }
`;
const WINDOW = { since: '2026-08-22', asOf: '2026-11-20' };

const running = useSubgraph(hrBureauSubgraph, { principal: { department: Department.UNION, roles: [Role.COORDINATOR] } }, 60_000);
beforeAll(async () => {
  const em = running.subgraph.orm.em.fork();
  const enterprise = (creditCode: string) =>
    em.create(Enterprise, {
      creditCode,
      name: `企业${creditCode.slice(-3)}`,
      industry: '制造业',
      district: '亦庄镇',
      address: '某路1号',
      ownership: Object.values(Ownership)[0]!,
      employeeCount: 100,
      registeredOn: '2010-01-01',
    });
  const [a, b, c] = [enterprise(A), enterprise(B), enterprise(C)];
  const alert = (no: string, e: Enterprise, level: AlertLevel, amountOwed: string, raisedOn: string, resolvedOn: string | null = null) =>
    em.create(WageArrearsAlert, {
      alertNo: no,
      enterprise: e,
      project: '项目',
      level,
      amountOwed,
      workersAffected: 10,
      raisedOn,
      resolvedOn,
    });
  alert('W1', a, AlertLevel.RED, '1500000.00', '2026-10-01'); // 4 + 2
  alert('W2', a, AlertLevel.BLUE, '50000.00', '2026-06-01'); // 1 + 0, raised before the window: still open
  alert('W3', a, AlertLevel.ORANGE, '200000.00', '2026-09-01', '2026-11-01'); // resolved: no signal
  alert('W4', b, AlertLevel.YELLOW, '100000.00', '2026-11-19'); // 2 + 1
  alert('W5', b, AlertLevel.RED, '9000000.00', '2026-11-21'); // raised after asOf: no signal
  const layoff = (no: string, e: Enterprise, reportedOn: string) =>
    em.create(LayoffReport, {
      reportNo: no,
      enterprise: e,
      plannedCount: 50,
      reason: '经营困难',
      reportedOn,
      effectiveOn: '2026-12-31',
      placementPlan: '安置方案',
    });
  layoff('L1', c, '2026-08-22');
  layoff('L2', c, '2026-08-21'); // the day before the window
  const arbitration = (no: string, e: Enterprise, filedOn: string) =>
    em.create(ArbitrationCase, {
      caseNo: no,
      disputeNo: `LD-HR-2026-${no}`,
      applicants: [],
      applicantRefs: [],
      respondent: e,
      claims: '工资',
      claimAmount: '1000.00',
      filedOn,
    });
  arbitration('A1', b, '2026-09-01');
  arbitration('A2', b, '2026-11-20');
  arbitration('A3', a, '2026-01-01'); // long ago
  await em.flush();
}, 60_000);

describe('hrBureauRiskSignals (人社局预警信号)', () => {
  it('gives open warnings by level and amount band, recent layoff reports and arbitration cases, highest total first', async () => {
    await expectSignals(running, 'hrBureau', Department.HR_BUREAU, WINDOW, [
      [A, 'WAGE_ARREARS_OPEN', 7, '2 open wage-arrears warnings, highest RED, amount owed ≥ ¥1,000,000'],
      // B and C both total 5: the lower credit code first.
      [C, 'LAYOFF_REPORTED', 5, '1 layoff report since 2026-08-22'],
      [B, 'WAGE_ARREARS_OPEN', 3, '1 open wage-arrears warning, highest YELLOW, amount owed ¥100,000–999,999'],
      [B, 'ARBITRATION_FILED', 2, '2 arbitration cases filed since 2026-08-22'],
    ]);
  });

  it('keeps the signals of the N heaviest enterprises with limit, in one SQL statement', async () => {
    running.subgraph.queries.reset();
    const result = await running.query(SIGNALS, { ...WINDOW, limit: 2 });
    expect(result.body.data.hrBureauRiskSignals.map((s: { creditCode: string; kind: string }) => `${s.creditCode} ${s.kind}`)).toEqual([
      `${A} WAGE_ARREARS_OPEN`,
      `${C} LAYOFF_REPORTED`,
    ]);
    expect(running.subgraph.queries.count).toBe(1);
  });

  it('answers COORDINATOR, SERVICE and ADMIN of any department; ANALYST and CASEWORKER get FORBIDDEN', async () => {
    for (const [department, role] of [
      [Department.COURT, Role.SERVICE],
      [Department.JUSTICE, Role.ADMIN],
    ] as const) {
      const ok = await running.query(SIGNALS, WINDOW, asPrincipal(department, role));
      expect(ok.body.data.hrBureauRiskSignals).toHaveLength(4);
    }
    for (const [department, role] of [
      [Department.HR_BUREAU, Role.ANALYST],
      [Department.HR_BUREAU, Role.CASEWORKER],
    ] as const) {
      const refused = await running.query(SIGNALS, WINDOW, asPrincipal(department, role));
      expect(refused.body.data).toBeNull();
      expect(refused.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a window that starts after asOf', async () => {
    const result = await running.query(SIGNALS, { since: '2026-11-21', asOf: '2026-11-20' });
    expect(result.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since', rule: 'must not be after asOf' });
  });
});

describeSignalColumns('hrBureau', Department.HR_BUREAU, () => running, WINDOW);
