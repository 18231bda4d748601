import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/shared/demo';
import { startStack, type RunningStack } from '../support/stack';
import type { LogLines } from '../support/subgraph-harness';
import { asPrincipal } from '../support/tokens';

/** One enterprise as the joint meeting sees it: fields from all four departments in one query. */
const ENTERPRISE_FILE = /* GraphQL */ `
  query EnterpriseFile($creditCode: String!) {
    enterprise(creditCode: $creditCode) {
      name employeeCount
      wageArrearsAlerts { project level amountOwed open }
      arbitrationCases { caseNo disputeNo status }
      unionOrganization { name }
      mediationCases { caseNo disputeNo status outcome }
      lawsuits { caseNo disputeNo }
      enforcementCases { caseNo status }
      legalAidCases { caseNo disputeNo eligibilityBasis }
    }
  }
`;

describe('the merged picture through the gateway', () => {
  const logs: LogLines = [];
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await startStack({ demo: true, logs });
  }, 180_000);
  afterAll(() => stack?.stop());

  it('answers one query for a seeded enterprise with fields from all four subgraphs', async () => {
    const { status, body } = await stack.query(ENTERPRISE_FILE, { creditCode: STORY_ENTERPRISES.constructionArrears });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const file = body.data.enterprise;
    expect(file.name).toBe('北京京开建工集团有限公司');
    expect(file.wageArrearsAlerts).toContainEqual({ project: '亦庄新城C2地块安置房项目', level: 'RED', amountOwed: '486300.00', open: true });
    expect(file.arbitrationCases.length).toBeGreaterThan(0);
    expect(file.mediationCases.length).toBeGreaterThan(0);
    expect(file.lawsuits.length).toBeGreaterThan(0);
    expect(file.enforcementCases.length).toBeGreaterThan(0);
    expect(file.legalAidCases).toContainEqual(expect.objectContaining({ eligibilityBasis: 'MIGRANT_WAGE_CLAIM' }));
  });

  it('gives each department\'s stage of one dispute, and the same cases as the departments hold them', async () => {
    const file = await stack.query(ENTERPRISE_FILE, { creditCode: STORY_ENTERPRISES.constructionArrears });
    const lawsuit = file.body.data.enterprise.lawsuits[0];
    const { body } = await stack.query(
      `query ($disputeNo: String!) { dispute(disputeNo: $disputeNo) { disputeNo mediationCases { caseNo } arbitrationCases { caseNo status } lawsuits { caseNo arbitrationCaseNo } legalAidCases { caseNo } } }`,
      { disputeNo: lawsuit.disputeNo },
    );
    expect(body.errors).toBeUndefined();
    const dispute = body.data.dispute;
    expect(dispute.lawsuits).toContainEqual(expect.objectContaining({ caseNo: lawsuit.caseNo }));
    // Arbitration comes before a lawsuit: the lawsuit names an arbitration case of the same dispute.
    const arbitrationNos = dispute.arbitrationCases.map((c: { caseNo: string }) => c.caseNo);
    for (const suit of dispute.lawsuits) expect(arbitrationNos).toContain(suit.arbitrationCaseNo);
    const direct = await stack.subgraphs.get('court')!.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { lawsuits { caseNo arbitrationCaseNo } } } }`,
      { r: [{ __typename: 'Dispute', disputeNo: lawsuit.disputeNo }] },
    );
    expect(direct.body.data._entities[0].lawsuits).toEqual(dispute.lawsuits);
  });

  it('finds a worker by ID number across departments, through personRef', async () => {
    // The justice bureau sees its own applicants' ID numbers; the union, through a channel, the name.
    const file = await stack.query(
      `query ($c: String!) { enterprise(creditCode: $c) { legalAidCases { applicant { idNumber name personRef } } } }`,
      { c: STORY_ENTERPRISES.constructionArrears },
      asPrincipal(Department.JUSTICE, Role.CASEWORKER),
    );
    const applicant = file.body.data.enterprise.legalAidCases[0].applicant;
    const { body } = await stack.query(
      `query ($id: String!) { worker(idNumber: $id) { personRef name legalAidCases { caseNo } mediationCases { caseNo } arbitrationCases { caseNo } lawsuits { caseNo } } }`,
      { id: applicant.idNumber },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.worker).toMatchObject({ personRef: applicant.personRef, name: applicant.name });
    expect(body.data.worker.legalAidCases.length).toBeGreaterThan(0);
  });

  it('passes a client\'s bad input back with the field and the rule it breaks', async () => {
    const { body } = await stack.query(`{ enterprise(creditCode: "91110302802205163A") { name } }`);
    expect(body.data).toEqual({ enterprise: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'creditCode is not a valid unified social credit code: has a wrong check character (GB 32100)',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'creditCode' }),
      }),
    ]);
  });

  it('forwards the request id to every subgraph it calls and every service logs it', async () => {
    const requestId = 'e2e-merged-picture-0001';
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...asPrincipal(Department.UNION, Role.COORDINATOR) },
      body: JSON.stringify({ query: ENTERPRISE_FILE, variables: { creditCode: STORY_ENTERPRISES.electronicsLayoff } }),
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    const services = new Set(logs.filter((line) => line['requestId'] === requestId).map((line) => line['service']));
    expect([...services].sort()).toEqual(['court', 'gateway', 'hr-bureau', 'justice', 'union']);
  });

  it('answers every example query of the README without errors', async () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      // An example may say whose token it needs on its first line: `# as HR_BUREAU CASEWORKER`.
      const as = /^# as ([A-Z_]+) ([A-Z]+)/.exec(example);
      const headers = as ? asPrincipal(as[1] as Department, as[2] as Role) : undefined;
      const { body } = await stack.query(example, undefined, headers);
      expect([example.split('\n')[0], body.errors]).toEqual([example.split('\n')[0], undefined]);
      const values = Object.values(body.data as Record<string, unknown>);
      expect(values.every((value) => value !== null)).toBe(true);
    }
  });

  it('keeps its connections to the subgraphs alive across requests', async () => {
    const before = [...stack.subgraphs.values()].map((s) => s.connectionsAccepted());
    for (let i = 0; i < 20; i += 1) {
      const { body } = await stack.query(ENTERPRISE_FILE, { creditCode: STORY_ENTERPRISES.chipMakerHiring });
      expect(body.errors).toBeUndefined();
    }
    const opened = [...stack.subgraphs.values()].map((s, i) => s.connectionsAccepted() - before[i]!);
    // 20 sequential requests, each fetching from every subgraph: at most one new connection each.
    expect(opened.every((n) => n <= 1)).toBe(true);
  });

  it('reports health and readiness', async () => {
    const base = new URL(stack.gatewayUrl);
    expect((await fetch(new URL('/health', base))).status).toBe(200);
    const ready = await fetch(new URL('/ready', base));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
