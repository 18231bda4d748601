import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Department, Role } from '@labour/shared';
import { STORY_ARREARS, STORY_ENTERPRISES, STORY_LAWYER, STORY_LAYOFF_COUNT, STORY_PROJECT, STORY_TEXTS } from '@labour/demo-world';
import { DEMO_MEETING_IDS } from '@labour/demo-world';
import { useStack } from '../support/stack';
import { TEST_AS_OF, type LogLines } from '../support/subgraph-harness';
import { asPrincipal } from '../support/tokens';
import { README_LIST_ANSWERS } from './readme-list-answers';

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

// The README's answers are checked as plain JSON.
type Json = any;
const CONSTRUCTION = { creditCode: STORY_ENTERPRISES.constructionArrears, name: '北京京开建工集团有限公司' };
const STORY_LAWSUIT = '（2026）京0115民初18号';
const STORY_ENFORCEMENT = '（2026）京0115执55号';

/**
 * What each README example must answer, by operation name: the seeds' stories, fixed records, exactly;
 * the generated world and today's suggestions by their shape and the sums that must agree.
 */
/** Each README example's expected answer, on the test services' day (TEST_AS_OF). */
const README_ANSWERS: Record<string, (data: Json) => void> = {
  ...README_LIST_ANSWERS,
  EnterpriseFile: ({ enterprise }) => {
    expect(enterprise).toMatchObject({
      name: CONSTRUCTION.name,
      district: '亦庄镇',
      employeeCount: 420,
      unionOrganization: null,
      collectiveContracts: [],
    });
    expect(enterprise.wageArrearsAlerts).toEqual([
      { project: STORY_PROJECT, level: 'RED', amountOwed: '486300.00', workersAffected: STORY_ARREARS.workers, open: true },
    ]);
    expect(enterprise.mediationCases).toEqual([expect.objectContaining({ status: 'CLOSED', outcome: 'LAPSED' })]);
    expect(enterprise.arbitrationCases.map((c: Json) => c.status).sort()).toEqual(['ACCEPTED', 'CLOSED']);
    expect(enterprise.lawsuits).toEqual([{ caseNo: STORY_LAWSUIT, stage: 'CLOSED', outcome: 'UPHELD' }]);
    expect(enterprise.enforcementCases).toEqual([expect.objectContaining({ caseNo: STORY_ENFORCEMENT, status: 'OPEN' })]);
    expect(enterprise.legalAidCases.length).toBeGreaterThan(0);
    for (const aid of enterprise.legalAidCases) expect(aid).toMatchObject({ eligibilityBasis: 'MIGRANT_WAGE_CLAIM', lawyer: STORY_LAWYER });
  },
  DisputeStages: ({ lawsuit }) => {
    expect(lawsuit.disputeNo).toMatch(/^LD-[A-Z]{2}-2026-\d{6}$/);
    // The earlier worker's case: award, lawsuit, enforcement.
    expect(lawsuit.dispute).toMatchObject({
      arbitrationCases: [expect.objectContaining({ status: 'CLOSED', outcome: 'AWARD' })],
      lawsuits: [expect.objectContaining({ caseNo: STORY_LAWSUIT, stage: 'CLOSED' })],
      enforcementCases: [{ caseNo: STORY_ENFORCEMENT, status: 'OPEN' }],
    });
  },
  EnterprisesOfDistrict: ({ enterprises }) => {
    expect(enterprises.nodes).toHaveLength(10);
    expect(enterprises.totalCount).toBeGreaterThan(10);
    expect(enterprises.pageInfo).toEqual({ endCursor: expect.any(String), hasNextPage: true });
    expect(enterprises.nodes).toContainEqual({ ...CONSTRUCTION, industry: '建筑施工', employeeCount: 420 });
    const codes = enterprises.nodes.map((n: Json) => n.creditCode);
    expect(codes).toEqual([...codes].sort());
  },
  LayoffStory: (data) => {
    expect(data).toEqual({
      laidOff: {
        name: '北京亦庄芯联电子有限公司',
        layoffReports: [
          {
            plannedCount: STORY_LAYOFF_COUNT,
            effectiveOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
            placementPlan: STORY_TEXTS.placementPlan,
            meetsNoticePeriod: true,
          },
        ],
      },
      hiring: { name: '北京京芯半导体科技有限公司', employeeCount: 2600, industry: '集成电路' },
    });
  },
  JointMeetingView: ({ jointMeetings, lastMeetings }) => {
    expect(jointMeetings.map((m: Json) => m.id)).toEqual([DEMO_MEETING_IDS.planned]);
    const [planned] = jointMeetings;
    expect([...planned.participatingDepartments].sort()).toEqual(['COURT', 'HR_BUREAU', 'JUSTICE', 'UNION']);
    expect(planned.participants.length).toBeGreaterThan(0);
    // The seeds' stories: the layoff, the hiring chip maker, the builder, the builder's crew's dispute.
    expect(planned.agenda.map((item: Json) => [item.position, item.enterprise?.name ?? null, item.dispute !== null])).toEqual([
      [1, '北京亦庄芯联电子有限公司', false],
      [2, '北京京芯半导体科技有限公司', false],
      [3, CONSTRUCTION.name, false],
      [4, null, true],
    ]);
    expect(planned.agenda[0].enterprise.layoffReports).toEqual([expect.objectContaining({ plannedCount: STORY_LAYOFF_COUNT })]);
    expect(planned.agenda[2].enterprise.wageArrearsAlerts).toEqual([
      expect.objectContaining({ project: STORY_PROJECT, level: 'RED', amountOwed: '486300.00' }),
    ]);
    expect(planned.agenda[3].dispute.mediationCases.length).toBeGreaterThan(0);
    expect(lastMeetings).toHaveLength(1);
    expect(lastMeetings[0].minutes).toContain(CONSTRUCTION.name);
    expect(lastMeetings[0].decisions.map((d: Json) => d.leadDepartment)).toEqual(['HR_BUREAU', 'COURT', 'JUSTICE', 'HR_BUREAU', 'UNION']);
  },
  Indicators: ({ indicators }) => {
    // As the labour bureau's analyst: disclosure-controlled.
    const closure = indicators.arbitrationClosureRate;
    expect(closure.cases).toBeGreaterThan(0);
    expect(closure.value).toBeGreaterThan(0);
    expect(closure.value).toBeLessThanOrEqual(1);
    // A cell is published with 5 cases or more, or withheld with at least one other.
    for (const cell of closure.byDistrict as Json[])
      expect(cell.suppressed ? cell.value === null && cell.cases === null : cell.cases >= 5).toBe(true);
    const withheld = (closure.byDistrict as Json[]).filter((cell) => cell.suppressed).length;
    expect(withheld === 0 || withheld >= 2).toBe(true);
    // Fewer than 5 warnings are open at the demo year's end, the story's red one among them: their total is withheld.
    expect(indicators.openArrearsAmount).toEqual({ amount: null, cases: null, suppressed: true, roundedTo: 10000 });
    const withUnion = indicators.enterprisesWithUnion;
    expect(withUnion.value).toBeGreaterThan(0);
    expect(withUnion.value).toBeLessThanOrEqual(indicators.enterprisesKnown.value);
    for (const cell of withUnion.byDistrict as Json[]) expect(cell.suppressed ? cell.value === null : cell.value >= 5).toBe(true);
    expect(indicators.mediationSuccessRate.cases).toBeGreaterThan(0);
    expect(indicators.lawsuitsFiled.value).toBeGreaterThanOrEqual(indicators.lawsuitsAppealed.value);
    expect(indicators.legalAidCases.value).toBeGreaterThan(0);
  },
  SuggestedAgenda: ({ suggestedAgenda }) => {
    // No asOf in the example: today.
    expect(suggestedAgenda.asOf).toBe(TEST_AS_OF);
    expect(suggestedAgenda.missingSources).toEqual([]);
    const items = suggestedAgenda.items as Json[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(10);
    for (const item of items) expect(item.score).toBe(item.signals.reduce((sum: number, s: Json) => sum + s.weight, 0));
    const scores = items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The builder owes wages (a RED warning) and has no union: it is always among the suggestions.
    expect(items.find((item) => item.enterprise.creditCode === CONSTRUCTION.creditCode)?.signals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'HR_BUREAU', kind: 'WAGE_ARREARS_OPEN' }),
        expect.objectContaining({ source: 'UNION', kind: 'NO_UNION' }),
      ]),
    );
  },
  RecordHiring: (data) => expect(data).toEqual({ updateEnterprise: { employeeCount: 2800, version: 2 } }),
};

