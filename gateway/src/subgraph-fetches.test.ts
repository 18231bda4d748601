import { parse } from 'graphql';
import type { GraphQLAnswer } from '@labour/shared';
import { dedupKey, MAX_IN_FLIGHT_PER_CALLER, MAX_LANE_WAIT_MS, stableJson, SubgraphFetches, type FetchRequest } from './subgraph-fetches';

const ENTITIES =
  'query V__court__1($representations:[_Any!]!){_entities(representations:$representations){...on Enterprise{lawsuits{caseNo}}}}';
const OTHER = 'query V__court__2($representations:[_Any!]!){_entities(representations:$representations){...on Dispute{lawsuits{stage}}}}';
const MUTATION = 'mutation M__court__0($input:In!){save(input:$input){id}}';

const request = (overrides: Partial<FetchRequest> = {}): FetchRequest => ({
  query: ENTITIES,
  variables: { representations: [{ __typename: 'Enterprise', creditCode: 'A' }] },
  requestId: 'r-1',
  authorization: 'Bearer token-a',
  purpose: null,
  ...overrides,
});

/** A subgraph that records each HTTP request and answers when the test says so. */
function fakeSubgraph() {
  const sent: Array<{
    body: { query: string; variables: Record<string, unknown>; operationName?: string };
    headers: Record<string, string>;
    answer(a: GraphQLAnswer): void;
    fail(e: unknown): void;
  }> = [];
  const fetches = new SubgraphFetches(
    (body, headers) =>
      new Promise((resolve, reject) => {
        sent.push({ body: JSON.parse(body), headers, answer: resolve, fail: reject });
      }),
  );
  return { fetches, sent };
}

/** Lets the queued fetches go out (they are sent on the next turn of the event loop). */
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('dedupKey', () => {
  it('is the same for equal variables in any key order, and differs by token, purpose, document or variables', () => {
    expect(stableJson({ b: 1, a: [{ y: 2, x: null }], c: undefined })).toBe('{"a":[{"x":null,"y":2}],"b":1}');
    const key = dedupKey(request({ variables: { representations: [{ creditCode: 'A', __typename: 'Enterprise' }] } }));
    expect(dedupKey(request())).toBe(key);
    expect(dedupKey(request({ requestId: 'r-2' }))).toBe(key);
    expect(dedupKey(request({ authorization: 'Bearer token-b' }))).not.toBe(key);
    expect(dedupKey(request({ purpose: 'MEETING' }))).not.toBe(key);
    expect(dedupKey(request({ query: OTHER }))).not.toBe(key);
    expect(dedupKey(request({ variables: { representations: [{ __typename: 'Enterprise', creditCode: 'B' }] } }))).not.toBe(key);
  });
});

