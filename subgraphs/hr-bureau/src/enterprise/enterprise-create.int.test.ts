import { useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from '../definition';
import { enterpriseInput, uscc } from '../hr-bureau.fixtures';

const CREATE_ENTERPRISE = /* GraphQL */ `
  mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { creditCode name version } }
`;
const COUNT = /* GraphQL */ `query ($name: String) { enterprises(first: 50, name: $name) { totalCount nodes { creditCode name } } }`;

/**
 * Creating an enterprise whose credit code is already in the file is a CONFLICT naming the code, also
 * when the requests arrive together: the database's unique key decides, not a check each request makes first.
 */
describe('createEnterprise with a credit code that is taken', () => {
  const hr = useSubgraph(hrBureauSubgraph);

  it('creates exactly one of 20 concurrent requests with one credit code; the other 19 get CONFLICT', async () => {
    const creditCode = uscc('91110115MA07RACE0');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        hr.query(CREATE_ENTERPRISE, { input: enterpriseInput(creditCode, `并发测试企业${i}号有限公司`) }),
      ),
    );
    const created = answers.filter((a) => a.body.data?.createEnterprise);
    const refused = answers.filter((a) => a.body.errors);
    expect({ created: created.length, refused: refused.length }).toEqual({ created: 1, refused: 19 });
    for (const answer of refused) {
      expect(answer).toEqual({
        status: 200,
        body: {
          data: null,
          errors: [
            {
              message: `An enterprise with creditCode ${creditCode} already exists`,
              path: ['createEnterprise'],
              locations: [{ line: 2, column: 47 }],
              extensions: { code: 'CONFLICT', field: 'creditCode' },
            },
          ],
        },
      });
    }
    // The file holds the one that was created, and nothing of the others.
    const winner = created[0]!.body.data.createEnterprise as { creditCode: string; name: string; version: number };
    expect(winner.version).toBe(1);
    const file = await hr.query(COUNT, { name: '并发测试企业' });
    expect(file.body.data.enterprises).toEqual({ totalCount: 1, nodes: [{ creditCode, name: winner.name }] });
  });

  it('refuses a later duplicate the same way', async () => {
    const creditCode = uscc('91110115MA07LATE1');
    const first = await hr.query(CREATE_ENTERPRISE, { input: enterpriseInput(creditCode, '先到测试有限公司') });
    expect(first.body.data.createEnterprise).toEqual({ creditCode, name: '先到测试有限公司', version: 1 });
    const again = await hr.query(CREATE_ENTERPRISE, { input: enterpriseInput(creditCode, '后到测试有限公司') });
    expect(again.body.errors).toEqual([
      expect.objectContaining({
        message: `An enterprise with creditCode ${creditCode} already exists`,
        extensions: { code: 'CONFLICT', field: 'creditCode' },
      }),
    ]);
    expect((await hr.query(COUNT, { name: '到测试' })).body.data.enterprises.nodes).toEqual([{ creditCode, name: '先到测试有限公司' }]);
  });
});
