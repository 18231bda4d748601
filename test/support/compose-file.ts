import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * docker-compose.yml as docker compose reads it, for the tests that check it (scripts/docker-compose.test.ts)
 * and run its services' commands from the image's runtime stage (scripts/runtime-stage.int.test.ts).
 */

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; target?: string; dockerfile?: string };
  restart?: string;
  command?: string[];
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }> | string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export const COMPOSE_PATH = join(__dirname, '..', '..', 'docker-compose.yml');

/** The file's text, parsed as YAML with its merge keys (`<<: *service`) applied, as docker compose reads them. */
export function readComposeText(): string {
  return readFileSync(COMPOSE_PATH, 'utf8');
}

export function parseCompose(text: string): ComposeFile {
  return parse(text, { merge: true }) as ComposeFile;
}

/** The secrets a `.env` must give (see `.env.example`); everything else has a default in the file. */
export const COMPOSE_SECRETS: Readonly<Record<string, string>> = Object.freeze({
  LINKAGE_KEY: 'ab'.repeat(32),
  POSTGRES_PASSWORD: 'x',
  HR_BUREAU_DB_PASSWORD: 'x',
  UNION_DB_PASSWORD: 'x',
  COURT_DB_PASSWORD: 'x',
  JUSTICE_DB_PASSWORD: 'x',
});

/** Docker compose's interpolation: `${V}`, `${V:-default}`, `${V-default}`, `${V:?error}`, `${V?error}` and `$$`. */
export function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}/g,
    (match, name: string, colon: string, op: string, arg: string) => {
      if (match === '$$') return '$';
      const set = env[name];
      const unset = set === undefined || (colon === ':' && set === '');
      if (op === '-') return unset ? arg : set!;
      if (op === '?' && unset) throw new Error(`${name}: ${arg}`);
      return set ?? '';
    },
  );
}

/** A service's environment as its container gets it (interpolated with `env`, by default the test secrets). */
export function composeEnvironment(
  service: ComposeService,
  env: Record<string, string | undefined> = COMPOSE_SECRETS,
): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(String(value), env)]));
}
