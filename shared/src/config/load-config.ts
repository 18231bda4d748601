import { z } from 'zod';

/**
 * Parses the environment once, at start, into a frozen typed object. A missing or malformed
 * variable stops the service with a message naming every bad variable: there are no fallback secrets.
 */
export function loadConfig<S extends z.ZodTypeAny>(schema: S, env: NodeJS.ProcessEnv = process.env): Readonly<z.infer<S>> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}

export const portVar = z.coerce.number().int().min(0).max(65535);
/**
 * The address a service listens on: loopback unless configured otherwise, so a service started on a
 * machine is not reachable from the network by accident; containers set 0.0.0.0.
 */
export const hostVar = z
  .string()
  .regex(/^[0-9A-Za-z.:-]+$/, 'must be an IP address or a host name')
  .default('127.0.0.1');
export const logLevelVar = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
export const nodeEnvVar = z.enum(['development', 'production', 'test']).default('production');
/**
 * SHUTDOWN_DRAIN_MS: how long a stopping service lets the requests in flight finish (8 s unless set), under
 * the grace its supervisor gives after SIGTERM (Kubernetes' terminationGracePeriodSeconds, 30 s by default;
 * the launcher's 10 s).
 */
export const drainMsVar = z.coerce.number().int().min(0).max(300_000).default(8_000);
