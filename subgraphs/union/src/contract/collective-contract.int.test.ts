import { useSubgraph } from '@labour/testing/subgraph-harness';
import { unionSubgraph } from '../definition';
import { ENTERPRISE } from '../union.fixtures';

describe('union subgraph: records, rules and the legal clock', () => {
  const union = useSubgraph(unionSubgraph);

  it('lets a collective contract take effect 15 days after filing, never earlier', async () => {
    const create = `mutation ($input: CreateCollectiveContractInput!) { createCollectiveContract(input: $input) { contractNo effectiveOn expiresOn wageIncreasePct inForce } }`;
    const input = {
      contractNo: 'HT-T-9001',
      enterpriseCreditCode: ENTERPRISE,
      kind: 'WAGE',
      signedOn: '2026-01-05',
      filedOn: '2026-01-10',
      expiresOn: '2029-01-24',
      wageIncreasePct: '5.5',
      coveredWorkers: 120,
    };
    const early = await union.query(create, { input: { ...input, effectiveOn: '2026-01-20' } });
    expect(early.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'effectiveOn',
      rule: "must not be earlier than 15 days after filing, the labour bureau's review period (2026-01-25)",
    });
    const { body } = await union.query(create, { input });
    expect(body.data.createCollectiveContract).toEqual({
      contractNo: 'HT-T-9001',
      effectiveOn: '2026-01-25',
      expiresOn: '2029-01-24',
      wageIncreasePct: '5.50',
      inForce: true,
    });
  });
});
