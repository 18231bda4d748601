import { addWorkingDays, Department, Role } from '@labour/shared';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { useStack } from '../support/stack';
import { asPrincipal } from '../support/tokens';
import { forbiddenAnswer } from '../support/refusals';

const { HR_BUREAU, UNION, COURT } = Department;
const { ADMIN, CASEWORKER } = Role;
const CONSTRUCTION = STORY_ENTERPRISES.constructionArrears;

const NOTICE = /* GraphQL */ `id idempotencyKey channelCode sender recipient kind severity summary dueOn status overdue version
  enterprise { creditCode name } acknowledgedBy { subject } answer`;
const SEND = /* GraphQL */ `mutation Send($input: SendNoticeInput!) { sendNotice(input: $input) { ${NOTICE} } }`;
const ACK = /* GraphQL */ `mutation Ack($input: AcknowledgeNoticeInput!) { acknowledgeNotice(input: $input) { ${NOTICE} } }`;
const ANSWER = /* GraphQL */ `mutation Answer($input: AnswerNoticeInput!) { answerNotice(input: $input) { ${NOTICE} } }`;
const ONE = /* GraphQL */ `query One($id: ID!) { notice(id: $id) { id status answer } }`;
const ENTERPRISE_NOTICES = /* GraphQL */ `
  query EnterpriseNotices($creditCode: String!) {
    enterprise(creditCode: $creditCode) { name notices { idempotencyKey sender recipient status } }
  }
`;

const hrCaseworker = asPrincipal(HR_BUREAU, CASEWORKER);
const unionCaseworker = asPrincipal(UNION, CASEWORKER);
const courtCaseworker = asPrincipal(COURT, CASEWORKER);
const KEY = 'hr-arrears-2026-11-e2e-001';
const input = {
  idempotencyKey: KEY,
  channelCode: 'HR-UNION-ARREARS',
  recipient: UNION,
  kind: 'WAGE_ARREARS',
  severity: 'MAJOR',
  enterpriseCreditCode: CONSTRUCTION,
  summary: '京开建工集团安置房项目新增欠薪投诉，请工会立即介入。',
};

/** Another notice of this file (each test sends its own): left out of the lists a test compares. */
const ofOtherTests = (key: string, own: string) => key.startsWith('hr-arrears-e2e-') && key !== own;

