import { Department, idNumberCheckCharacter, personRefOf, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { startStack, type RunningStack } from '../support/stack';
import { TEST_LINKAGE_KEY } from '../support/subgraph-harness';
import { asPrincipal, testToken } from '../support/tokens';

/**
 * The ID-number oracle, through the gateway: an analyst who sees `412725********1016` beside a worker's
 * personRef used to try the few dozen possible birth dates with `worker(idNumber:)` (PUBLIC), ten aliases a
 * request, and matched personRef. Now the lookup is only for who may see the number in clear, counted per
 * caller, and every other department's attempt is in the labour bureau's access log with its purpose.
 */
const { HR_BUREAU, COURT, JUSTICE } = Department;
const { CASEWORKER, ANALYST, ADMIN } = Role;

/** Headers of a principal with its own token subject, so that each test's lookups count on their own. */
const as = (department: Department, role: Role, sub: string, purpose?: string) => ({
  authorization: `Bearer ${testToken({ department, roles: [role], sub })}`,
  ...(purpose ? { 'x-purpose': encodeURIComponent(purpose) } : {}),
});

/** Valid ID numbers differing from `idNumber` only in the day of birth (1st … 10th): what a guesser tries. */
function candidates(idNumber: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const body = `${idNumber.slice(0, 12)}${String(i + 1).padStart(2, '0')}${idNumber.slice(14, 17)}`;
    return body + idNumberCheckCharacter(body);
  });
}

/** One operation looking up each number under its own alias: `w0: worker(idNumber: $n0) { … }`. */
function lookups(operation: string, numbers: string[]): [string, Record<string, string>] {
  const vars = numbers.map((_, i) => `$n${i}: String!`).join(', ');
  const fields = numbers.map((_, i) => `w${i}: worker(idNumber: $n${i}) { personRef idNumber }`).join(' ');
  return [`query ${operation}(${vars}) { ${fields} }`, Object.fromEntries(numbers.map((n, i) => [`n${i}`, n]))];
}

const FORBIDDEN_MESSAGE =
  'Query.worker finds a person by Worker.idNumber, which your department or role may only see masked: ask the department that owns it, or for a sharing channel that grants Worker.idNumber';

const LOG = `query ($department: Department) { hrBureauAccessLog(first: 100, department: $department) {
  nodes { subject department roles operationName purpose fields subjectKeys outcome channelId } } }`;

