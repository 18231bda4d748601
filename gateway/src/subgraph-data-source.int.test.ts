import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDepartmentGuard, DEFAULT_GUARD_SETTINGS, Department } from '@labour/shared';
import { parse } from 'graphql';
import pino from 'pino';
import { createSubgraphConnections, isSubgraphFault, SubgraphDataSource } from './subgraph-data-source';

/**
 * What the gateway makes of a subgraph's HTTP answer to a client's fetch: a JSON body is the answer; a
 * non-2xx status is a GraphQL error carrying the status and the body; a 2xx body that is not JSON is an
 * error. A real HTTP server on loopback plays the subgraph.
 */

type Reply = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let reply: Reply;
let url: string;
const connections = createSubgraphConnections();
const received: Array<{ path: string | undefined; headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url, headers: req.headers, body });
      reply(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql?via=gateway`;
});

afterAll(async () => {
  await connections.close();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => (received.length = 0));

function dataSource(): SubgraphDataSource {
  const guard = createDepartmentGuard(Department.COURT, DEFAULT_GUARD_SETTINGS, pino({ level: 'silent' }), isSubgraphFault);
  return new SubgraphDataSource(url, connections, guard);
}

/** A client's fetch as the gateway's executor hands it over. */
function clientFetch(source: SubgraphDataSource) {
  const query = 'query Lawsuit($caseNo: String!) { lawsuit(caseNo: $caseNo) { caseNo } }';
  return source.process({
    kind: 'incoming operation',
    request: { query, variables: { caseNo: 'X1' }, operationName: 'Lawsuit' },
    document: parse(query),
    incomingRequestContext: {},
    context: { requestId: 'req-1', authorization: 'Bearer t', purpose: 'joint meeting', missingDepartments: new Set() },
  } as never);
}

describe('SubgraphDataSource over HTTP', () => {
  it('sends the fetch with the caller headers to the subgraph path and returns its JSON answer', async () => {
    reply = (_req, res) => {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ data: { lawsuit: { caseNo: 'X1' } } }));
    };
    const answer = await clientFetch(dataSource());
    expect(answer).toEqual({ data: { lawsuit: { caseNo: 'X1' } } });
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe('/graphql?via=gateway');
    expect(JSON.parse(received[0]!.body)).toMatchObject({ variables: { caseNo: 'X1' }, operationName: 'Lawsuit' });
    expect(received[0]!.headers).toMatchObject({ authorization: 'Bearer t', 'x-purpose': 'joint meeting', 'x-request-id': 'req-1' });
  });

  it('turns a 4xx into an error with the status and the body, and does not count it as the department failing', async () => {
    reply = (_req, res) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errors: [{ message: 'too deep', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }));
    };
    const error = await clientFetch(dataSource()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      message: '400: Bad Request',
      extensions: {
        response: {
          status: 400,
          statusText: 'Bad Request',
          url,
          body: { errors: [{ message: 'too deep', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
        },
      },
    });
    expect(isSubgraphFault(error as Error)).toBe(false);
  });

  it('answers for a department that replies 503 with text: DEPARTMENT_UNAVAILABLE at the fetch path', async () => {
    reply = (_req, res) => {
      res.statusCode = 503;
      res.setHeader('content-type', 'text/plain');
      res.end('down for maintenance');
    };
    const answer = await clientFetch(dataSource());
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]).toMatchObject({ path: ['lawsuit'], extensions: { code: 'DEPARTMENT_UNAVAILABLE' } });
  });

  it('refuses a 200 whose body is not JSON', async () => {
    reply = (_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end('<html>proxy error</html>');
    };
    const answer = await clientFetch(dataSource());
    expect(answer.errors![0]).toMatchObject({ path: ['lawsuit'], extensions: { code: 'DEPARTMENT_UNAVAILABLE' } });
  });
});
