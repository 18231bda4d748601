import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import pino from 'pino';
import { Department } from '../auth';
import { createDepartmentGuard, DEFAULT_GUARD_SETTINGS, postToDepartment } from '../resilience';
import { loadTelemetryConfig } from './telemetry-config';
import { startTracing } from './tracing';

describe('calls between departments', () => {
  it("carry the calling request's trace in traceparent (postToDepartment, through undici)", async () => {
    const received: IncomingHttpHeaders[] = [];
    const peer = createServer((req, res) => {
      received.push(req.headers);
      req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    });
    await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve));
    const memory = new InMemorySpanExporter();
    const tracing = startTracing({ config: loadTelemetryConfig({}), serviceName: 'union', exporter: memory });
    try {
      const guard = createDepartmentGuard(Department.COURT, DEFAULT_GUARD_SETTINGS, pino({ level: 'silent' }));
      const request = trace.getTracer('test').startSpan('a request at the union');
      const answer = await context.with(trace.setSpan(context.active(), request), () =>
        postToDepartment<{ ok: boolean }>(guard, `http://127.0.0.1:${(peer.address() as AddressInfo).port}/channels`, {
          authorization: 'Bearer x',
          body: {},
        }),
      );
      request.end();
      expect(answer).toEqual({ status: 200, body: { ok: true } });
      const { traceId, spanId } = request.spanContext();
      // The call's own client span, a child of the request's span, is the parent the other department sees.
      const call = memory.getFinishedSpans().find((span) => span.instrumentationScope.name === '@opentelemetry/instrumentation-undici')!;
      expect(call.parentSpanContext?.spanId).toBe(spanId);
      expect(received).toHaveLength(1);
      expect(received[0]!['traceparent']).toBe(`00-${traceId}-${call.spanContext().spanId}-01`);
    } finally {
      await tracing.shutdown();
      await new Promise<void>((resolve) => peer.close(() => resolve()));
    }
  });
});