describe('looking a person up by ID number', () => {
  let stack: RunningStack;
  let worker: { idNumber: string; personRef: string };

  /** The labour bureau's access-log entries of operations named `operation` (the gateway names its fetch `<operation>__hr_bureau__0`). */
  async function loggedLookups(operation: string, department: Department) {
    const { body } = await stack.query(LOG, { department }, asPrincipal(HR_BUREAU, ADMIN));
    expect(body.errors).toBeUndefined();
    return body.data.hrBureauAccessLog.nodes.filter((n: { operationName: string | null }) => n.operationName?.startsWith(`${operation}__`));
  }

  beforeAll(async () => {
    stack = await startStack({ demo: true });
    const own = await stack.query(
      `query ($c: String!) { enterprise(creditCode: $c) { workers { idNumber personRef } } }`,
      { c: STORY_ENTERPRISES.constructionArrears },
      asPrincipal(HR_BUREAU, CASEWORKER),
    );
    worker = own.body.data.enterprise.workers[0];
  }, 180_000);
  afterAll(() => stack?.stop());

  it("refuses a court analyst's guesses alike for the real number and the others, and logs them with their purpose", async () => {
    const analyst = as(COURT, ANALYST, 'court-analyst-guessing', '核对当事人身份');
    const masked = await stack.query(
      `query ($c: String!) { enterprise(creditCode: $c) { workers { idNumber personRef } } }`,
      { c: STORY_ENTERPRISES.constructionArrears },
      analyst,
    );
    expect(masked.body.errors).toBeUndefined();
    // personRef stays beside the masked number (the federation key; see README "Who may see what").
    expect(masked.body.data.enterprise.workers).toContainEqual({
      idNumber: `${worker.idNumber.slice(0, 6)}********${worker.idNumber.slice(14)}`,
      personRef: worker.personRef,
    });

    const guesses = [worker.idNumber, ...candidates(worker.idNumber, 9).filter((n) => n !== worker.idNumber)].slice(0, 10);
    expect(guesses).toHaveLength(10);
    const [query, variables] = lookups('IdOracle', guesses);
    const { body } = await stack.query(query, variables, analyst);
    expect(body.data).toEqual(Object.fromEntries(guesses.map((_, i) => [`w${i}`, null])));
    expect(body.errors?.map((e) => [e.path, e.extensions?.['code'], e.message])).toEqual(
      guesses.map((_, i) => [[`w${i}`], 'FORBIDDEN', FORBIDDEN_MESSAGE]),
    );

    expect(await loggedLookups('IdOracle', COURT)).toEqual([
      {
        subject: 'court-analyst-guessing',
        department: 'COURT',
        roles: ['ANALYST'],
        operationName: expect.stringMatching(/^IdOracle__/),
        purpose: '核对当事人身份',
        fields: ['Query.worker'],
        subjectKeys: guesses.map((n) => personRefOf(n, TEST_LINKAGE_KEY)).sort(),
        outcome: 'DENIED',
        channelId: null,
      },
    ]);
  });

  it("refuses a court caseworker without a channel, and the worker's own access log shows the attempt", async () => {
    const [query, variables] = lookups('CaseworkerLookup', [worker.idNumber]);
    const { body } = await stack.query(query, variables, as(COURT, CASEWORKER, 'court-caseworker-1', '诉讼材料核对'));
    expect(body.data).toEqual({ w0: null });
    expect(body.errors?.map((e) => [e.extensions?.['code'], e.message])).toEqual([['FORBIDDEN', FORBIDDEN_MESSAGE]]);

    const log = await stack.query(
      `query ($id: String!) { workerAccessLog(idNumber: $id, first: 100, department: COURT) { nodes { operationName purpose fields outcome } } }`,
      { id: worker.idNumber },
      asPrincipal(HR_BUREAU, ADMIN),
    );
    expect(log.body.errors).toBeUndefined();
    const lookupsOfWorker = log.body.data.workerAccessLog.nodes.filter((n: { fields: string[] }) => n.fields.includes('Query.worker'));
    expect(lookupsOfWorker.map((n: { purpose: string; outcome: string }) => [n.purpose, n.outcome]).sort()).toEqual([
      ['核对当事人身份', 'DENIED'],
      ['诉讼材料核对', 'DENIED'],
    ]);
  });

  it('answers over 30 lookups a minute of one caller with RATE_LIMITED, counting each alias, and not another caller', async () => {
    const analyst = as(COURT, ANALYST, 'court-analyst-rate');
    const numbers = candidates(worker.idNumber, 10);
    const [query, variables] = lookups('RateProbe', numbers);
    const codes: string[][] = [];
    for (let request = 0; request < 4; request += 1) {
      const { body } = await stack.query(query, variables, analyst);
      codes.push(body.errors?.map((e) => e.extensions?.['code'] as string) ?? []);
      if (request === 3) {
        for (const error of body.errors ?? []) {
          expect(error.extensions?.['retryAfterSeconds']).toEqual(expect.any(Number));
          expect(error.extensions?.['retryAfterSeconds']).toBeGreaterThanOrEqual(1);
          expect(error.extensions?.['retryAfterSeconds']).toBeLessThanOrEqual(60);
        }
      }
    }
    const all = (code: string) => Array.from({ length: 10 }, () => code);
    expect(codes).toEqual([all('FORBIDDEN'), all('FORBIDDEN'), all('FORBIDDEN'), all('RATE_LIMITED')]);
    // The limit is the caller's, not the department's: another analyst is refused for what it asks, not for the first one's count.
    const other = await stack.query(query, variables, as(COURT, ANALYST, 'court-analyst-other'));
    expect(other.body.errors?.map((e) => e.extensions?.['code'])).toEqual(all('FORBIDDEN'));
  });

  it("lets the labour bureau's caseworker, and a department granted Worker.idNumber by a channel, look the worker up", async () => {
    const [query, variables] = lookups('GrantedLookup', [worker.idNumber]);
    const own = await stack.query(query, variables, as(HR_BUREAU, CASEWORKER, 'hr-caseworker-1'));
    expect(own.body).toEqual({ data: { w0: { personRef: worker.personRef, idNumber: worker.idNumber } } });

    const hrAdmin = asPrincipal(HR_BUREAU, ADMIN);
    const proposed = await stack.query(
      `mutation ($input: ProposeSharingChannelInput!) { proposeSharingChannel(input: $input) { version } }`,
      {
        input: {
          code: 'E2E-HR-JUSTICE-WORKER-ID',
          provider: HR_BUREAU,
          consumers: [JUSTICE],
          grants: [{ typeName: 'Worker', fields: ['idNumber'] }],
          // The worker looked up is employed where wages are owed: in the scope (a lookup of someone outside it is refused).
          scope: 'HR_OPEN_WAGE_ARREARS',
          purpose: '法律援助申请人身份核验',
          legalBasis: '《法律援助法》第四十一条',
          validFrom: '2026-01-01',
        },
      },
      hrAdmin,
    );
    expect(proposed.body.errors).toBeUndefined();
    const activated = await stack.query(
      `mutation ($input: SharingChannelDecisionInput!) { activateSharingChannel(input: $input) { status } }`,
      { input: { code: 'E2E-HR-JUSTICE-WORKER-ID', version: proposed.body.data.proposeSharingChannel.version } },
      hrAdmin,
    );
    expect(activated.body.data.activateSharingChannel).toEqual({ status: 'ACTIVE' });
    await stack.refreshChannels();

    const justice = await stack.query(query, variables, as(JUSTICE, CASEWORKER, 'justice-caseworker-1', '法律援助审查'));
    expect(justice.body).toEqual({ data: { w0: { personRef: worker.personRef, idNumber: worker.idNumber } } });
    const entries = await loggedLookups('GrantedLookup', JUSTICE);
    expect(entries.filter((n: { fields: string[] }) => n.fields.includes('Query.worker'))).toEqual([
      expect.objectContaining({
        purpose: '法律援助审查',
        subjectKeys: [worker.personRef],
        outcome: 'GRANTED',
        channelId: 'E2E-HR-JUSTICE-WORKER-ID',
      }),
    ]);
    // The court, which the channel does not name, is still refused.
    const court = await stack.query(query, variables, as(COURT, CASEWORKER, 'court-caseworker-2'));
    expect(court.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
  });
});
