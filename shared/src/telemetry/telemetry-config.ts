import { z } from 'zod';
import { loadConfig } from '../config/load-config';

/** The samplers OTEL_TRACES_SAMPLER names, as the OpenTelemetry specification spells them. */
export const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
export type SamplerName = (typeof SAMPLERS)[number];

const httpUrl = (name: string) =>
  z
    .string()
    .url(`${name} must be an http(s) URL, e.g. http://otel-collector:4318`)
    .refine((value) => /^https?:\/\//.test(value), `${name} must be an http(s) URL (OTLP over HTTP), e.g. http://otel-collector:4318`)
    .optional();

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/**
 * The standard OpenTelemetry variables this project reads (the SDK's own names, so a platform's usual
 * settings apply), checked at start like every other variable.
 */
export const telemetrySchema = z
  .object({
    /** `true`: no tracing at all (no spans, no trace context passed on, no trace ids in the logs). */
    OTEL_SDK_DISABLED: z.preprocess(
      emptyAsUndefined,
      z.enum(['true', 'false'], { message: 'OTEL_SDK_DISABLED must be true or false' }).default('false'),
    ),
    OTEL_SERVICE_NAME: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,64}$/, 'OTEL_SERVICE_NAME must be 1-64 letters, digits, dots, dashes or underscores')
        .optional(),
    ),
    /** Where spans go (the collector's OTLP/HTTP base URL; `/v1/traces` is appended). Unset: nothing is exported. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(emptyAsUndefined, httpUrl('OTEL_EXPORTER_OTLP_ENDPOINT')),
    /** The traces URL itself, used as it is (overrides the above for traces). */
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.preprocess(emptyAsUndefined, httpUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT')),
    OTEL_EXPORTER_OTLP_PROTOCOL: z.preprocess(
      emptyAsUndefined,
      z
        .literal('http/protobuf', {
          errorMap: () => ({ message: 'OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf (the only OTLP transport this build ships)' }),
        })
        .optional(),
    ),
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: z.preprocess(
      emptyAsUndefined,
      z
        .literal('http/protobuf', {
          errorMap: () => ({
            message: 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL must be http/protobuf (the only OTLP transport this build ships)',
          }),
        })
        .optional(),
    ),
    OTEL_TRACES_SAMPLER: z.preprocess(
      emptyAsUndefined,
      z
        .enum(SAMPLERS, { errorMap: () => ({ message: `OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')}` }) })
        .default('parentbased_always_on'),
    ),
    /** The ratio of the `*traceidratio` samplers, 0 to 1. */
    OTEL_TRACES_SAMPLER_ARG: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ message: 'OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1' })
        .min(0, 'OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1')
        .max(1, 'OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1')
        .optional(),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.OTEL_TRACES_SAMPLER_ARG !== undefined && !value.OTEL_TRACES_SAMPLER.endsWith('traceidratio')) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['OTEL_TRACES_SAMPLER_ARG'],
        message: `OTEL_TRACES_SAMPLER_ARG is the ratio of traceidratio or parentbased_traceidratio, not of ${value.OTEL_TRACES_SAMPLER}`,
      });
    }
  });

export interface TelemetryConfig {
  /** False with OTEL_SDK_DISABLED=true. */
  readonly enabled: boolean;
  readonly serviceName: string | undefined;
  /** The OTLP traces URL, or undefined: no exporter, nothing sent. */
  readonly tracesEndpoint: string | undefined;
  readonly sampler: SamplerName;
  /** The ratio of the traceidratio samplers (default 1). */
  readonly samplerRatio: number;
}

/** The tracing settings from the environment; a bad variable stops the service with its name and rule. */
export function loadTelemetryConfig(env: NodeJS.ProcessEnv = process.env): TelemetryConfig {
  const raw = loadConfig(telemetrySchema, env);
  const base = raw.OTEL_EXPORTER_OTLP_ENDPOINT;
  return Object.freeze({
    enabled: raw.OTEL_SDK_DISABLED !== 'true',
    serviceName: raw.OTEL_SERVICE_NAME,
    tracesEndpoint: raw.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined),
    sampler: raw.OTEL_TRACES_SAMPLER,
    samplerRatio: raw.OTEL_TRACES_SAMPLER_ARG ?? 1,
  });
}
