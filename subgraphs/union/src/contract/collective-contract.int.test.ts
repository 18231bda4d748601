import { useSubgraph } from '@labour/testing/subgraph-harness';
import { unionSubgraph } from '../definition';
import { CONTRACT_INPUT } from '../union.fixtures';

describe('union subgraph: records, rules and the legal clock', () => {
  const union = useSubgraph(unionSubgraph);

  it('lets a collective contract take effect 15 days after filing, never earlier', async () => {
    const create = `mutation ($input: CreateCollectiveContractInput!) { createCollectiveContract(input: $input) { contractNo effectiveOn expiresOn wageIncreasePct inForce } }`;
    const early = await union.query(create, { input: { ...CONTRACT_INPUT, effectiveOn: '2026-01-20' } });
    expect(early.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'effectiveOn',
      rule: "must not be earlier than 15 days after filing, the labour bureau's review period (2026-01-25)",
    });
    const { body } = await union.query(create, { input: CONTRACT_INPUT });
    expect(body.data.createCollectiveContract).toEqual({
      contractNo: 'HT-T-9001',
      effectiveOn: '2026-01-25',
      expiresOn: '2029-01-24',
      wageIncreasePct: '5.50',
      inForce: true,
    });
  });
});
