import type { IncomingMessage } from 'node:http';
import { context, propagation, trace, type Sampler } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations, type Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { SamplerName, TelemetryConfig } from './telemetry-config';

/** Paths that are probes, not work: no span for them (a probe every few seconds would bury the requests). */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

export interface TracingOptions {
  readonly config: TelemetryConfig;
  /** The service's own name when OTEL_SERVICE_NAME does not give one. */
  readonly serviceName: string;
  /**
   * Where spans go instead of OTLP (tests: an InMemorySpanExporter); each ended span is handed over at once.
   * Without it, spans go over OTLP only when the config names an endpoint, and nowhere otherwise.
   */
  readonly exporter?: SpanExporter;
}

export interface Tracing {
  readonly provider: TracerProvider;
  /** The OTLP exporter, or the one given; undefined when spans go nowhere. */
  readonly exporter: SpanExporter | undefined;
  readonly instrumentations: readonly Instrumentation[];
  /** Sends what is still queued (up to `timeoutMs`), then stops exporting and unhooks the instrumentation. */
  shutdown(timeoutMs?: number): Promise<void>;
}

/** The OTLP/HTTP protobuf exporter, loaded only when there is somewhere to send to (its protobuf code costs a start 70 ms). */
function otlpExporter(url: string): SpanExporter {
  const { OTLPTraceExporter } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@opentelemetry/exporter-trace-otlp-proto') as typeof import('@opentelemetry/exporter-trace-otlp-proto');
  return new OTLPTraceExporter({ url });
}

export function samplerOf(name: SamplerName, ratio: number): Sampler {
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}

/**
 * The instrumentations every service runs: incoming HTTP (server spans), undici (calls to other
 * services, which carry the `traceparent`), and pg (SQL) when the spans go somewhere (`sql`): without an
 * exporter the spans only give the logs and the other services their trace ids, which the server and
 * client spans do, and a span per statement would cost a request its share of CPU for nothing.
 */
export function createInstrumentations(options: { sql: boolean } = { sql: true }): Instrumentation[] {
  const instrumentations: Instrumentation[] = [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has((request.url ?? '/').split('?')[0]!),
      // The services call each other through undici (below); `http` clients here are the exporter's own.
      disableOutgoingRequestInstrumentation: true,
    }),
    new UndiciInstrumentation({
      ignoreRequestHook: (request) => UNTRACED_PATHS.has(request.path.split('?')[0]!),
    }),
  ];
  // SQL text (parameterised: no values) under the request that ran it; queries outside a request (polls) make
  // none, and neither do the pool's connections (made once, kept).
  if (options.sql)
    instrumentations.push(new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false, ignoreConnectSpans: true }));
  return instrumentations;
}

/**
 * Starts tracing in this process: the W3C `traceparent` read from incoming requests and written on
 * outgoing ones, spans kept in the request's async context (so log lines carry its trace id), the
 * instrumentations hooked in. Call it before `http`, `undici` and `pg` are loaded (preload.ts does, as
 * a preload). Spans are exported over OTLP/HTTP (protobuf) only when an endpoint is configured.
 */
export function startTracing(options: TracingOptions): Tracing {
  const { config } = options;
  const exporter = options.exporter ?? (config.tracesEndpoint ? otlpExporter(config.tracesEndpoint) : undefined);
  const processors: SpanProcessor[] = [];
  if (options.exporter) processors.push(new SimpleSpanProcessor({ exporter: options.exporter }));
  else if (exporter) processors.push(new BatchSpanProcessor({ exporter }));
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName ?? options.serviceName }),
    sampler: samplerOf(config.sampler, config.samplerRatio),
    spanProcessors: processors,
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const instrumentations = createInstrumentations({ sql: exporter !== undefined });
  const unregister = registerInstrumentations({ instrumentations, tracerProvider: provider });
  return {
    provider,
    exporter,
    instrumentations,
    async shutdown(timeoutMs = 5_000) {
      try {
        await provider.forceFlush({ timeoutMillis: timeoutMs });
      } finally {
        unregister();
        await provider.shutdown();
        trace.disable();
        propagation.disable();
        context.disable();
      }
    },
  };
}
