import { idNumberCheckCharacter, personRefOf, usccCheckCharacter } from '@labour/shared';
import { startSubgraph, TEST_LINKAGE_KEY, type RunningSubgraph } from '@labour/testing/subgraph-harness';
import { courtSubgraph } from './definition';

const FACTORY = `91110115MA01WE4BD${usccCheckCharacter('91110115MA01WE4BD')}`;
const LI = { idNumber: `11010219850611002${idNumberCheckCharacter('11010219850611002')}`, name: '李强' };
const badInput = (field: string, rule: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field, rule }) });
const mutation = (name: string, input: string, fields: string) => `mutation ($input: ${input}!) { ${name}(input: $input) { ${fields} } }`;

let running: RunningSubgraph;
beforeAll(async () => {
  running = await startSubgraph(courtSubgraph);
}, 120_000);
afterAll(() => running?.stop());

describe('judicial confirmation', () => {
  const FIELDS = 'caseNo mediationCaseNo status appliedOn decidedOn dueOn version enterprise { creditCode } applicants { personRef }';
  const caseNo = '（2026）京0115民特78号';
  const input = { caseNo, disputeNo: 'LD-UN-2026-000123', mediationCaseNo: '京开工调字〔2026〕第0123号', applicants: [LI], enterpriseCreditCode: FACTORY, appliedOn: '2026-10-20' };
  const decide = (version: number, status: string, decidedOn: string) =>
    running.query(mutation('decideJudicialConfirmation', 'DecideJudicialConfirmationInput', 'status decidedOn dueOn version'), { input: { caseNo, version, status, decidedOn } });

  it('refuses a case number that is not 民特 and a mediation number that is not the union\'s, writing nothing', async () => {
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
      caseNo, mediationCaseNo: input.mediationCaseNo, status: 'APPLIED', appliedOn: '2026-10-20', decidedOn: null, dueOn: '2026-11-04', version: 1,
      enterprise: { creditCode: FACTORY }, applicants: [{ personRef: personRefOf(LI.idNumber, TEST_LINKAGE_KEY) }],
    });
    expect((await decide(1, 'CONFIRMED', '2026-10-19')).body.errors).toEqual([badInput('decidedOn', 'must not be earlier than the application date (2026-10-20)')]);
    expect((await decide(1, 'CONFIRMED', '2026-10-30')).body.data.decideJudicialConfirmation).toEqual({ status: 'CONFIRMED', decidedOn: '2026-10-30', dueOn: null, version: 2 });
    expect((await decide(2, 'REFUSED', '2026-10-31')).body.errors).toEqual([badInput('status', 'cannot change from CONFIRMED to REFUSED (allowed from CONFIRMED: none)')]);
  });
});

