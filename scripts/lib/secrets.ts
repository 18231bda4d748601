import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

/**
 * The development cluster's secrets, generated once and kept beside the cluster (never in the repository):
 * the superuser's password, one password per department role, and the linkage key the four subgraphs
 * share for personRef. Regenerating the linkage key would orphan every stored personRef, so it is only
 * ever created, never replaced.
 */
export interface Secrets {
  readonly superuserPassword: string;
  /** 64 hex characters (32 bytes). */
  readonly linkageKey: string;
  /** Password per role name. */
  readonly rolePasswords: Readonly<Record<string, string>>;
}

const HEX_64 = /^[0-9a-f]{64}$/i;

function randomPassword(): string {
  // Hex: nothing to escape in SQL literals, URLs or shells.
  return randomBytes(24).toString('hex');
}

function parse(file: string): Partial<Secrets> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${file} is not valid JSON (${(error as Error).message}); restore it, or delete it together with the cluster next to it.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${file} does not hold a JSON object.`);
  const value = parsed as Record<string, unknown>;
  if (value.linkageKey !== undefined && (typeof value.linkageKey !== 'string' || !HEX_64.test(value.linkageKey))) {
    throw new Error(`${file}: linkageKey must be 64 hexadecimal characters.`);
  }
  return value as Partial<Secrets>;
}

/** Atomic write, readable by the owner only. */
function write(file: string, secrets: Secrets): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, file);
}

/**
 * Reads `file`, adding whatever is missing (a new file, or a role added since), and returns the whole set.
 * Existing values are never changed.
 */
export function loadOrCreateSecrets(file: string, roles: readonly string[]): Secrets {
  const existing = existsSync(file) ? parse(file) : {};
  if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);

  const rolePasswords: Record<string, string> = { ...existing.rolePasswords };
  for (const role of roles) rolePasswords[role] ??= randomPassword();
  const secrets: Secrets = {
    superuserPassword: existing.superuserPassword ?? randomPassword(),
    linkageKey: existing.linkageKey ?? randomBytes(32).toString('hex'),
    rolePasswords,
  };
  if (JSON.stringify(secrets) !== JSON.stringify(existing)) write(file, secrets);
  return secrets;
}
