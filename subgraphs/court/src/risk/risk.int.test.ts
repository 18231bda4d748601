import { Department, Role } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { describeSignalColumns, expectSignals } from '@labour/testing/risk-columns';
import { courtSubgraph } from '../definition';
import { EnforcementCase, EnforcementStatus } from '../enforcement/enforcement-case.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';

const A = '91110302MA01ABCD12';
const B = '91110302MA01ABCD25';
const C = '91110115102884310L';
const WINDOW = { since: '2026-08-22', asOf: '2026-11-20' };

const running = useSubgraph(courtSubgraph, { principal: { department: Department.UNION, roles: [Role.COORDINATOR] } }, 60_000);
beforeAll(async () => {
  const em = running.subgraph.orm.em.fork();
  const lawsuit = (no: string, defendants: string[], filedOn: string) =>
    em.create(Lawsuit, {
      caseNo: no,
      disputeNo: `LD-CO-2026-${no}`,
      arbitrationCaseNo: `ARB-${no}`,
      plaintiffs: [],
      plaintiffRefs: [],
      defendantCreditCodes: defendants,
      cause: '劳动争议',
      filedOn,
    });
  lawsuit('S1', [A, B], '2026-09-01'); // counts for both defendants
  lawsuit('S2', [A], '2026-11-20');
  lawsuit('S3', [C], '2026-05-01'); // before the window
  const enforcement = (no: string, code: string, status: EnforcementStatus, closedOn: string | null) =>
    em.create(EnforcementCase, {
      caseNo: no,
      disputeNo: `LD-CO-2026-${no}`,
      sourceCaseNo: `SRC-${no}`,
      applicant: { name: '张三', idNumber: '110105199003071239', personRef: 'x' },
      applicantRef: `ref-${no}`,
      respondentCreditCode: code,
      amount: '1000.00',
      filedOn: '2025-01-01',
      closedOn,
      status,
    });
  enforcement('X1', C, EnforcementStatus.TERMINATED_NO_ASSETS, '2025-06-01'); // failed long ago: still a signal
  enforcement('X2', C, EnforcementStatus.TERMINATED_NO_ASSETS, '2026-10-01');
  enforcement('X3', B, EnforcementStatus.CONCLUDED, '2026-10-01'); // paid: no signal
  enforcement('X4', B, EnforcementStatus.TERMINATED_NO_ASSETS, '2026-11-21'); // after asOf
  await em.flush();
}, 60_000);

describe('courtRiskSignals (法院预警信号)', () => {
  it('gives recent lawsuits per defendant and enforcement terminated without assets, in one statement', async () => {
    await expectSignals(running, 'court', Department.COURT, WINDOW, [
      [C, 'ENFORCEMENT_FAILED', 8, '2 enforcement cases terminated without assets'],
      [A, 'LAWSUIT_FILED', 4, '2 labour lawsuits filed since 2026-08-22'],
      [B, 'LAWSUIT_FILED', 2, '1 labour lawsuit filed since 2026-08-22'],
    ]);
  });
});

describeSignalColumns('court', Department.COURT, () => running, WINDOW);
