import { itLeavesPlannerStatistics, useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from '../definition';

describe('hr-bureau subgraph', () => {
  const hr = useSubgraph(hrBureauSubgraph, { demo: true });

  itLeavesPlannerStatistics(hr);

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
});
