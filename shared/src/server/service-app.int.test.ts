import { testLogger, type LogLines } from '@labour/testing/subgraph-harness';
import { Department, Role, type Principal } from '../context';
import { listen, type Listening } from './http-server';
import { createServiceApp } from './service-app';

/**
 * A fault of ours outside GraphQL (a token verifier or a handler that throws) is answered as a masked
 * GraphQL error in JSON and logged in full: Express's own page would show the message and the stack.
 */
describe('the service app answers its own faults in JSON', () => {
  const principal: Principal = { subject: 'test', name: '测试', department: Department.COURT, roles: [Role.CASEWORKER] };
  const logs: LogLines = [];
  let server: Listening;
  beforeAll(async () => {
    const app = createServiceApp({
      logger: testLogger('service-app', logs),
      ready: async () => true,
      graphql: {
        verifyToken: async (token) => {
          if (token === 'broken') throw new Error('key store at /work/secret/keys unreadable');
          return principal;
        },
        bodyLimit: '1kb',
        handler: () => {
          throw new Error('boom in /work/wt-input/shared/src/handler.ts');
        },
      },
    });
    server = await listen(app, 0, '127.0.0.1');
  });
  afterAll(() => server?.close());

  const post = async (token: string) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: JSON.parse(await response.text()) as unknown,
    };
  };
  const masked = {
    status: 500,
    contentType: 'application/json; charset=utf-8',
    body: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
  };

  it('masks a handler that throws, and logs what it threw', async () => {
    expect(await post('good')).toEqual(masked);
    expect(
      logs.filter((line) => line['msg'] === 'internal error outside GraphQL').map((line) => (line['err'] as { message: string }).message),
    ).toContain('boom in /work/wt-input/shared/src/handler.ts');
  });

  it('masks a token verifier that fails for a reason other than the token', async () => {
    expect(await post('broken')).toEqual(masked);
  });
});
