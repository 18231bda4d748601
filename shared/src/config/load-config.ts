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
export const logLevelVar = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
export const nodeEnvVar = z.enum(['development', 'production', 'test']).default('production');
