// First: tracing starts before the services' modules load (see test/support/tracing.ts).
import { instrumentLoaded, memory, tracing } from '../support/tracing';
import { request as httpRequest } from 'node:http';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { startStack, type RunningStack } from '../support/stack';
import type { LogLines } from '../support/subgraph-harness';
import { asPrincipal } from '../support/tokens';
import { waitFor } from '../support/wait-for';

/**
 * One client request through the gateway to the departments, traced as `npm start` traces it (the same
 * instrumentations, sampler and W3C propagator; spans kept in memory here instead of sent over OTLP).
 * The whole stack runs in this process, so one tracer provider serves every service: a span is told to be
 * the gateway's or a subgraph's by the port its server span answered on.
 */

/** Fields of two departments: the labour bureau's (wage-arrears warnings) and the union's (mediation cases). */
const TWO_DEPARTMENTS = /* GraphQL */ `
  query TracedFile($creditCode: String!) {
    enterprise(creditCode: $creditCode) { name wageArrearsAlerts { project } mediationCases { caseNo } }
  }
`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { data?: any; errors?: unknown[] };
}

/** A client's POST over node:http (not traced here: the test plays a client with its own tracing, or none). */
function post(url: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const portOf = (url: string) => Number(new URL(url).port);
const serverPort = (span: ReadableSpan) => Number(span.attributes['server.port'] ?? span.attributes['net.host.port']);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('traces across the gateway and the departments', () => {
  const logs: LogLines = [];
  let stack: RunningStack;

  beforeAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module as loaded, to instrument it in place
    instrumentLoaded('@opentelemetry/instrumentation-pg', 'pg', require('pg'));
    stack = await startStack({ logs, principal: { department: Department.UNION, roles: [Role.COORDINATOR] } });
  });

  afterAll(async () => {
    await stack?.stop();
    await tracing.shutdown();
  });

  beforeEach(() => memory.reset());

  /** The spans of one trace once its server spans have ended: the gateway's and those of `departments` subgraphs. */
  async function spansOf(traceId: string, departments: number): Promise<ReadableSpan[]> {
    const gatewayPort = portOf(stack.gatewayUrl);
    return waitFor(
      () => memory.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId),
      (spans) => {
        const servers = spans.filter((span) => span.kind === SpanKind.SERVER);
        return (
          servers.some((span) => serverPort(span) === gatewayPort) &&
          new Set(servers.map(serverPort).filter((port) => port !== gatewayPort)).size >= departments
        );
      },
      { what: `the server spans of trace ${traceId}` },
    );
  }

  it("continues a client's traceparent through the gateway to two subgraphs and their SQL, and names it in the response and the logs", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const clientSpanId = '00f067aa0ba902b7';
    const answer = await post(
      stack.gatewayUrl,
      { query: TWO_DEPARTMENTS, variables: { creditCode: STORY_ENTERPRISES.constructionArrears } },
      {
        ...asPrincipal(Department.UNION, Role.COORDINATOR),
        traceparent: `00-${traceId}-${clientSpanId}-01`,
        'x-request-id': 'traced-request-0001',
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.enterprise.wageArrearsAlerts.length).toBeGreaterThan(0);

    const spans = await spansOf(traceId, 2);
    const gatewayPort = portOf(stack.gatewayUrl);
    const hrPort = portOf(stack.subgraphs.get('hr-bureau')!.url);
    const unionPort = portOf(stack.subgraphs.get('union')!.url);
    const servers = spans.filter((span) => span.kind === SpanKind.SERVER);
    const gatewayServer = servers.find((span) => serverPort(span) === gatewayPort)!;
    // The gateway's server span is the client's span's child: the client's trace, continued.
    expect(parentOf(gatewayServer)).toBe(clientSpanId);
    expect(answer.headers['traceresponse']).toBe(`00-${traceId}-${gatewayServer.spanContext().spanId}-01`);
    // Both departments answered within the trace, each server span the child of a gateway's undici client span.
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    for (const port of [hrPort, unionPort]) {
      const subgraphServer = servers.find((span) => serverPort(span) === port);
      expect(subgraphServer).toBeDefined();
      const client = byId.get(parentOf(subgraphServer!)!);
      expect(client?.kind).toBe(SpanKind.CLIENT);
      expect(client?.instrumentationScope.name).toBe('@opentelemetry/instrumentation-undici');
      expect(Number(client?.attributes['server.port'])).toBe(port);
      // Sent from the gateway's fetch for it (Apollo Gateway's span), within the client's request.
      const fetch = byId.get(parentOf(client!)!);
      expect(fetch?.name).toBe('gateway.fetch');
    }
    expect(spans.filter((span) => span.name === 'gateway.request').map(parentOf)).toEqual([gatewayServer.spanContext().spanId]);
    // SQL in both departments' databases, each query below its department's server span.
    const sql = spans.filter(
      (span) => span.instrumentationScope.name === '@opentelemetry/instrumentation-pg' && span.kind === SpanKind.CLIENT,
    );
    const serverOf = (span: ReadableSpan): ReadableSpan | undefined => {
      for (let at: ReadableSpan | undefined = span; at; at = byId.get(parentOf(at) ?? '')) if (at.kind === SpanKind.SERVER) return at;
      return undefined;
    };
    const sqlPorts = new Set(sql.map((span) => serverPort(serverOf(span)!)));
    expect([...sqlPorts]).toEqual(expect.arrayContaining([hrPort, unionPort]));
    expect(sqlPorts.has(gatewayPort)).toBe(false);
    expect(new Set(sql.map((span) => span.attributes['db.namespace'] ?? span.attributes['db.name'])).size).toBeGreaterThanOrEqual(2);
    // Every one of those spans is in the one trace; no span of the request started a trace of its own.
    expect(memory.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER && span.spanContext().traceId !== traceId)).toEqual([]);

    // Every service's request line carries the trace id (and the request id beside it).
    const requestLines = await waitFor(
      () => logs.filter((line) => line['msg'] === 'graphql request' && String(line['requestId']).includes('traced-request-0001')),
      (lines) => new Set(lines.map((line) => line['service'])).size >= 3,
      { what: 'the request lines of the gateway and two subgraphs' },
    );
    expect([...new Set(requestLines.map((line) => line['service']))]).toEqual(expect.arrayContaining(['gateway', 'hr-bureau', 'union']));
    for (const line of requestLines) expect(line['traceId']).toBe(traceId);
  });

  it('starts one trace when the client sends none, and carries it to the subgraphs', async () => {
    const answer = await post(
      stack.gatewayUrl,
      { query: TWO_DEPARTMENTS, variables: { creditCode: STORY_ENTERPRISES.constructionArrears } },
      asPrincipal(Department.UNION, Role.COORDINATOR),
    );
    expect(answer.status).toBe(200);
    const [, traceId, spanId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(String(answer.headers['traceresponse']))!;
    const spans = await spansOf(traceId!, 2);
    const gatewayServer = spans.find((span) => span.kind === SpanKind.SERVER && serverPort(span) === portOf(stack.gatewayUrl))!;
    expect(gatewayServer.spanContext().spanId).toBe(spanId);
    expect(parentOf(gatewayServer)).toBeUndefined();
    expect(
      new Set(
        memory
          .getFinishedSpans()
          .filter((span) => span.kind === SpanKind.SERVER)
          .map((span) => span.spanContext().traceId),
      ),
    ).toEqual(new Set([traceId]));
  });

  it('traces no probe', async () => {
    const health = await fetch(new URL('/health', stack.gatewayUrl));
    expect(health.status).toBe(200);
    expect(health.headers.get('traceresponse')).toBeNull();
  });
});
