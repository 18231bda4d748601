import { Department, OPERATION_LIMITS, Role, subgraphLimits } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { useSharedStack, type SharedStack } from '../support/shared-stack';
import { asPrincipal } from '../support/tokens';

/**
 * No operation can exhaust a service: a query that walks the worker register in circles (it once ran an
 * hr-bureau out of memory and, with it, the platform) is refused by its estimated cost before anything
 * is fetched, at the gateway and at the subgraph a department system calls directly.
 */

const REGISTER_IN_CIRCLES =
  '{ enterprises(first: 100) { nodes { workers { employer { workers { employer { workers { employer { workers { name } } } } } } } } } }';
const courtCaseworker = asPrincipal(Department.COURT, Role.CASEWORKER);

describe('demand control', () => {
  let stack: SharedStack;
  beforeAll(async () => {
    stack = await useSharedStack();
  }, 180_000);
  afterAll(() => stack?.release());

  it('refuses the query at the gateway, naming the estimated and the allowed cost, and fetches nothing', async () => {
    const hr = stack.subgraphs.get('hr-bureau')!;
    await hr.queries.reset();
    const { status, body } = await stack.query(REGISTER_IN_CIRCLES, undefined, courtCaseworker);
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          message: `This operation is estimated to cost 650510201, over the ${OPERATION_LIMITS.staff.cost} allowed for your role: ask for fewer items (\`first\`) or fewer nested lists.`,
          extensions: { code: 'COST_ESTIMATED_TOO_EXPENSIVE', estimatedCost: 650510201, maxCost: OPERATION_LIMITS.staff.cost },
        },
      ],
    });
    expect(await hr.queries.lastStatements()).toEqual([]);
  });

  it('refuses it at the subgraph called directly, before resolving anything', async () => {
    const hr = stack.subgraphs.get('hr-bureau')!;
    await hr.queries.reset();
    const { status, body } = await hr.query(REGISTER_IN_CIRCLES, undefined, courtCaseworker);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: {
          code: 'COST_ESTIMATED_TOO_EXPENSIVE',
          estimatedCost: 650510201,
          maxCost: subgraphLimits(OPERATION_LIMITS.staff).cost,
        },
      }),
    ]);
    expect(body.data).toBeUndefined();
    expect(await hr.queries.lastStatements()).toEqual([]);
  });

  it('keeps every service answering afterwards', async () => {
    await Promise.all([
      stack.query(REGISTER_IN_CIRCLES, undefined, courtCaseworker),
      stack.subgraphs.get('hr-bureau')!.query(REGISTER_IN_CIRCLES, undefined, courtCaseworker),
    ]);
    const { body } = await stack.query(
      `{ enterprise(creditCode: "${STORY_ENTERPRISES.constructionArrears}") { name lawsuits { caseNo } mediationCases { caseNo } legalAidCases { caseNo } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.enterprise.name).toBe('北京京开建工集团有限公司');
    for (const running of stack.subgraphs.values()) expect((await fetch(new URL('/health', running.url))).status).toBe(200);
  });

  it('lets an analyst ask for less than staff may', async () => {
    // Within the staff budget, over the analysts': 100 enterprises × (nodes, name, workers + 50 workers × 5 fields).
    const query = '{ enterprises(first: 100) { nodes { name workers { name idNumber phone employer { name } } } } }';
    const analyst = await stack.query(query, undefined, asPrincipal(Department.UNION, Role.ANALYST));
    expect(analyst.body.errors?.[0]?.extensions).toEqual({
      code: 'COST_ESTIMATED_TOO_EXPENSIVE',
      estimatedCost: 1 + 100 * (1 + 1 + 1 + 50 * 5),
      maxCost: OPERATION_LIMITS.analyst.cost,
    });
    const staff = await stack.query(query, undefined, asPrincipal(Department.HR_BUREAU, Role.CASEWORKER));
    expect(staff.body.errors).toBeUndefined();
    expect(staff.body.data.enterprises.nodes).toHaveLength(100);
  });
});