describe('SubgraphFetches', () => {
  it('sends an identical query of the same caller once while it is in flight, and gives each caller its own copy', async () => {
    const { fetches, sent } = fakeSubgraph();
    const first = fetches.fetch(request());
    const second = fetches.fetch(request({ requestId: 'r-2' }));
    await turn();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers).toEqual({ 'content-type': 'application/json', 'x-request-id': 'r-1', authorization: 'Bearer token-a' });
    sent[0]!.answer({ data: { _entities: [{ lawsuits: [] }] } });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual({ data: { _entities: [{ lawsuits: [] }] } });
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    expect(b.data!['_entities']).not.toBe(a.data!['_entities']);
    expect(fetches.counts).toEqual({ requests: 1, shared: 1, merged: 0 });
    // Once answered, the same query is sent again.
    void fetches.fetch(request());
    await turn();
    expect(sent).toHaveLength(2);
  });

  it('never shares a query between different tokens or purposes', async () => {
    const { fetches, sent } = fakeSubgraph();
    void fetches.fetch(request());
    void fetches.fetch(request({ requestId: 'r-2', authorization: 'Bearer token-b' }));
    void fetches.fetch(request({ requestId: 'r-3', purpose: 'MEETING' }));
    await turn();
    expect(sent.map((s) => [s.headers['authorization'], s.headers['x-purpose']])).toEqual([
      ['Bearer token-a', undefined],
      ['Bearer token-b', undefined],
      ['Bearer token-a', 'MEETING'],
    ]);
  });

  it('merges the queries of one caller sent at the same time into one request naming each client request, and splits the answer', async () => {
    const { fetches, sent } = fakeSubgraph();
    const enterprise = fetches.fetch(request());
    const dispute = fetches.fetch(request({ query: OTHER, variables: { representations: [{ __typename: 'Dispute', disputeNo: 'D' }] } }));
    // Another client request of the same caller joins them; another caller's query travels on its own.
    const again = fetches.fetch(request({ requestId: 'r-2', query: OTHER }));
    const elsewhere = fetches.fetch(request({ requestId: 'r-3', query: OTHER, authorization: 'Bearer token-b' }));
    await turn();
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body.operationName).toBe('V__court__1__merged');
    expect(sent[0]!.headers['x-request-id']).toBe('r-1,r-2');
    expect(sent[0]!.body.variables).toEqual({
      f0_representations: [{ __typename: 'Enterprise', creditCode: 'A' }],
      f1_representations: [{ __typename: 'Dispute', disputeNo: 'D' }],
      f2_representations: [{ __typename: 'Enterprise', creditCode: 'A' }],
    });
    expect(sent[1]!.body).toEqual({ query: OTHER, variables: request().variables, operationName: undefined });
    expect(sent[1]!.headers).toEqual({ 'content-type': 'application/json', 'x-request-id': 'r-3', authorization: 'Bearer token-b' });
    sent[0]!.answer({
      data: { f0__entities: [{ lawsuits: [{ caseNo: 'C1' }] }], f1__entities: [null], f2__entities: [{ stage: 'FIRST' }] },
      errors: [{ message: 'down', path: ['f1__entities', 0], extensions: { code: 'X' } }],
    });
    sent[1]!.answer({ data: { _entities: [] } });
    await expect(enterprise).resolves.toEqual({ data: { _entities: [{ lawsuits: [{ caseNo: 'C1' }] }] } });
    await expect(dispute).resolves.toEqual({
      data: { _entities: [null] },
      errors: [{ message: 'down', path: ['_entities', 0], extensions: { code: 'X' } }],
    });
    await expect(again).resolves.toEqual({ data: { _entities: [{ stage: 'FIRST' }] } });
    await expect(elsewhere).resolves.toEqual({ data: { _entities: [] } });
    expect(fetches.counts).toEqual({ requests: 2, shared: 0, merged: 3 });
  });

  it(`lets a caller's queries wait while ${MAX_IN_FLIGHT_PER_CALLER} of its requests are in flight, then sends them together`, async () => {
    const { fetches, sent } = fakeSubgraph();
    const code = (i: number) => ({ representations: [{ __typename: 'Enterprise', creditCode: `E${i}` }] });
    const first = [fetches.fetch(request({ variables: code(0) }))];
    await turn();
    first.push(fetches.fetch(request({ requestId: 'r-2', variables: code(1) })));
    await turn();
    expect(sent).toHaveLength(MAX_IN_FLIGHT_PER_CALLER);
    // The lane is full: the next three wait, whichever client request they come from.
    const waiting = [2, 3, 4].map((i) => fetches.fetch(request({ requestId: `r-${i + 1}`, variables: code(i) })));
    // Another caller is not held up by this one.
    void fetches.fetch(request({ authorization: 'Bearer token-b' }));
    await turn();
    await turn();
    expect(sent).toHaveLength(MAX_IN_FLIGHT_PER_CALLER + 1);
    expect(sent[2]!.headers['authorization']).toBe('Bearer token-b');
    sent[0]!.answer({ data: { _entities: [{ lawsuits: [] }] } });
    await first[0];
    await turn();
    await turn();
    expect(sent).toHaveLength(MAX_IN_FLIGHT_PER_CALLER + 2);
    expect(sent[3]!.headers['x-request-id']).toBe('r-3,r-4,r-5');
    expect(Object.values(sent[3]!.body.variables)).toEqual([code(2), code(3), code(4)].map((v) => v.representations));
    sent[3]!.answer({ data: { f0__entities: [{ lawsuits: [] }], f1__entities: [null], f2__entities: [{ lawsuits: [{ caseNo: 'C5' }] }] } });
    await expect(Promise.all(waiting)).resolves.toEqual([
      { data: { _entities: [{ lawsuits: [] }] } },
      { data: { _entities: [null] } },
      { data: { _entities: [{ lawsuits: [{ caseNo: 'C5' }] }] } },
    ]);
  });

  it(`sends what waits in a busy lane after ${MAX_LANE_WAIT_MS} ms, so that a slow department does not hold it up longer`, async () => {
    const { fetches, sent } = fakeSubgraph();
    const code = (i: number) => ({ representations: [{ __typename: 'Enterprise', creditCode: `E${i}` }] });
    for (let i = 0; i < MAX_IN_FLIGHT_PER_CALLER; i += 1) {
      void fetches.fetch(request({ variables: code(i) }));
      await turn();
    }
    const waiting = [
      fetches.fetch(request({ requestId: 'r-8', variables: code(8) })),
      fetches.fetch(request({ requestId: 'r-9', variables: code(9) })),
    ];
    await turn();
    expect(sent).toHaveLength(MAX_IN_FLIGHT_PER_CALLER);
    await new Promise((resolve) => setTimeout(resolve, MAX_LANE_WAIT_MS + 100));
    expect(sent).toHaveLength(MAX_IN_FLIGHT_PER_CALLER + 1);
    expect(sent.at(-1)!.headers['x-request-id']).toBe('r-8,r-9');
    sent.at(-1)!.answer({ data: { f0__entities: [null], f1__entities: [null] } });
    await expect(Promise.all(waiting)).resolves.toEqual([{ data: { _entities: [null] } }, { data: { _entities: [null] } }]);
  });

  it('sends a full merge at once even while the lane is busy', async () => {
    const { fetches, sent } = fakeSubgraph();
    const code = (i: number) => ({ representations: [{ __typename: 'Enterprise', creditCode: `E${i}` }] });
    for (let i = 0; i < MAX_IN_FLIGHT_PER_CALLER; i += 1) {
      void fetches.fetch(request({ variables: code(i) }));
      await turn();
    }
    for (let i = 0; i < 9; i += 1) void fetches.fetch(request({ requestId: `r-${i + 10}`, variables: code(i + 10) }));
    await turn();
    expect(sent.map((s) => Object.keys(s.body.variables).length)).toEqual([...Array<number>(MAX_IN_FLIGHT_PER_CALLER).fill(1), 8]);
  });

  it('sends a mutation alone and at once, never merged or shared', async () => {
    const { fetches, sent } = fakeSubgraph();
    void fetches.fetch(request({ query: MUTATION, variables: { input: {} } }));
    void fetches.fetch(request({ query: MUTATION, variables: { input: {} } }));
    void fetches.fetch(request());
    expect(sent).toHaveLength(2);
    await turn();
    expect(sent.map((s) => s.body.operationName ?? s.body.query.slice(0, 8))).toEqual(['mutation', 'mutation', 'query V_']);
  });

  it('fails every fetch a failed request carried, merged and waiting alike', async () => {
    const { fetches, sent } = fakeSubgraph();
    const fault = new Error('court is down');
    const all = [fetches.fetch(request()), fetches.fetch(request({ query: OTHER })), fetches.fetch(request({ requestId: 'r-2' }))];
    await turn();
    expect(sent).toHaveLength(1);
    sent[0]!.fail(fault);
    for (const fetch of all) await expect(fetch).rejects.toBe(fault);
  });

  it('sends at most 8 fetches in one merged request', async () => {
    const { fetches, sent } = fakeSubgraph();
    for (let i = 0; i < 10; i += 1)
      void fetches.fetch(request({ variables: { representations: [{ __typename: 'Enterprise', creditCode: `E${i}` }] } }));
    await turn();
    expect(sent.map((s) => Object.keys(s.body.variables).length)).toEqual([8, 2]);
  });

  it("uses the planner's parsed document when it has one", async () => {
    const { fetches, sent } = fakeSubgraph();
    void fetches.fetch(request({ query: 'not parsed again', document: parse(ENTITIES) }));
    await turn();
    expect(sent[0]!.body.query).toBe('not parsed again');
  });
});
