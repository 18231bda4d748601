import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { loadTelemetryConfig, startTracing, type Tracing } from '@labour/shared/telemetry';

/**
 * Tracing for a test file that runs services in-process, as preload.ts starts it in a service: import
 * this module before anything else, so that the libraries that take their tracer when loaded (Apollo
 * Gateway) take the registered one. No OTEL_* variable: the defaults (parentbased_always_on, no OTLP),
 * with every ended span kept in `memory`.
 */
export const memory = new InMemorySpanExporter();
export const tracing: Tracing = startTracing({ config: loadTelemetryConfig({}), serviceName: 'e2e', exporter: memory });

/**
 * Jest loads packages through its own module registry, which the instrumentations' require hook does not
 * see: hands an instrumentation the module the services here use, as the hook hands it over in a service.
 */
export function instrumentLoaded(instrumentationName: string, moduleName: string, exports: unknown): void {
  const instrumentation = tracing.instrumentations.find((i) => i.instrumentationName === instrumentationName) as unknown as {
    getModuleDefinitions(): Array<{ name: string; patch?: (exports: unknown) => unknown }>;
  };
  const definition = instrumentation.getModuleDefinitions().find((d) => d.name === moduleName);
  if (!definition?.patch) throw new Error(`${instrumentationName} has no definition for ${moduleName}`);
  definition.patch(exports);
}

// Node's own `http`, whatever loaded it first: its server spans (and the incoming `traceparent`).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the module as loaded, to instrument it in place
instrumentLoaded('@opentelemetry/instrumentation-http', 'http', require('node:http'));