describe('notices between departments through the gateway', () => {
  const stack = useStack();

  /** Sends a notice of its own (key `idempotencyKey`) as an HR_BUREAU caseworker; its id. */
  async function sent(idempotencyKey: string): Promise<string> {
    const { body } = await stack.query(SEND, { input: { ...input, idempotencyKey } }, hrCaseworker);
    expect(body.errors).toBeUndefined();
    return body.data.sendNotice.id;
  }

  /** Sends a notice of its own and has the union acknowledge it (version 2); its id. */
  async function acknowledged(idempotencyKey: string): Promise<string> {
    const id = await sent(idempotencyKey);
    const { body } = await stack.query(ACK, { input: { id, version: 1 } }, unionCaseworker);
    expect(body.data.acknowledgeNotice).toMatchObject({ id, status: 'ACKNOWLEDGED', version: 2 });
    return id;
  }

  it('lets an HR_BUREAU caseworker send over HR-UNION-ARREARS, due T+2, and a retry returns the same notice', async () => {
    const first = await stack.query(SEND, { input }, hrCaseworker);
    expect(first.body).toEqual({
      data: {
        sendNotice: {
          id: expect.any(String),
          idempotencyKey: KEY,
          channelCode: 'HR-UNION-ARREARS',
          sender: 'HR_BUREAU',
          recipient: 'UNION',
          kind: 'WAGE_ARREARS',
          severity: 'MAJOR',
          summary: input.summary,
          dueOn: addWorkingDays(TEST_AS_OF, 2),
          status: 'SENT',
          overdue: false,
          version: 1,
          enterprise: { creditCode: CONSTRUCTION, name: '北京京开建工集团有限公司' },
          acknowledgedBy: null,
          answer: null,
        },
      },
    });
    const retry = await stack.query(SEND, { input }, hrCaseworker);
    expect(retry.body).toEqual(first.body);
  });

  it('lets the union acknowledge it; Enterprise.notices shows it to HR_BUREAU and UNION, not to COURT', async () => {
    const own = 'hr-arrears-e2e-acknowledged';
    const id = await sent(own);
    const acked = await stack.query(ACK, { input: { id, version: 1 } }, unionCaseworker);
    expect(acked.body.errors).toBeUndefined();
    expect(acked.body.data.acknowledgeNotice).toMatchObject({
      id,
      status: 'ACKNOWLEDGED',
      version: 2,
      acknowledgedBy: { subject: 'test:union:caseworker' },
    });

    const keysFor = async (headers: Record<string, string>) => {
      const { body } = await stack.query(ENTERPRISE_NOTICES, { creditCode: CONSTRUCTION }, headers);
      expect(body.errors).toBeUndefined();
      expect(body.data.enterprise.name).toBe('北京京开建工集团有限公司');
      return body.data.enterprise.notices
        .filter((n: { idempotencyKey: string }) => !ofOtherTests(n.idempotencyKey, own) && n.idempotencyKey !== KEY)
        .map((n: { idempotencyKey: string; status: string }) => [n.idempotencyKey, n.status]);
    };
    // Open notices only (the answered red alert of the demo is not listed), newest first.
    expect(await keysFor(hrCaseworker)).toEqual([
      [own, 'ACKNOWLEDGED'],
      ['demo-hr-arrears-digest', 'SENT'],
      ['demo-court-suggestion-arrears', 'SENT'],
    ]);
    expect(await keysFor(unionCaseworker)).toEqual([
      [own, 'ACKNOWLEDGED'],
      ['demo-hr-arrears-digest', 'SENT'],
      ['demo-court-enforcement-hazard', 'ACKNOWLEDGED'],
    ]);
    expect(await keysFor(courtCaseworker)).toEqual([
      ['demo-court-enforcement-hazard', 'ACKNOWLEDGED'],
      ['demo-court-suggestion-arrears', 'SENT'],
    ]);

    const byCourt = await stack.query(ONE, { id }, courtCaseworker);
    expect(byCourt.body).toEqual(
      forbiddenAnswer({ notice: null }, 'A notice from HR_BUREAU to UNION is visible to those two departments only', { path: ['notice'] }),
    );
  });

  it('lets the union answer it, which the sender then reads, and the open list drops it', async () => {
    const own = 'hr-arrears-e2e-answered';
    const id = await acknowledged(own);
    const bySender = await stack.query(ANSWER, { input: { id, version: 2, answer: '不应由发送方答复' } }, hrCaseworker);
    expect(bySender.body.errors![0]).toMatchObject({
      message: 'Only a writing role of UNION may answer this notice',
      extensions: { code: 'FORBIDDEN' },
    });
    const answered = await stack.query(ANSWER, { input: { id, version: 2, answer: '已约谈项目部，组织职工申请调解。' } }, unionCaseworker);
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data.answerNotice).toMatchObject({ status: 'ANSWERED', overdue: false, version: 3 });
    expect((await stack.query(ONE, { id }, hrCaseworker)).body).toEqual({
      data: { notice: { id, status: 'ANSWERED', answer: '已约谈项目部，组织职工申请调解。' } },
    });
    const { body } = await stack.query(ENTERPRISE_NOTICES, { creditCode: CONSTRUCTION }, hrCaseworker);
    const keys = body.data.enterprise.notices.map((n: { idempotencyKey: string }) => n.idempotencyKey);
    expect(keys.filter((key: string) => !ofOtherTests(key, own) && key !== KEY)).toEqual([
      'demo-hr-arrears-digest',
      'demo-court-suggestion-arrears',
    ]);
  });

  it('refuses a send over a suspended channel, and sends again once it is re-activated', async () => {
    const hrAdmin = asPrincipal(HR_BUREAU, ADMIN);
    const versionOf = async () =>
      (await stack.query('{ sharingChannel(code: "HR-UNION-LAYOFF") { version } }', {}, hrAdmin)).body.data.sharingChannel
        .version as number;
    const decide = async (verb: string) =>
      stack.query(
        `mutation ($input: SharingChannelDecisionInput!) { ${verb}SharingChannel(input: $input) { status version } }`,
        { input: { code: 'HR-UNION-LAYOFF', version: await versionOf() } },
        hrAdmin,
      );
    const before = await versionOf();
    const suspended = await decide('suspend');
    expect(suspended.body.data.suspendSharingChannel).toEqual({ status: 'SUSPENDED', version: before + 1 });

    const layoff = {
      ...input,
      idempotencyKey: 'hr-layoff-e2e-001',
      channelCode: 'HR-UNION-LAYOFF',
      kind: 'LAYOFF',
      enterpriseCreditCode: STORY_ENTERPRISES.electronicsLayoff,
      summary: '芯联电子裁员方案变更。',
    };
    const refused = await stack.query(SEND, { input: layoff }, hrCaseworker);
    expect(refused.body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'BAD_USER_INPUT',
            field: 'channelCode',
            rule: 'is SUSPENDED: notices travel only over an ACTIVE channel',
          }),
          path: ['sendNotice'],
        }),
      ],
    });

    expect((await decide('activate')).body.data.activateSharingChannel).toEqual({ status: 'ACTIVE', version: before + 2 });
    const sent = await stack.query(SEND, { input: layoff }, hrCaseworker);
    expect(sent.body.errors).toBeUndefined();
    expect(sent.body.data.sendNotice).toMatchObject({
      idempotencyKey: 'hr-layoff-e2e-001',
      channelCode: 'HR-UNION-LAYOFF',
      status: 'SENT',
    });
  });
});
