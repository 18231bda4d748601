import { Department, Role } from '@labour/shared';
import { useSharedStack, type SharedStack } from '../support/shared-stack';
import { asPrincipal } from '../support/tokens';

/**
 * Requests that are not GraphQL a service can run get a GraphQL-shaped JSON error with the right status,
 * from the gateway and from a subgraph called directly (both are built by the shared service app): never
 * Express's HTML error page, a stack trace or a file path.
 */
describe('bad input gets JSON', () => {
  let stack: SharedStack;
  beforeAll(async () => {
    stack = await useSharedStack();
  }, 180_000);
  afterAll(() => stack?.release());

  const JSON_TYPE = 'application/json; charset=utf-8';
  const QUERY = JSON.stringify({ query: '{ __typename }' });
  const caller = () => asPrincipal(Department.HR_BUREAU, Role.CASEWORKER);

  interface Answer {
    status: number;
    contentType: string | null;
    text: string;
    body: unknown;
  }

  async function send(url: string, body: string | Uint8Array, headers: Record<string, string>): Promise<Answer> {
    const response = await fetch(url, { method: 'POST', headers: { ...caller(), ...headers }, body });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // left null: the assertions on `body` then fail and show `text`
    }
    return { status: response.status, contentType: response.headers.get('content-type'), text, body: parsed };
  }

  /** The error answer: exact status, JSON content type, exact body, and nothing of our insides. */
  function expectError(answer: Answer, status: number, code: string, message: string, extensions: Record<string, unknown> = {}) {
    expect({ status: answer.status, contentType: answer.contentType, body: answer.body }).toEqual({
      status,
      contentType: JSON_TYPE,
      body: { errors: [{ message, extensions: { code, ...extensions } }] },
    });
    expect(answer.text).not.toMatch(/^\s*at /m);
    expect(answer.text).not.toMatch(/\bat \S+ \(|\/work\/|node_modules|<html/i);
  }

  /** A JSON body of exactly `bytes` bytes (an unused variable pads it). */
  function bodyOf(bytes: number): string {
    const base = JSON.stringify({ query: '{ __typename }', variables: { padding: '' } });
    return JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(bytes - base.length) } });
  }

  describe.each([
    { service: 'the gateway', url: () => stack.gatewayUrl, limit: 256 * 1024, limitText: '256 KiB' },
    { service: 'the hr-bureau subgraph', url: () => stack.subgraphs.get('hr-bureau')!.url, limit: 1024 * 1024, limitText: '1 MiB' },
  ])('$service', ({ url, limit, limitText }) => {
    it('answers a well-formed request (the control)', async () => {
      const answer = await send(url(), QUERY, { 'content-type': 'application/json' });
      expect({ status: answer.status, contentType: answer.contentType, body: answer.body }).toEqual({
        status: 200,
        contentType: JSON_TYPE,
        body: { data: { __typename: 'Query' } },
      });
    });

    it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
      expectError(
        await send(url(), '{"query": bad json', { 'content-type': 'application/json' }),
        400,
        'BAD_REQUEST',
        'The request body is not a valid JSON object',
      );
    });

    it('refuses JSON that is not an object or array with 400 BAD_REQUEST', async () => {
      expectError(
        await send(url(), '"{ __typename }"', { 'content-type': 'application/json' }),
        400,
        'BAD_REQUEST',
        'The request body is not a valid JSON object',
      );
    });

    it('refuses a body one byte over the limit with 413 PAYLOAD_TOO_LARGE, naming the limit', async () => {
      const over = bodyOf(limit + 1);
      expect(Buffer.byteLength(over)).toBe(limit + 1);
      expectError(
        await send(url(), over, { 'content-type': 'application/json' }),
        413,
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than this service's limit of ${limitText}`,
        {
          limitBytes: limit,
        },
      );
    });

    it.each([
      ['text/plain', { 'content-type': 'text/plain' }],
      ['text/plain with a CSRF preflight header', { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' }],
      ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
      ['XML', { 'content-type': 'application/xml' }],
    ])('refuses %s with 415 UNSUPPORTED_MEDIA_TYPE', async (_name, headers) => {
      expectError(
        await send(url(), QUERY, headers),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'A GraphQL request is a JSON body: send it with Content-Type: application/json',
      );
    });

    it('refuses a body without a content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      // fetch sets no content type for raw bytes
      expectError(
        await send(url(), Buffer.from(QUERY), {}),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'A GraphQL request is a JSON body: send it with Content-Type: application/json',
      );
    });

    it('refuses JSON in a charset other than UTF-8 with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      expectError(
        await send(url(), QUERY, { 'content-type': 'application/json; charset=latin-9' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'The request body must be JSON in UTF-8',
      );
    });

    it('refuses an unknown operationName with 400', async () => {
      const body = JSON.stringify({ query: 'query A { __typename } query B { __typename }', operationName: 'C' });
      expectError(
        await send(url(), body, { 'content-type': 'application/json' }),
        400,
        'OPERATION_RESOLUTION_FAILURE',
        'Unknown operation named "C".',
      );
    });

    it('refuses a document of several operations without an operationName with 400', async () => {
      const body = JSON.stringify({ query: 'query A { __typename } query B { __typename }' });
      expectError(
        await send(url(), body, { 'content-type': 'application/json' }),
        400,
        'OPERATION_RESOLUTION_FAILURE',
        'Must provide operation name if query contains multiple operations.',
      );
    });

    it('runs the operation operationName names in a document of several', async () => {
      const body = JSON.stringify({ query: 'query A { a: __typename } query B { b: __typename }', operationName: 'B' });
      const answer = await send(url(), body, { 'content-type': 'application/json' });
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { data: { b: 'Query' } } });
    });

    it('answers an unknown path with 404 in JSON', async () => {
      const response = await fetch(url().replace(/\/graphql$/, '/graphq'), { headers: caller() });
      const answer = { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
      expectError(
        { ...answer, body: JSON.parse(answer.text) },
        404,
        'NOT_FOUND',
        'Nothing is served here: GraphQL is at /graphql, health at /health and /ready',
      );
    });

    it('reads nothing from a caller without a token: 401, not a complaint about the body', async () => {
      const response = await fetch(url(), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query": bad json' });
      expect(response.status).toBe(401);
      expect(JSON.parse(await response.text())).toEqual({
        errors: [
          { message: 'Authentication required: send an "Authorization: Bearer <token>" header', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      });
    });
  });
});
