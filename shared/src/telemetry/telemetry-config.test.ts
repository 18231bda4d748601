import { loadTelemetryConfig } from './telemetry-config';
import { samplerOf } from './tracing';
import { serviceNameOf } from './service-name';

describe('loadTelemetryConfig', () => {
  it('exports nothing unless an OTLP endpoint is set; samples every trace a caller does not decide for', () => {
    expect(loadTelemetryConfig({})).toEqual({
      enabled: true,
      serviceName: undefined,
      tracesEndpoint: undefined,
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
    });
    expect(loadTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: '' }).tracesEndpoint).toBeUndefined();
  });

  it('sends to <endpoint>/v1/traces, or to the traces endpoint as given', () => {
    expect(loadTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracesEndpoint).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      loadTelemetryConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp',
      }).tracesEndpoint,
    ).toBe('https://traces.example/otlp');
  });

  it('reads the service name, the sampler and its ratio, and OTEL_SDK_DISABLED', () => {
    expect(
      loadTelemetryConfig({
        OTEL_SERVICE_NAME: 'gateway-east',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
        OTEL_SDK_DISABLED: 'true',
      }),
    ).toEqual({
      enabled: false,
      serviceName: 'gateway-east',
      tracesEndpoint: undefined,
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.25,
    });
  });

  it('refuses a bad variable, naming it and its rule', () => {
    const refused = (env: NodeJS.ProcessEnv) => () => loadTelemetryConfig(env);
    expect(refused({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT: OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/,
    );
    expect(refused({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://collector:4317' })).toThrow(
      /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http\(s\) URL \(OTLP over HTTP\)/,
    );
    expect(refused({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL must be http\/protobuf/);
    expect(refused({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(
      /OTEL_TRACES_SAMPLER must be one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio/,
    );
    expect(refused({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow(
      /OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1/,
    );
    expect(refused({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: 'half' })).toThrow(
      /OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1/,
    );
    expect(refused({ OTEL_TRACES_SAMPLER_ARG: '0.5' })).toThrow(
      /OTEL_TRACES_SAMPLER_ARG is the ratio of traceidratio or parentbased_traceidratio, not of parentbased_always_on/,
    );
    expect(refused({ OTEL_SDK_DISABLED: 'yes' })).toThrow(/OTEL_SDK_DISABLED must be true or false/);
    expect(refused({ OTEL_SERVICE_NAME: 'has spaces' })).toThrow(/OTEL_SERVICE_NAME must be 1-64 letters/);
  });
});

describe('samplerOf', () => {
  it('builds the sampler each OTEL_TRACES_SAMPLER names', () => {
    expect(samplerOf('always_on', 1).toString()).toBe('AlwaysOnSampler');
    expect(samplerOf('always_off', 1).toString()).toBe('AlwaysOffSampler');
    expect(samplerOf('traceidratio', 0.1).toString()).toBe('TraceIdRatioBased{0.1}');
    expect(samplerOf('parentbased_traceidratio', 0.5).toString()).toMatch(/^ParentBased\{root=TraceIdRatioBased\{0\.5\}/);
    expect(samplerOf('parentbased_always_off', 1).toString()).toMatch(/^ParentBased\{root=AlwaysOffSampler/);
  });
});

describe('serviceNameOf', () => {
  it('names a service after its entry point, compiled or not', () => {
    expect(serviceNameOf('/srv/app/dist/subgraphs/hr-bureau/src/main.js')).toBe('hr-bureau');
    expect(serviceNameOf('subgraphs/court/src/main.ts')).toBe('court');
    expect(serviceNameOf('/srv/app/dist/gateway/src/main.js')).toBe('gateway');
    expect(serviceNameOf('/usr/bin/something.js')).toBe('labour-federation');
    expect(serviceNameOf(undefined)).toBe('labour-federation');
  });
});
