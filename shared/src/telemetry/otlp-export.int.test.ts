import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { loadTelemetryConfig } from './telemetry-config';
import { startTracing } from './tracing';

/** A loopback stand-in for an OpenTelemetry collector: it keeps what is posted to it. */
async function collectorStub(): Promise<{
  url: string;
  received: Array<{ path: string; headers: IncomingHttpHeaders; body: Buffer }>;
  close(): Promise<void>;
}> {
  const received: Array<{ path: string; headers: IncomingHttpHeaders; body: Buffer }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

describe('OTLP export', () => {
  it('has no exporter without OTEL_EXPORTER_OTLP_ENDPOINT: spans are made for the logs and for propagation, and sent nowhere', async () => {
    const tracing = startTracing({ config: loadTelemetryConfig({}), serviceName: 'court' });
    try {
      expect(tracing.exporter).toBeUndefined();
      // The provider's span processors: none, so an ended span has nowhere to go.
      expect(
        (tracing.provider as unknown as { _activeSpanProcessor: { _spanProcessors: unknown[] } })._activeSpanProcessor._spanProcessors,
      ).toEqual([]);
      const span = trace.getTracer('test').startSpan('work');
      expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.isRecording()).toBe(true);
      span.end();
      // No SQL spans either: nothing would read them.
      expect(tracing.instrumentations.map((i) => i.instrumentationName)).toEqual([
        '@opentelemetry/instrumentation-http',
        '@opentelemetry/instrumentation-undici',
      ]);
    } finally {
      await tracing.shutdown();
    }
  });

  it('sends ended spans as OTLP/HTTP protobuf to <endpoint>/v1/traces, under the service name, and flushes on shutdown', async () => {
    const collector = await collectorStub();
    const tracing = startTracing({ config: loadTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url }), serviceName: 'court' });
    try {
      expect(tracing.exporter).toBeDefined();
      expect(tracing.instrumentations.map((i) => i.instrumentationName)).toEqual([
        '@opentelemetry/instrumentation-http',
        '@opentelemetry/instrumentation-undici',
        '@opentelemetry/instrumentation-pg',
      ]);
      const span = trace.getTracer('test').startSpan('work');
      const traceId = span.spanContext().traceId;
      span.end();
      expect(collector.received).toEqual([]);
      await tracing.shutdown();
      expect(collector.received).toHaveLength(1);
      const [request] = collector.received;
      expect(request!.path).toBe('/v1/traces');
      expect(request!.headers['content-type']).toBe('application/x-protobuf');
      // Protobuf: the trace id as its 16 raw bytes, the service name and span name as UTF-8.
      expect(request!.body.includes(Buffer.from(traceId, 'hex'))).toBe(true);
      // The resource's KeyValue: key `service.name`, value AnyValue{string_value: "court"}.
      expect(
        request!.body.includes(Buffer.concat([Buffer.from('service.name'), Buffer.from([0x12, 7, 0x0a, 5]), Buffer.from('court')])),
      ).toBe(true);
      expect(request!.body.includes(Buffer.from('work'))).toBe(true);
    } finally {
      await collector.close();
    }
  });

  it('sends no span of a request the sampler drops, whose trace id still travels', async () => {
    const collector = await collectorStub();
    const tracing = startTracing({
      config: loadTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_TRACES_SAMPLER: 'always_off' }),
      serviceName: 'court',
    });
    try {
      const span = trace.getTracer('test').startSpan('work');
      expect(span.isRecording()).toBe(false);
      expect(span.spanContext()).toMatchObject({ traceId: expect.stringMatching(/^[0-9a-f]{32}$/), traceFlags: 0 });
      span.end();
      await tracing.shutdown();
      expect(collector.received).toEqual([]);
    } finally {
      await collector.close();
    }
  });
});
