/**
 * Preloaded into every service (`node --require ./dist/shared/src/telemetry/preload.js …`, see
 * scripts/lib/services.ts) so that the instrumentation is hooked in before `http`, `undici` and `pg`
 * are loaded. Reads the OTEL_* variables (telemetry-config.ts; a bad one stops the service here, naming
 * it); with OTEL_SDK_DISABLED=true it does nothing. The service name is OTEL_SERVICE_NAME, or the
 * service's own (`gateway`, `court`, …) from its entry point.
 */
import { setActiveTracing } from './active-tracing';
import { serviceNameOf } from './service-name';
import { loadTelemetryConfig } from './telemetry-config';
import type * as TracingModule from './tracing';

try {
  const config = loadTelemetryConfig(process.env);
  if (config.enabled) {
    // Loaded only when tracing is on: OTEL_SDK_DISABLED=true costs a service nothing but this file.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startTracing } = require('./tracing') as typeof TracingModule;
    setActiveTracing(startTracing({ config, serviceName: serviceNameOf(process.argv[1]) }));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
