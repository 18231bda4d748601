import { usccCheckCharacter, idNumberCheckCharacter } from '@labour/shared';
import { startSubgraph, type RunningSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from './definition';

const uscc = (body17: string) => body17 + usccCheckCharacter(body17);
const idNumber = (body17: string) => body17 + idNumberCheckCharacter(body17);

const CREATE_ENTERPRISE = /* GraphQL */ `
  mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { creditCode version } }
`;

function enterpriseInput(creditCode: string, name = '北京测试科技有限公司') {
  return { creditCode, name, industry: '电子信息', district: '核心区', address: '科创十三街1号', ownership: 'PRIVATE', employeeCount: 120, registeredOn: '2015-03-01' };
}

describe('hr-bureau subgraph', () => {
  let hr: RunningSubgraph;
  beforeAll(async () => {
    hr = await startSubgraph(hrBureauSubgraph, { demo: true });
  }, 120_000);
  afterAll(() => hr?.stop());

  it('leaves planner statistics on every table once the demo data is in (analyzed, not planned as empty)', async () => {
    const unanalyzed = await hr.subgraph.orm.em.fork().execute<Array<{ relname: string }>>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind = 'r' and c.reltuples < 0 order by c.relname`,
    );
    expect(unanalyzed).toEqual([]);
  });

  it('loads the demo enterprise file with valid identifiers', async () => {
    const { body } = await hr.query(`{ enterprises(first: 3) { totalCount nodes { creditCode } pageInfo { hasNextPage endCursor } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.enterprises.totalCount).toBeGreaterThanOrEqual(500);
    expect(body.data.enterprises.nodes).toHaveLength(3);
    expect(body.data.enterprises.pageInfo.hasNextPage).toBe(true);
    const next = await hr.query(`query ($after: String) { enterprises(first: 3, after: $after) { nodes { creditCode } } }`, {
      after: body.data.enterprises.pageInfo.endCursor,
    });
    expect(next.body.data.enterprises.nodes[0].creditCode > body.data.enterprises.nodes[2].creditCode).toBe(true);
  });

  it('refuses a bad credit code naming the field and the rule, and writes nothing', async () => {
    const bad = '91110115MA01ABCD1X';
    const { body } = await hr.query(CREATE_ENTERPRISE, { input: enterpriseInput(bad) });
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'creditCode',
      rule: 'is not a valid unified social credit code: has a wrong check character (GB 32100)',
    });
    const lookup = await hr.query(`{ enterprise(creditCode: "${uscc('91110115MA01ABCD1')}") { name } }`);
    expect(lookup.body.data.enterprise).toBeNull();
  });

  it('refuses a stale version with CONFLICT and keeps the first update', async () => {
    const code = uscc('91110115MA02XXXX1');
    await hr.query(CREATE_ENTERPRISE, { input: enterpriseInput(code) });
    const update = `mutation ($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { version employeeCount } }`;
    const first = await hr.query(update, { input: { creditCode: code, version: 1, employeeCount: 130 } });
    expect(first.body.data.updateEnterprise).toEqual({ version: 2, employeeCount: 130 });
    const stale = await hr.query(update, { input: { creditCode: code, version: 1, employeeCount: 999 } });
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const now = await hr.query(`{ enterprise(creditCode: "${code}") { employeeCount version } }`);
    expect(now.body.data.enterprise).toEqual({ employeeCount: 130, version: 2 });
  });

  it('runs the arbitration clock: 5 days to accept, 45 to award, one 15-day extension', async () => {
    const code = uscc('91110115MA03YYYY1');
    await hr.query(CREATE_ENTERPRISE, { input: enterpriseInput(code, '北京仲裁测试有限公司') });
    const created = await hr.query(
      `mutation ($input: CreateArbitrationCaseInput!) { createArbitrationCase(input: $input) { status dueOn version claimAmount applicants { personRef } } }`,
      { input: { caseNo: '京开劳人仲字〔2026〕第9001号', disputeNo: 'LD-HR-2026-900001', applicants: [{ idNumber: idNumber('41272219900101123'), name: '李四' }], respondentCreditCode: code, claims: '拖欠工资', claimAmount: '38000.5', filedOn: '2026-09-01' } },
    );
    expect(created.body.data.createArbitrationCase).toMatchObject({ status: 'FILED', dueOn: '2026-09-06', version: 1, claimAmount: '38000.50' });
    const act = (name: string, input: object) =>
      hr.query(`mutation ($input: ${name === 'extendArbitrationCase' ? 'ArbitrationCaseVersionInput' : name === 'closeArbitrationCase' ? 'CloseArbitrationCaseInput' : 'ArbitrationDecisionInput'}!) { ${name}(input: $input) { status dueOn extended version outcome } }`, { input });
    const closedTooEarly = await act('closeArbitrationCase', { caseNo: '京开劳人仲字〔2026〕第9001号', version: 1, on: '2026-09-03', outcome: 'SETTLED' });
    expect(closedTooEarly.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status', rule: 'cannot change from FILED to CLOSED (allowed from FILED: ACCEPTED, DECLINED)' });
    const accepted = await act('acceptArbitrationCase', { caseNo: '京开劳人仲字〔2026〕第9001号', version: 1, on: '2026-09-04' });
    expect(accepted.body.data.acceptArbitrationCase).toMatchObject({ status: 'ACCEPTED', dueOn: '2026-10-19', version: 2 });
    const extended = await act('extendArbitrationCase', { caseNo: '京开劳人仲字〔2026〕第9001号', version: 2 });
    expect(extended.body.data.extendArbitrationCase).toMatchObject({ dueOn: '2026-11-03', extended: true, version: 3 });
    const twice = await act('extendArbitrationCase', { caseNo: '京开劳人仲字〔2026〕第9001号', version: 3 });
    expect(twice.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const award = await act('closeArbitrationCase', { caseNo: '京开劳人仲字〔2026〕第9001号', version: 3, on: '2026-10-30', outcome: 'AWARD' });
    expect(award.body.errors?.[0]?.extensions).toMatchObject({ field: 'awardSummary', rule: 'is required when the outcome is AWARD' });
  });

  describe('batching: one SQL statement per entity type and relation, whatever the number of representations', () => {
    const ENTITIES = /* GraphQL */ `
      query ($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Enterprise { name workers { name } inspections { kind } wageArrearsAlerts { level } layoffReports { plannedCount } arbitrationCases { caseNo } }
          ... on Worker { name employer { name } arbitrationCases { caseNo } }
        }
      }
    `;
    let enterprises: Array<{ creditCode: string; workers: Array<{ personRef: string }> }>;

    async function statementsFor(representations: object[]): Promise<string[]> {
      hr.subgraph.queries.reset();
      const { body } = await hr.query(ENTITIES, { representations });
      expect(body.errors).toBeUndefined();
      expect(body.data._entities.filter(Boolean)).toHaveLength(representations.length);
      return [...hr.subgraph.queries.lastStatements];
    }

    beforeAll(async () => {
      const page = await hr.query(`{ enterprises(first: 100) { nodes { creditCode workers { personRef } } } }`);
      enterprises = page.body.data.enterprises.nodes;
    });

    it('Enterprise: the lookup by credit code and its five lists, for 1 and for 100', async () => {
      const asEnterprise = (e: { creditCode: string }) => ({ __typename: 'Enterprise', creditCode: e.creditCode });
      const one = await statementsFor([asEnterprise(enterprises[0]!)]);
      const hundred = await statementsFor(enterprises.map(asEnterprise));
      expect(enterprises).toHaveLength(100);
      expect(one).toHaveLength(6);
      expect(hundred).toHaveLength(6);
    });

    it('Worker: the lookup by personRef, its employer and its arbitration cases, for 1 and for 100', async () => {
      const workers = enterprises.flatMap((e) => e.workers).slice(0, 100);
      const asWorker = (w: { personRef: string }) => ({ __typename: 'Worker', personRef: w.personRef });
      const one = await statementsFor([asWorker(workers[0]!)]);
      const hundred = await statementsFor(workers.map(asWorker));
      expect(workers).toHaveLength(100);
      expect(one).toHaveLength(3);
      expect(hundred).toHaveLength(3);
    });
  });
});
