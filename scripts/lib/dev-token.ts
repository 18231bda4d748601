import { parseArgs } from 'node:util';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, Department, formatDuration, parseDuration, Role } from '@labour/shared/auth';

/** What `npm run token` was asked for. */
export interface TokenRequestArgs {
  readonly department: Department;
  readonly roles: readonly Role[];
  readonly name: string;
  readonly sub: string;
  readonly ttlSeconds: number;
}

export const TOKEN_USAGE = `Usage: npm run -s token -- --department <DEPARTMENT> --role <ROLE> [--role <ROLE> …] [--name <name>] [--ttl <8h>] [--sub <subject>]
  departments: ${Object.values(Department).join(', ')}
  roles:       ${Object.values(Role).join(', ')}
  ttl:         a number with s, m, h or d (default 8h, at most MAX_TOKEN_LIFETIME: 12h unless set)
Prints a development token signed with the department's key \`npm start\` made in the data directory (DATA_DIR, default .data).`;

export class TokenArgsError extends Error {
  constructor(problems: readonly string[]) {
    super(`${problems.join('\n')}\n\n${TOKEN_USAGE}`);
    this.name = 'TokenArgsError';
  }
}

const DEFAULT_TTL_SECONDS = 8 * 3600;

/**
 * `8h` → 28800; null when it is not a duration this command accepts: a number with a unit, from a minute
 * to `maxSeconds` (the services' MAX_TOKEN_LIFETIME: a longer-lived token would be refused).
 */
export function parseTtl(text: string, maxSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS): number | null {
  if (!/^\d+[smhd]$/.test(text.trim())) return null;
  const seconds = parseDuration(text);
  return seconds !== null && seconds >= 60 && seconds <= maxSeconds ? seconds : null;
}

/** `hr-bureau` and `hr_bureau` name HR_BUREAU; `coordinator` names COORDINATOR. */
const normalise = (value: string) => value.trim().toUpperCase().replace(/-/g, '_');

function pick<T extends string>(values: Record<string, T>, raw: string, what: string, problems: string[]): T | undefined {
  const found = Object.values(values).find((value) => value === normalise(raw));
  if (!found) problems.push(`--${what} ${raw}: not a ${what} (choose from ${Object.values(values).join(', ')})`);
  return found;
}

/**
 * Reads and checks the arguments, reporting every mistake at once; `help` when --help was asked for.
 * `maxTtlSeconds`: the longest lifetime the services accept (MAX_TOKEN_LIFETIME).
 */
export function parseTokenArgs(argv: readonly string[], maxTtlSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS): TokenRequestArgs | 'help' {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        department: { type: 'string' },
        role: { type: 'string', multiple: true },
        name: { type: 'string' },
        sub: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new TokenArgsError([(error as Error).message]);
  }
  if (values['help']) return 'help';

  const problems: string[] = [];
  const rawDepartment = values['department'] as string | undefined;
  const rawRoles = (values['role'] as string[] | undefined) ?? [];
  if (!rawDepartment) problems.push('--department is required');
  if (rawRoles.length === 0) problems.push('--role is required (repeat it for several roles)');
  const department = rawDepartment ? pick(Department, rawDepartment, 'department', problems) : undefined;
  const roles = rawRoles.map((role) => pick(Role, role, 'role', problems));
  const ttlText = values['ttl'] as string | undefined;
  const ttlSeconds = ttlText === undefined ? Math.min(DEFAULT_TTL_SECONDS, maxTtlSeconds) : parseTtl(ttlText, maxTtlSeconds);
  if (ttlSeconds === null) {
    problems.push(
      `--ttl ${ttlText}: not a duration from 1m to ${formatDuration(maxTtlSeconds)}, the longest the services accept (MAX_TOKEN_LIFETIME) (e.g. 90m, 8h)`,
    );
  }
  const name = (values['name'] as string | undefined)?.trim();
  if (name === '') problems.push('--name must not be empty');
  const sub = (values['sub'] as string | undefined)?.trim();
  if (sub === '') problems.push('--sub must not be empty');
  if (problems.length > 0 || !department || ttlSeconds === null) throw new TokenArgsError(problems);

  const chosen = [...new Set(roles as Role[])];
  const label = chosen.map((role) => role.toLowerCase()).join('+');
  return {
    department,
    roles: chosen,
    name: name ?? `${department} ${label} (development)`,
    sub: sub ?? `dev:${department.toLowerCase()}:${label}`,
    ttlSeconds,
  };
}
