import { Department, Role } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { describeSignalColumns, expectSignals } from '@labour/testing/risk-columns';
import { justiceSubgraph } from '../definition';
import { EligibilityBasis, LegalAidCase, LegalAidStatus } from '../legal-aid/legal-aid-case.entity';

const A = '91110302MA01ABCD12';
const B = '91110302MA01ABCD25';
const SIGNALS = /* GraphQL */ `
  query ($since: Date!, $asOf: Date, $limit: Int) { justiceRiskSignals(since: $since, asOf: $asOf, limit: $limit) { creditCode source kind weight detail } }
`;
const WINDOW = { since: '2026-08-22', asOf: '2026-11-20' };

const running = useSubgraph(justiceSubgraph, { principal: { department: Department.HR_BUREAU, roles: [Role.COORDINATOR] } }, 60_000);
beforeAll(async () => {
  const em = running.subgraph.orm.em.fork();
  const aid = (no: string, code: string, appliedOn: string, status: LegalAidStatus) =>
    em.create(LegalAidCase, {
      caseNo: no,
      disputeNo: `LD-JU-2026-${no}`,
      applicant: { name: '张三', idNumber: '110105199003071239', personRef: 'x' },
      applicantRef: `ref-${no}`,
      enterpriseCreditCode: code,
      eligibilityBasis: EligibilityBasis.MIGRANT_WAGE_CLAIM,
      appliedOn,
      status,
      ...(status === LegalAidStatus.GRANTED || status === LegalAidStatus.CLOSED ? { lawyer: '律师甲', grantedOn: appliedOn } : {}),
    });
  aid('J1', A, '2026-08-22', LegalAidStatus.APPLIED);
  aid('J2', A, '2026-10-10', LegalAidStatus.REFUSED); // refused still shows the workers' trouble
  aid('J3', A, '2026-11-21', LegalAidStatus.APPLIED); // after asOf
  aid('J4', B, '2026-11-01', LegalAidStatus.GRANTED);
  aid('J5', B, '2026-08-21', LegalAidStatus.CLOSED); // before the window
  await em.flush();
}, 60_000);

describe('justiceRiskSignals (司法局预警信号)', () => {
  it('counts legal-aid applications in the window, whatever their status, in one statement', async () => {
    await expectSignals(running, 'justice', Department.JUSTICE, WINDOW, [
      [A, 'LEGAL_AID_APPLIED', 4, '2 legal-aid applications since 2026-08-22'],
      [B, 'LEGAL_AID_APPLIED', 2, '1 legal-aid application since 2026-08-22'],
    ]);
    const top = await running.query(SIGNALS, { ...WINDOW, limit: 1 });
    expect(top.body.data.justiceRiskSignals.map((s: { creditCode: string }) => s.creditCode)).toEqual([A]);
  });
});

describeSignalColumns('justice', Department.JUSTICE, () => running, WINDOW);
