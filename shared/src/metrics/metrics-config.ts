import { z } from 'zod';

/** An empty variable is an unset one (`METRICS_PORT=` turns the metrics off rather than picking port 0). */
const unsetWhenEmpty = (value: unknown): unknown => (value === '' ? undefined : value);

/** METRICS_PORT and METRICS_TOKEN, the same for the gateway and every subgraph (see README "Metrics"). */
export const metricsEnvShape = {
  /** The port of the Prometheus endpoint (`GET /metrics`), on HOST beside the service's own; unset: no metrics. */
  METRICS_PORT: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(1).max(65535).optional()),
  /** When set, a scrape must carry `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
      .optional(),
  ),
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * The rules between the metrics variables and the rest: a token only with a port; not the service's own
 * port; and in production, a metrics port open beyond loopback only behind a token.
 */
export function metricsRules(
  value: { PORT?: number; HOST?: string; NODE_ENV?: string; METRICS_PORT?: number | undefined; METRICS_TOKEN?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.METRICS_TOKEN !== undefined && value.METRICS_PORT === undefined) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['METRICS_TOKEN'],
      message: 'is set but METRICS_PORT is not: the metrics are served only on a port of their own',
    });
  }
  if (value.METRICS_PORT === undefined) return;
  if (value.METRICS_PORT === value.PORT) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['METRICS_PORT'],
      message: 'must differ from PORT: the metrics are never served on the public port',
    });
  }
  if (value.NODE_ENV === 'production' && value.METRICS_TOKEN === undefined && !LOOPBACK.test(value.HOST ?? '127.0.0.1')) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ['METRICS_TOKEN'],
      message: `is required in production when METRICS_PORT is set and HOST (${value.HOST}) is not a loopback address: the metrics port would be open to anyone who reaches the service`,
    });
  }
}

/** Where a service serves its metrics; null: it serves none (and counts nothing). */
export interface MetricsSettings {
  port: number;
  token?: string;
}

export function metricsSettingsOf(raw: { METRICS_PORT?: number | undefined; METRICS_TOKEN?: string | undefined }): MetricsSettings | null {
  if (raw.METRICS_PORT === undefined) return null;
  return { port: raw.METRICS_PORT, ...(raw.METRICS_TOKEN !== undefined ? { token: raw.METRICS_TOKEN } : {}) };
}
