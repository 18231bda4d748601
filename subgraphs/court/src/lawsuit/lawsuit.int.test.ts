import { ID_NUMBER_RULES, idNumberCheckCharacter, personRefOf, USCC_RULES } from '@labour/shared';
import { TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { badInput, FACTORY, LI, uscc } from '../court.fixtures';
import { courtSubgraph } from '../definition';
import { refusalOf } from '@labour/testing/refusals';

const SUPPLIER = uscc('91110302MA061XWB8');
const WANG = { idNumber: `11010519900307123${idNumberCheckCharacter('11010519900307123')}`, name: '王芳' };
const partyOf = (p: { idNumber: string; name: string }) => ({ ...p, personRef: personRefOf(p.idNumber, TEST_LINKAGE_KEY) });

const FIELDS = `caseNo disputeNo arbitrationCaseNo cause filedOn stage judgmentOn outcome sealed dueOn version
  plaintiffs { personRef name idNumber } defendants { creditCode }`;
const CREATE = `mutation ($input: CreateLawsuitInput!) { createLawsuit(input: $input) { ${FIELDS} } }`;
const LOOKUP = `query ($caseNo: String!) { lawsuit(caseNo: $caseNo) { ${FIELDS} } }`;
const STAGE = `caseNo stage judgmentOn outcome dueOn version`;
const op = (name: string, input: string) => `mutation ($input: ${input}!) { ${name}(input: $input) { ${STAGE} } }`;

const lawsuitInput = (caseNo: string, filedOn: string) => ({
  caseNo,
  disputeNo: 'LD-HR-2026-000123',
  arbitrationCaseNo: '京开劳人仲字〔2026〕第0123号',
  plaintiffs: [WANG, LI],
  defendantCreditCodes: [FACTORY, SUPPLIER],
  cause: '劳动报酬纠纷',
  filedOn,
});

const running = useSubgraph(courtSubgraph);

async function fileLawsuit(caseNo: string, filedOn = '2026-04-01') {
  const { body } = await running.query(CREATE, { input: lawsuitInput(caseNo, filedOn) });
  expect(body.errors).toBeUndefined();
  return body.data.createLawsuit;
}

describe('lawsuits', () => {
  it('files a lawsuit due in 6 months and finds it by case number', async () => {
    const expected = {
      ...lawsuitInput('（2026）京0115民初1234号', '2026-03-02'),
      stage: 'FILED',
      judgmentOn: null,
      outcome: null,
      sealed: false,
      dueOn: '2026-09-02',
      version: 1,
      plaintiffs: [partyOf(WANG), partyOf(LI)],
      defendants: [{ creditCode: FACTORY }, { creditCode: SUPPLIER }],
    };
    delete (expected as Partial<typeof expected>).defendantCreditCodes;
    expect(await fileLawsuit('（2026）京0115民初1234号', '2026-03-02')).toEqual(expected);
    expect((await running.query(LOOKUP, { caseNo: '（2026）京0115民初1234号' })).body).toEqual({ data: { lawsuit: expected } });
  });

  it('gives an appeal case (民终) 3 months, ending on the last day of a shorter month', async () => {
    expect((await fileLawsuit('（2026）京0115民终56号', '2026-03-31')).dueOn).toBe('2026-06-30');
  });

  it('refuses a case number already taken with CONFLICT', async () => {
    const { body } = await running.query(CREATE, { input: lawsuitInput('（2026）京0115民初1234号', '2026-03-02') });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'A lawsuit with caseNo （2026）京0115民初1234号 already exists',
        extensions: { code: 'CONFLICT', field: 'caseNo' },
      }),
    ]);
  });

  it('names each bad field and its rule, and writes nothing', async () => {
    const input = {
      ...lawsuitInput('（2025）京0115民初77号', '2026-03-02'),
      arbitrationCaseNo: '（2026）京0115民初1号',
      plaintiffs: [{ ...WANG, idNumber: WANG.idNumber.slice(0, 17) + (WANG.idNumber.endsWith('1') ? '2' : '1') }],
      defendantCreditCodes: [FACTORY.slice(0, 17) + (FACTORY.endsWith('1') ? '2' : '1')],
    };
    const { status, body } = await running.query(CREATE, { input });
    expect(status).toBe(200);
    expect(refusalOf(body)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'caseNo',
      rule: 'must carry the year of filedOn (2026), not 2025',
      violations: [
        { field: 'caseNo', rule: 'must carry the year of filedOn (2026), not 2025' },
        { field: 'arbitrationCaseNo', rule: 'must follow the style 京开劳人仲字〔2026〕第0123号' },
        { field: 'plaintiffs[0].idNumber', rule: `is not a valid resident identity number: ${ID_NUMBER_RULES.check}` },
        { field: 'defendantCreditCodes', rule: `item 1 is not a valid unified social credit code: ${USCC_RULES.check}` },
      ],
    });
    expect((await running.query(LOOKUP, { caseNo: '（2025）京0115民初77号' })).body).toEqual({ data: { lawsuit: null } });
  });

  it('walks FILED → IN_TRIAL → JUDGED → CLOSED and refuses what the process does not allow', async () => {
    const caseNo = '（2026）京0115民初2001号';
    await fileLawsuit(caseNo);
    const judge = { caseNo, version: 1, judgmentOn: '2026-07-10', outcome: 'PARTIALLY_UPHELD', judgmentSummary: '支持部分劳动报酬请求' };
    const premature = await running.query(op('recordLawsuitJudgment', 'RecordLawsuitJudgmentInput'), { input: judge });
    expect(premature.body.errors).toEqual([badInput('stage', 'cannot change from FILED to JUDGED (allowed from FILED: IN_TRIAL, CLOSED)')]);

    const trial = await running.query(op('startLawsuitTrial', 'LawsuitVersionInput'), { input: { caseNo, version: 1 } });
    expect(trial.body.data.startLawsuitTrial).toEqual({
      caseNo,
      stage: 'IN_TRIAL',
      judgmentOn: null,
      outcome: null,
      dueOn: '2026-10-01',
      version: 2,
    });
    const judged = await running.query(op('recordLawsuitJudgment', 'RecordLawsuitJudgmentInput'), { input: { ...judge, version: 2 } });
    // The 15-day appeal period replaces the trial deadline.
    expect(judged.body.data.recordLawsuitJudgment).toEqual({
      caseNo,
      stage: 'JUDGED',
      judgmentOn: '2026-07-10',
      outcome: 'PARTIALLY_UPHELD',
      dueOn: '2026-07-25',
      version: 3,
    });

    const late = await running.query(op('appealLawsuit', 'AppealLawsuitInput'), {
      input: { caseNo, version: 3, appealedOn: '2026-07-26' },
    });
    expect(late.body.errors).toEqual([badInput('appealedOn', 'must not be later than the end of the appeal period (2026-07-25)')]);
    const close = (version: number, closedOn: string) =>
      running.query(op('closeLawsuit', 'CloseLawsuitInput'), { input: { caseNo, version, closedOn } });
    expect((await close(3, '2026-07-20')).body.errors).toEqual([
      badInput('closedOn', 'must be after the end of the appeal period (2026-07-25)'),
    ]);
    expect((await close(3, '2026-07-27')).body.data.closeLawsuit).toEqual({
      caseNo,
      stage: 'CLOSED',
      judgmentOn: '2026-07-10',
      outcome: 'PARTIALLY_UPHELD',
      dueOn: null,
      version: 4,
    });
    expect((await close(4, '2026-07-28')).body.errors).toEqual([
      badInput('stage', 'cannot change from CLOSED to CLOSED (allowed from CLOSED: none)'),
    ]);

    const update = `mutation ($input: UpdateLawsuitInput!) { updateLawsuit(input: $input) { cause sealed version } }`;
    expect((await running.query(update, { input: { caseNo, version: 4, cause: '经济补偿金纠纷' } })).body.errors).toEqual([
      badInput('caseNo', 'is CLOSED: only `sealed` may change on a closed case'),
    ]);
    expect((await running.query(update, { input: { caseNo, version: 4, sealed: true } })).body.data.updateLawsuit).toEqual({
      cause: '劳动报酬纠纷',
      sealed: true,
      version: 5,
    });
  });

  it('closes before judgment only by settlement or withdrawal, dated as the judgment', async () => {
    const caseNo = '（2026）京0115民初2002号';
    await fileLawsuit(caseNo);
    const close = (outcome?: string) =>
      running.query(op('closeLawsuit', 'CloseLawsuitInput'), { input: { caseNo, version: 1, closedOn: '2026-05-06', outcome } });
    expect((await close()).body.errors).toEqual([badInput('outcome', 'must be SETTLED or WITHDRAWN to close a case that is FILED')]);
    expect((await close('SETTLED')).body.data.closeLawsuit).toEqual({
      caseNo,
      stage: 'CLOSED',
      judgmentOn: '2026-05-06',
      outcome: 'SETTLED',
      dueOn: null,
      version: 2,
    });
  });

  it('refuses a stale version with CONFLICT and keeps the newer change', async () => {
    const caseNo = '（2026）京0115民初2003号';
    await fileLawsuit(caseNo);
    const update = `mutation ($input: UpdateLawsuitInput!) { updateLawsuit(input: $input) { cause version } }`;
    expect((await running.query(update, { input: { caseNo, version: 1, cause: '经济补偿金纠纷' } })).body.data.updateLawsuit).toEqual({
      cause: '经济补偿金纠纷',
      version: 2,
    });
    const stale = await running.query(update, { input: { caseNo, version: 1, cause: '工伤保险待遇纠纷' } });
    expect(stale.body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: `Lawsuit ${caseNo} is at version 2, not 1: read it again and reapply your change`,
          extensions: { code: 'CONFLICT', currentVersion: 2 },
        }),
      ],
    });
    expect((await running.query(LOOKUP, { caseNo })).body.data.lawsuit).toMatchObject({ cause: '经济补偿金纠纷', version: 2 });
  });
});
