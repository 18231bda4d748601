import { Department, Role } from '@labour/shared';
import { useStack } from '../support/stack';
import { asPrincipal } from '../support/tokens';

/** What the gateway refuses before any subgraph is asked: oversized, batched, cross-site and abusive requests. */
describe('gateway protection', () => {
  const stack = useStack({ demo: false });

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await asPrincipal(Department.UNION, Role.COORDINATOR)), ...headers },
      body,
    });
    return { status: response.status, text: await response.text() };
  };

  it('answers introspection only to an authenticated caller', async () => {
    const query = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
    const anonymous = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(await anonymous.text())).not.toHaveProperty('data');
    const known = await post(query);
    expect(JSON.parse(known.text)).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('refuses batched HTTP requests', async () => {
    const batch = await post(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(batch.status).toBe(400);
    expect(batch.text).not.toContain('"data"');
  });

  describe('a request body limit of 256 KiB', () => {
    // Written out here, not imported: the test pins the value, so changing the limit must change the test.
    const LIMIT = 256 * 1024;
    /** An operation whose JSON body is exactly `bytes` long (an unused variable pads it). */
    const bodyOf = (bytes: number) => {
      const base = JSON.stringify({ query: '{ __typename }', variables: { padding: '' } });
      const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(bytes - base.length) } });
      expect(Buffer.byteLength(body)).toBe(bytes);
      return body;
    };

    it('answers a body of exactly the limit', async () => {
      const atLimit = await post(bodyOf(LIMIT));
      expect(atLimit.status).toBe(200);
      expect(JSON.parse(atLimit.text)).toEqual({ data: { __typename: 'Query' } });
    });

    it('refuses a body one byte over it with 413, before any GraphQL', async () => {
      const over = await post(bodyOf(LIMIT + 1));
      expect(over.status).toBe(413);
      expect(over.text).not.toContain('"data"');
    });
  });

  it('refuses a simple cross-site request (CSRF prevention)', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: await asPrincipal(Department.UNION, Role.COORDINATOR),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it('holds an analyst to tighter operation limits than a coordinator', async () => {
    const aliases = Array.from({ length: 12 }, (_, i) => `a${i}: dispute(disputeNo: "LD-UN-2026-00000${i % 10}") { disputeNo }`).join(' ');
    const query = JSON.stringify({ query: `{ ${aliases} }` });
    expect((await post(query)).status).toBe(200);
    const analyst = await post(query, await asPrincipal(Department.UNION, Role.ANALYST));
    expect(analyst.status).toBe(400);
    expect(JSON.parse(analyst.text).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('names a subgraph that is down by its department, with no address or stack', async () => {
    const court = stack.subgraphs.get('court')!;
    await court.stop();
    const { text } = await post(JSON.stringify({ query: '{ lawsuit(caseNo: "（2026）京0115民初18号") { caseNo } }' }));
    expect(JSON.parse(text)).toEqual({
      data: { lawsuit: null },
      errors: [
        {
          message: 'COURT is unavailable (not reachable): its part of the answer is missing',
          path: ['lawsuit'],
          extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'COURT' },
        },
      ],
      extensions: { missingDepartments: ['COURT'] },
    });
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack|at /);
  });
});