describe('enforcement', () => {
  const FIELDS = 'caseNo status amount recoveredAmount closedOn dueOn version respondent { creditCode } applicant { name personRef }';
  const caseNo = '（2026）京0115执567号';
  const change = (name: string, input: string, values: Record<string, unknown>) => running.query(mutation(name, input, 'status amount recoveredAmount closedOn dueOn version'), { input: { caseNo, ...values } });

  it('refuses a recovered amount above the amount, writing nothing', async () => {
    const input = { caseNo, disputeNo: 'LD-HR-2026-000123', sourceCaseNo: '（2026）京0115民初1234号', applicant: LI, respondentCreditCode: FACTORY, amount: '100', recoveredAmount: '150.00', filedOn: '2026-05-31' };
    const { body } = await running.query(mutation('createEnforcementCase', 'CreateEnforcementCaseInput', FIELDS), { input });
    expect(body.errors).toEqual([badInput('recoveredAmount', 'must not be more than amount (100.00)')]);
    expect((await running.query(`{ enforcementCase(caseNo: "${caseNo}") { caseNo } }`)).body).toEqual({ data: { enforcementCase: null } });
  });

  it('is due in 6 months, keeps money exact and ends once', async () => {
    const input = { caseNo, disputeNo: 'LD-HR-2026-000123', sourceCaseNo: '（2026）京0115民初1234号', applicant: LI, respondentCreditCode: FACTORY, amount: '57470', filedOn: '2026-05-31' };
    const created = await running.query(mutation('createEnforcementCase', 'CreateEnforcementCaseInput', FIELDS), { input });
    expect(created.body.data.createEnforcementCase).toEqual({
      caseNo, status: 'OPEN', amount: '57470.00', recoveredAmount: '0.00', closedOn: null, dueOn: '2026-11-30', version: 1,
      respondent: { creditCode: FACTORY }, applicant: { name: '李强', personRef: personRefOf(LI.idNumber, TEST_LINKAGE_KEY) },
    });
    const update = (values: Record<string, unknown>) => change('updateEnforcementCase', 'UpdateEnforcementCaseInput', values);
    expect((await update({ version: 1, recoveredAmount: '57470.01' })).body.errors).toEqual([badInput('recoveredAmount', 'must not be more than amount (57470.00)')]);
    expect((await update({ version: 1, recoveredAmount: '20000.5' })).body.data.updateEnforcementCase).toMatchObject({ recoveredAmount: '20000.50', version: 2 });
    const close = (values: Record<string, unknown>) => change('closeEnforcementCase', 'CloseEnforcementCaseInput', values);
    expect((await close({ version: 2, status: 'TERMINATED_NO_ASSETS', closedOn: '2026-09-01' })).body.data.closeEnforcementCase).toEqual({
      status: 'TERMINATED_NO_ASSETS', amount: '57470.00', recoveredAmount: '20000.50', closedOn: '2026-09-01', dueOn: null, version: 3,
    });
    expect((await close({ version: 3, status: 'CONCLUDED', closedOn: '2026-09-02' })).body.errors).toEqual([
      badInput('status', 'cannot change from TERMINATED_NO_ASSETS to CONCLUDED (allowed from TERMINATED_NO_ASSETS: none)'),
    ]);
  });
});

describe('judicial suggestions', () => {
  const suggestionNo = '（2025）京0115司建9号';
  const FIELDS = 'suggestionNo recipientDepartment subject issuedOn repliedOn dueOn overdue version enterprise { creditCode }';
  const update = (values: Record<string, unknown>) =>
    running.query(mutation('updateJudicialSuggestion', 'UpdateJudicialSuggestionInput', 'subject repliedOn dueOn overdue version'), { input: { suggestionNo, ...values } });

  it('expects a reply within 2 months, then is history', async () => {
    const input = { suggestionNo, recipientDepartment: 'HR_BUREAU', subject: '加强在建工程农民工工资支付监管', content: '建议对在建工程开展欠薪专项检查。', issuedOn: '2025-12-31' };
    const created = await running.query(mutation('createJudicialSuggestion', 'CreateJudicialSuggestionInput', FIELDS), { input });
    // 2025-12-31 plus two months: February has no 31st, so its last day (民法典第202条).
    expect(created.body.data.createJudicialSuggestion).toEqual({
      suggestionNo, recipientDepartment: 'HR_BUREAU', subject: input.subject, issuedOn: '2025-12-31', repliedOn: null, dueOn: '2026-02-28', overdue: true, version: 1, enterprise: null,
    });
    expect((await update({ version: 1, repliedOn: '2025-12-30' })).body.errors).toEqual([badInput('repliedOn', 'must not be earlier than issuedOn (2025-12-31)')]);
    expect((await update({ version: 1, repliedOn: '2026-01-15' })).body.data.updateJudicialSuggestion).toEqual({
      subject: input.subject, repliedOn: '2026-01-15', dueOn: null, overdue: false, version: 2,
    });
    expect((await update({ version: 2, subject: '另一事由' })).body.errors).toEqual([badInput('suggestionNo', 'was replied to on 2026-01-15: a replied suggestion cannot change')]);
  });
});
