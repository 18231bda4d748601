import { Department, idNumberCheckCharacter, Role, usccCheckCharacter } from '@labour/shared';
import { startStack, type RunningStack } from '../support/stack';
import { asPrincipal } from '../support/tokens';

/**
 * A case heard in private, through the gateway: the court opens judgment summaries and parties' names
 * and ID numbers to the labour bureau by a real channel in the union's registry; a caseworker of the
 * bureau reads an open and a sealed lawsuit in one operation and gets the channel's fields of the open
 * one only; the court's ADMIN finds the sealed reads in its access log as DENIED and MASKED.
 */

const FACTORY = `91110115MA01WE4BD${usccCheckCharacter('91110115MA01WE4BD')}`;
const SUN = { idNumber: `11010819870909503${idNumberCheckCharacter('11010819870909503')}`, name: '孙磊' };
const OPEN = '（2026）京0115民初8001号';
const SEALED = '（2026）京0115民初8002号';
const court = asPrincipal(Department.COURT, Role.CASEWORKER);
const courtAdmin = asPrincipal(Department.COURT, Role.ADMIN);
const CASE = 'caseNo stage judgmentOn sealed judgmentSummary plaintiffs { name idNumber }';

describe('a sealed lawsuit through the gateway', () => {
  let stack: RunningStack;

  async function run(query: string, input: Record<string, unknown>, headers: Record<string, string>) {
    const { body } = await stack.query(query, { input }, headers);
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  async function fileAndJudge(caseNo: string, sealed: boolean) {
    const step = (name: string, type: string) => `mutation ($input: ${type}!) { ${name}(input: $input) { version } }`;
    await run(
      step('createLawsuit', 'CreateLawsuitInput'),
      {
        caseNo,
        disputeNo: 'LD-HR-2026-008000',
        arbitrationCaseNo: '京开劳人仲字〔2026〕第8000号',
        plaintiffs: [SUN],
        defendantCreditCodes: [FACTORY],
        cause: '竞业限制纠纷',
        filedOn: '2026-06-01',
        sealed,
      },
      court,
    );
    await run(step('startLawsuitTrial', 'LawsuitVersionInput'), { caseNo, version: 1 }, court);
    await run(
      step('recordLawsuitJudgment', 'RecordLawsuitJudgmentInput'),
      { caseNo, version: 2, judgmentOn: '2026-11-03', outcome: 'UPHELD', judgmentSummary: '支持竞业限制补偿' },
      court,
    );
  }

  beforeAll(async () => {
    // The test refreshes the channels itself; a slow poll also gives each registry fetch time
    // (its timeout is the poll interval), so a busy machine does not fail the refresh.
    stack = await startStack({ demo: false, channels: { refreshMs: 2_000, staleAfterMs: 10_000 } });
    await fileAndJudge(OPEN, false);
    await fileAndJudge(SEALED, true);
    const grants = [
      { typeName: 'Lawsuit', fields: ['judgmentSummary'] },
      { typeName: 'Party', fields: ['name', 'idNumber'] },
    ];
    const proposed = await run(
      `mutation ($input: ProposeSharingChannelInput!) { proposeSharingChannel(input: $input) { code version } }`,
      {
        code: 'E2E-COURT-HR-JUDGMENTS',
        provider: 'COURT',
        consumers: ['HR_BUREAU'],
        grants,
        scope: 'COURT_JUDGED_LAWSUITS',
        purpose: '裁判结果通报劳动监察',
        legalBasis: '《劳动保障监察条例》',
        validFrom: '2026-01-01',
      },
      courtAdmin,
    );
    await run(
      `mutation ($input: SharingChannelDecisionInput!) { activateSharingChannel(input: $input) { status } }`,
      proposed.proposeSharingChannel,
      courtAdmin,
    );
    await stack.refreshChannels();
  }, 180_000);
  afterAll(() => stack?.stop());

  it("gives the channel's fields of the open case and only the public ones of the sealed case, and logs the refusals", async () => {
    const { body } = await stack.query(
      `query SealedRead($open: String!, $sealed: String!) { open: lawsuit(caseNo: $open) { ${CASE} } sealed: lawsuit(caseNo: $sealed) { ${CASE} } }`,
      { open: OPEN, sealed: SEALED },
      asPrincipal(Department.HR_BUREAU, Role.CASEWORKER),
    );
    expect(body.data).toEqual({
      open: {
        caseNo: OPEN,
        stage: 'JUDGED',
        judgmentOn: '2026-11-03',
        sealed: false,
        judgmentSummary: '支持竞业限制补偿',
        plaintiffs: [SUN],
      },
      sealed: {
        caseNo: SEALED,
        stage: 'JUDGED',
        judgmentOn: '2026-11-03',
        sealed: true,
        judgmentSummary: null,
        plaintiffs: [{ name: '孙*', idNumber: `${SUN.idNumber.slice(0, 6)}********${SUN.idNumber.slice(-4)}` }],
      },
    });
    expect(body.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']])).toEqual([['sealed.judgmentSummary', 'FORBIDDEN']]);

    const log = await stack.query(
      `{ courtAccessLog(first: 100, department: HR_BUREAU) { nodes { operationName fields outcome channelId } } }`,
      {},
      courtAdmin,
    );
    expect(log.body.errors).toBeUndefined();
    // Entries are grouped by outcome, channel and type: one line per group, the channel shown as whether there is one.
    const reads = (
      log.body.data.courtAccessLog.nodes as Array<{
        operationName: string | null;
        fields: string[];
        outcome: string;
        channelId: string | null;
      }>
    )
      .filter((n) => n.operationName?.startsWith('SealedRead__'))
      .map((n) => `${n.outcome} ${[...n.fields].sort().join(',')} ${n.channelId ? 'by channel' : 'no channel'}`)
      .sort();
    expect(reads).toEqual([
      'DENIED Lawsuit.judgmentSummary no channel',
      'GRANTED Lawsuit.judgmentSummary by channel',
      'GRANTED Party.idNumber,Party.name by channel',
      'MASKED Party.idNumber,Party.name no channel',
    ]);
  }, 60_000);
});
