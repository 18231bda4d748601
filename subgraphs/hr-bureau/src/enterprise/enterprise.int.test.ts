import { useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from '../definition';
import { CREATE_ENTERPRISE, enterpriseInput, uscc } from '../hr-bureau.fixtures';

describe('hr-bureau subgraph', () => {
  const hr = useSubgraph(hrBureauSubgraph, { demo: true });

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
});
