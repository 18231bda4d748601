import { addDays, Department, Role, staticGrantSource } from '@labour/shared';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { courtSubgraph } from '../definition';
import { EnforcementCase, EnforcementStatus } from '../enforcement/enforcement-case.entity';
import { Lawsuit, LawsuitStage } from '../lawsuit/lawsuit.entity';
import { JudicialSuggestion, RecipientDepartment } from '../suggestion/judicial-suggestion.entity';
import { COURT_CHANNEL_SCOPES } from './court-channel-scopes';

const { UNION, HR_BUREAU } = Department;
const ENFORCEMENT = { channelId: 'COURT-UNION-ENFORCEMENT', scope: 'COURT_CURRENT_ENFORCEMENT' };
const SUGGESTIONS = { channelId: 'COURT-HR-SUGGESTIONS', scope: 'COURT_SUGGESTIONS_TO_CONSUMER' };
const GRANTS = staticGrantSource({
  UNION: { 'EnforcementCase.recoveredAmount': ENFORCEMENT, 'JudicialSuggestion.content': SUGGESTIONS },
  HR_BUREAU: { 'JudicialSuggestion.content': SUGGESTIONS },
});
const cases = { open: '（2026）京0115执9901号', endedInYear: '（2026）京0115执9902号', endedLongAgo: '（2024）京0115执9903号' };
const suggestions = { toHr: '（2026）京0115司建9901号', toUnion: '（2026）京0115司建9902号' };

describe("the court's channel scopes, in its SQL and enforced per record", () => {
  const court = useSubgraph(courtSubgraph, { grants: GRANTS });
  beforeAll(async () => {
    const em = court.subgraph.orm.em.fork();
    const enforcement = (caseNo: string, status: EnforcementStatus, closedOn: string | null) =>
      em.create(EnforcementCase, {
        caseNo,
        disputeNo: 'LD-UN-2026-990001',
        sourceCaseNo: '京开劳人仲字〔2026〕第9901号',
        applicant: { personRef: 'p-1', name: '王小明', idNumber: '110105199003071239' },
        applicantRef: 'p-1',
        respondentCreditCode: '91110115102884310L',
        amount: '10000.00',
        recoveredAmount: '4000.00',
        filedOn: '2024-01-10',
        status,
        closedOn,
      });
    enforcement(cases.open, EnforcementStatus.OPEN, null);
    enforcement(cases.endedInYear, EnforcementStatus.CONCLUDED, addDays(TEST_AS_OF, -365));
    enforcement(cases.endedLongAgo, EnforcementStatus.TERMINATED_NO_ASSETS, addDays(TEST_AS_OF, -366));
    const suggestion = (suggestionNo: string, recipientDepartment: RecipientDepartment) =>
      em.create(JudicialSuggestion, {
        suggestionNo,
        recipientDepartment,
        subject: '加强工资支付监管',
        content: `${suggestionNo}建议内容`,
        issuedOn: '2026-11-01',
      });
    suggestion(suggestions.toHr, RecipientDepartment.HR_BUREAU);
    suggestion(suggestions.toUnion, RecipientDepartment.UNION);
    const lawsuit = (caseNo: string, judgmentOn: string | null) =>
      em.create(Lawsuit, {
        caseNo,
        disputeNo: 'LD-HR-2026-990001',
        arbitrationCaseNo: '京开劳人仲字〔2026〕第9901号',
        plaintiffs: [{ personRef: 'p-2', name: '孙磊', idNumber: '110105199003071239' }],
        plaintiffRefs: ['p-2'],
        defendantCreditCodes: ['91110115102884310L'],
        cause: '劳动报酬纠纷',
        filedOn: '2026-06-01',
        stage: judgmentOn ? LawsuitStage.JUDGED : LawsuitStage.IN_TRIAL,
        judgmentOn,
        judgmentSummary: judgmentOn ? '判决支付工资' : null,
        sealed: false,
      });
    lawsuit('（2026）京0115民初9901号', '2026-11-03');
    lawsuit('（2026）京0115民初9902号', null);
    await em.flush();
  }, 120_000);

  const inScope = async (scope: string, type: string, keys: string[], consumer: Department) =>
    [
      ...(await COURT_CHANNEL_SCOPES[scope]!.records[type]!.inScope(keys, {
        channel: 'any',
        consumer,
        today: TEST_AS_OF,
        em: court.subgraph.orm.em.fork(),
      })),
    ].sort();

  it('COURT_CURRENT_ENFORCEMENT: open cases and those ended within 365 days', async () => {
    expect(await inScope('COURT_CURRENT_ENFORCEMENT', 'EnforcementCase', Object.values(cases), UNION)).toEqual(
      [cases.open, cases.endedInYear].sort(),
    );
  });

  it('COURT_JUDGED_LAWSUITS: lawsuits in which judgment has been given', async () => {
    expect(await inScope('COURT_JUDGED_LAWSUITS', 'Lawsuit', ['（2026）京0115民初9901号', '（2026）京0115民初9902号'], HR_BUREAU)).toEqual([
      '（2026）京0115民初9901号',
    ]);
  });

  it('COURT_SUGGESTIONS_TO_CONSUMER: the suggestions addressed to the department reading', async () => {
    expect(await inScope('COURT_SUGGESTIONS_TO_CONSUMER', 'JudicialSuggestion', Object.values(suggestions), HR_BUREAU)).toEqual([
      suggestions.toHr,
    ]);
    expect(await inScope('COURT_SUGGESTIONS_TO_CONSUMER', 'JudicialSuggestion', Object.values(suggestions), UNION)).toEqual([
      suggestions.toUnion,
    ]);
  });

  it('shows the union what was recovered in a current enforcement, not in one that ended long ago', async () => {
    const read = (caseNo: string) =>
      court.query(
        `query ($c: String!) { enforcementCase(caseNo: $c) { recoveredAmount } }`,
        { c: caseNo },
        asPrincipal(UNION, Role.CASEWORKER),
      );
    expect((await read(cases.open)).body).toEqual({ data: { enforcementCase: { recoveredAmount: '4000.00' } } });
    const old = await read(cases.endedLongAgo);
    expect(old.body.data).toEqual({ enforcementCase: { recoveredAmount: null } });
    expect(old.body.errors).toEqual([
      expect.objectContaining({ path: ['enforcementCase', 'recoveredAmount'], extensions: { code: 'FORBIDDEN' } }),
    ]);
  });

  it('shows the labour bureau the content of a suggestion addressed to it, not of one addressed to the union', async () => {
    const read = (no: string) =>
      court.query(
        `query ($n: String!) { judicialSuggestion(suggestionNo: $n) { content } }`,
        { n: no },
        asPrincipal(HR_BUREAU, Role.CASEWORKER),
      );
    expect((await read(suggestions.toHr)).body).toEqual({ data: { judicialSuggestion: { content: `${suggestions.toHr}建议内容` } } });
    const other = await read(suggestions.toUnion);
    expect(other.body.data).toEqual({ judicialSuggestion: { content: null } });
    expect(other.body.errors).toEqual([
      expect.objectContaining({ path: ['judicialSuggestion', 'content'], extensions: { code: 'FORBIDDEN' } }),
    ]);
  });
});
