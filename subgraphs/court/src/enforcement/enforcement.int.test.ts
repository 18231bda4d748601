import { personRefOf } from '@labour/shared';
import { TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { badInput, FACTORY, LI, mutation } from '../court.fixtures';
import { courtSubgraph } from '../definition';

const running = useSubgraph(courtSubgraph);

describe('enforcement', () => {
  const FIELDS = 'caseNo status amount recoveredAmount closedOn dueOn version respondent { creditCode } applicant { name personRef }';
  const caseNo = '（2026）京0115执567号';
  /** The input of the case `caseNo`, filed 2026-05-31 for LI against FACTORY, for `amount`. */
  const enforcementInput = (amount: string) => ({
    caseNo,
    disputeNo: 'LD-HR-2026-000123',
    sourceCaseNo: '（2026）京0115民初1234号',
    applicant: LI,
    respondentCreditCode: FACTORY,
    amount,
    filedOn: '2026-05-31',
  });
  const change = (name: string, input: string, values: Record<string, unknown>) =>
    running.query(mutation(name, input, 'status amount recoveredAmount closedOn dueOn version'), { input: { caseNo, ...values } });

  it('refuses a recovered amount above the amount, writing nothing', async () => {
    const input = { ...enforcementInput('100'), recoveredAmount: '150.00' };
    const { body } = await running.query(mutation('createEnforcementCase', 'CreateEnforcementCaseInput', FIELDS), { input });
    expect(body.errors).toEqual([badInput('recoveredAmount', 'must not be more than amount (100.00)')]);
    expect((await running.query(`{ enforcementCase(caseNo: "${caseNo}") { caseNo } }`)).body).toEqual({ data: { enforcementCase: null } });
  });

  it('is due in 6 months, keeps money exact and ends once', async () => {
    const input = enforcementInput('57470');
    const created = await running.query(mutation('createEnforcementCase', 'CreateEnforcementCaseInput', FIELDS), { input });
    expect(created.body.data.createEnforcementCase).toEqual({
      caseNo,
      status: 'OPEN',
      amount: '57470.00',
      recoveredAmount: '0.00',
      closedOn: null,
      dueOn: '2026-11-30',
      version: 1,
      respondent: { creditCode: FACTORY },
      applicant: { name: '李强', personRef: personRefOf(LI.idNumber, TEST_LINKAGE_KEY) },
    });
    const update = (values: Record<string, unknown>) => change('updateEnforcementCase', 'UpdateEnforcementCaseInput', values);
    expect((await update({ version: 1, recoveredAmount: '57470.01' })).body.errors).toEqual([
      badInput('recoveredAmount', 'must not be more than amount (57470.00)'),
    ]);
    expect((await update({ version: 1, recoveredAmount: '20000.5' })).body.data.updateEnforcementCase).toMatchObject({
      recoveredAmount: '20000.50',
      version: 2,
    });
    const close = (values: Record<string, unknown>) => change('closeEnforcementCase', 'CloseEnforcementCaseInput', values);
    expect((await close({ version: 2, status: 'TERMINATED_NO_ASSETS', closedOn: '2026-09-01' })).body.data.closeEnforcementCase).toEqual({
      status: 'TERMINATED_NO_ASSETS',
      amount: '57470.00',
      recoveredAmount: '20000.50',
      closedOn: '2026-09-01',
      dueOn: null,
      version: 3,
    });
    expect((await close({ version: 3, status: 'CONCLUDED', closedOn: '2026-09-02' })).body.errors).toEqual([
      badInput('status', 'cannot change from TERMINATED_NO_ASSETS to CONCLUDED (allowed from TERMINATED_NO_ASSETS: none)'),
    ]);
  });
});