describe('the merged picture through the gateway', () => {
  const logs: LogLines = [];
  const stack = useStack({ demo: true, logs });

  it('answers one query for a seeded enterprise with fields from all four subgraphs', async () => {
    const { status, body } = await stack.query(ENTERPRISE_FILE, { creditCode: STORY_ENTERPRISES.constructionArrears });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const file = body.data.enterprise;
    expect(file.name).toBe('北京京开建工集团有限公司');
    expect(file.wageArrearsAlerts).toContainEqual({
      project: '亦庄新城C2地块安置房项目',
      level: 'RED',
      amountOwed: '486300.00',
      open: true,
    });
    expect(file.arbitrationCases.length).toBeGreaterThan(0);
    expect(file.mediationCases.length).toBeGreaterThan(0);
    expect(file.lawsuits.length).toBeGreaterThan(0);
    expect(file.enforcementCases.length).toBeGreaterThan(0);
    expect(file.legalAidCases).toContainEqual(expect.objectContaining({ eligibilityBasis: 'MIGRANT_WAGE_CLAIM' }));
  });

  it("gives each department's stage of one dispute, and the same cases as the departments hold them", async () => {
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
    const direct = await stack.subgraphs
      .get('court')!
      .query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Dispute { lawsuits { caseNo arbitrationCaseNo } } } }`, {
        r: [{ __typename: 'Dispute', disputeNo: lawsuit.disputeNo }],
      });
    expect(direct.body.data._entities[0].lawsuits).toEqual(dispute.lawsuits);
  });

  it('finds a worker by ID number across departments, through personRef', async () => {
    // The justice bureau sees its own applicants' ID numbers; the labour bureau, whose register it is, looks the number up.
    const file = await stack.query(
      `query ($c: String!) { enterprise(creditCode: $c) { legalAidCases { applicant { idNumber name personRef } } } }`,
      { c: STORY_ENTERPRISES.constructionArrears },
      asPrincipal(Department.JUSTICE, Role.CASEWORKER),
    );
    const applicant = file.body.data.enterprise.legalAidCases[0].applicant;
    const { body } = await stack.query(
      `query ($id: String!) { worker(idNumber: $id) { personRef name legalAidCases { caseNo } mediationCases { caseNo } arbitrationCases { caseNo } lawsuits { caseNo } } }`,
      { id: applicant.idNumber },
      asPrincipal(Department.HR_BUREAU, Role.CASEWORKER),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.worker).toMatchObject({ personRef: applicant.personRef, name: applicant.name });
    expect(body.data.worker.legalAidCases.length).toBeGreaterThan(0);
  });

  it("passes a client's bad input back with the field and the rule it breaks", async () => {
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

  it('answers every example query of the README with what the example shows on the demo data', async () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const names = examples.map((example) => /^(?:query|mutation) (\w+)/m.exec(example)?.[1]);
    // Each example is named, and each name has its expected answer below: a new example needs one too.
    expect(names.sort()).toEqual(Object.keys(README_ANSWERS).sort());
    for (const example of examples) {
      const name = /^(?:query|mutation) (\w+)/m.exec(example)![1]!;
      // An example may say whose token it needs on its first line: `# as HR_BUREAU CASEWORKER`.
      const as = /^# as ([A-Z_]+) ([A-Z]+)/.exec(example);
      const headers = as ? asPrincipal(as[1] as Department, as[2] as Role) : undefined;
      const { body } = await stack.query(example, undefined, headers);
      expect([name, body.errors]).toEqual([name, undefined]);
      try {
        README_ANSWERS[name]!(body.data);
      } catch (error) {
        throw new Error(`README example ${name}: ${(error as Error).message}`);
      }
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
    expect(await ready.json()).toEqual({
      status: 'ready',
      departments: { HR_BUREAU: 'ready', UNION: 'ready', COURT: 'ready', JUSTICE: 'ready' },
      breakers: { HR_BUREAU: 'closed', UNION: 'closed', COURT: 'closed', JUSTICE: 'closed' },
    });
  });
});
