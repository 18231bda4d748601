import { personRefOf } from '@labour/shared';
import { TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { badInput, FACTORY, LI, mutation } from '../court.fixtures';
import { courtSubgraph } from '../definition';

const running = useSubgraph(courtSubgraph);

describe('judicial confirmation', () => {
  const FIELDS = 'caseNo mediationCaseNo status appliedOn decidedOn dueOn version enterprise { creditCode } applicants { personRef }';
  const caseNo = '（2026）京0115民特78号';
  const input = {
    caseNo,
    disputeNo: 'LD-UN-2026-000123',
    mediationCaseNo: '京开工调字〔2026〕第0123号',
    applicants: [LI],
    enterpriseCreditCode: FACTORY,
    appliedOn: '2026-10-20',
  };
  const decide = (version: number, status: string, decidedOn: string) =>
    running.query(mutation('decideJudicialConfirmation', 'DecideJudicialConfirmationInput', 'status decidedOn dueOn version'), {
      input: { caseNo, version, status, decidedOn },
    });

  it("refuses a case number that is not 民特 and a mediation number that is not the union's, writing nothing", async () => {
    const bad = { ...input, caseNo: '（2026）京0115民初78号', mediationCaseNo: '京开人调〔2026〕第0123号' };
    const { body } = await running.query(mutation('createJudicialConfirmation', 'CreateJudicialConfirmationInput', FIELDS), { input: bad });
    expect(body.errors![0]!.extensions!['violations']).toEqual([
      { field: 'caseNo', rule: 'must follow the style （2026）京0115民特78号' },
      { field: 'mediationCaseNo', rule: 'must follow the style 京开工调字〔2026〕第0123号' },
    ]);
    const lookup = await running.query(`{ judicialConfirmation(caseNo: "（2026）京0115民特78号") { caseNo } }`);
    expect(lookup.body).toEqual({ data: { judicialConfirmation: null } });
  });

  it('is decided within 15 days, once', async () => {
    const created = await running.query(mutation('createJudicialConfirmation', 'CreateJudicialConfirmationInput', FIELDS), { input });
    expect(created.body.data.createJudicialConfirmation).toEqual({
      caseNo,
      mediationCaseNo: input.mediationCaseNo,
      status: 'APPLIED',
      appliedOn: '2026-10-20',
      decidedOn: null,
      dueOn: '2026-11-04',
      version: 1,
      enterprise: { creditCode: FACTORY },
      applicants: [{ personRef: personRefOf(LI.idNumber, TEST_LINKAGE_KEY) }],
    });
    expect((await decide(1, 'CONFIRMED', '2026-10-19')).body.errors).toEqual([
      badInput('decidedOn', 'must not be earlier than the application date (2026-10-20)'),
    ]);
    expect((await decide(1, 'CONFIRMED', '2026-10-30')).body.data.decideJudicialConfirmation).toEqual({
      status: 'CONFIRMED',
      decidedOn: '2026-10-30',
      dueOn: null,
      version: 2,
    });
    expect((await decide(2, 'REFUSED', '2026-10-31')).body.errors).toEqual([
      badInput('status', 'cannot change from CONFIRMED to REFUSED (allowed from CONFIRMED: none)'),
    ]);
  });
});
