import { Department, Role } from '@labour/shared';
import { startSubgraph, type RunningSubgraph } from '@labour/testing/subgraph-harness';
import { describeSignalColumns } from '@labour/testing/risk-columns';
import { asPrincipal } from '@labour/testing/tokens';
import { courtSubgraph } from '../definition';
import { EnforcementCase, EnforcementStatus } from '../enforcement/enforcement-case.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';

const A = '91110302MA01ABCD12';
const B = '91110302MA01ABCD25';
const C = '91110115102884310L';
const SIGNALS = /* GraphQL */ `
  query ($since: Date!, $asOf: Date) { courtRiskSignals(since: $since, asOf: $asOf) { creditCode source kind weight detail } }
`;
const WINDOW = { since: '2026-08-22', asOf: '2026-11-20' };

let running: RunningSubgraph;

beforeAll(async () => {
  running = await startSubgraph(courtSubgraph, { principal: { department: Department.UNION, roles: [Role.COORDINATOR] } });
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
afterAll(() => running?.stop());

describe('courtRiskSignals (法院预警信号)', () => {
  it('gives recent lawsuits per defendant and enforcement terminated without assets, in one statement', async () => {
    running.subgraph.queries.reset();
    const result = await running.query(SIGNALS, WINDOW);
    expect(result.body).toEqual({
      data: {
        courtRiskSignals: [
          {
            creditCode: C,
            source: 'COURT',
            kind: 'ENFORCEMENT_FAILED',
            weight: 8,
            detail: '2 enforcement cases terminated without assets',
          },
          { creditCode: A, source: 'COURT', kind: 'LAWSUIT_FILED', weight: 4, detail: '2 labour lawsuits filed since 2026-08-22' },
          { creditCode: B, source: 'COURT', kind: 'LAWSUIT_FILED', weight: 2, detail: '1 labour lawsuit filed since 2026-08-22' },
        ],
      },
    });
    expect(running.subgraph.queries.count).toBe(1);
  });

  it('refuses an ANALYST', async () => {
    const result = await running.query(SIGNALS, WINDOW, asPrincipal(Department.COURT, Role.ANALYST));
    expect(result.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describeSignalColumns('court', Department.COURT, () => running, WINDOW);
