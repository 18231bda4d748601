import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bindKey,
  Department,
  generateSigningKey,
  publicJwkOf,
  readPrivateJwkFile,
  Role,
  serviceIssuer,
  type KeyBinding,
} from '@labour/shared/auth';
import type { JWK } from 'jose';
import { DEPARTMENTS, type DepartmentName } from './services';

/**
 * The development keys, made by `npm start` in `<DATA_DIR>/auth/`, never in the repository. Each key
 * signs for one department only, and the public key set says so (key-binding.ts):
 *
 * - one identity-provider key per department (`<name>-idp-key.json`, bound to that department, any
 *   role): `npm run token` signs a user's token with the key of the department asked for;
 * - one service key per subgraph (`<name>-service-key.json`, bound to its department, the SERVICE role
 *   and the issuer `labour-federation:service:<name>`): each subgraph is given its own
 *   (AUTH_SERVICE_KEY_PATH) to sign the SERVICE tokens with which it calls other services;
 * - `jwks.json`: the public halves of all eight with their bindings, which every service trusts
 *   (AUTH_JWKS_PATH).
 *
 * The file names match what docker-compose.yml mounts from ./secrets, so the set can be copied there.
 */
export interface DevKeyFiles {
  readonly dir: string;
  /** The public JWKS the services verify with. */
  readonly jwks: string;
  /** Private JWK (mode 600) per department: what `npm run token` signs with. */
  readonly idp: Readonly<Record<Department, string>>;
  /** Private JWK (mode 600) per subgraph: what it signs its own SERVICE tokens with. */
  readonly service: Readonly<Record<DepartmentName, string>>;
  /** The single key every service got before keys were bound to departments; no longer trusted. */
  readonly legacy: string;
}

export function devKeyFiles(dataDir: string): DevKeyFiles {
  const dir = join(dataDir, 'auth');
  return {
    dir,
    jwks: join(dir, 'jwks.json'),
    idp: Object.fromEntries(DEPARTMENTS.map((d) => [d.envPrefix, join(dir, `${d.name}-idp-key.json`)])) as Record<Department, string>,
    service: Object.fromEntries(DEPARTMENTS.map((d) => [d.name, join(dir, `${d.name}-service-key.json`)])) as Record<
      DepartmentName,
      string
    >,
    legacy: join(dir, 'signing-key.json'),
  };
}

/** Every development key: its file and what it is bound to, identity-provider keys first. */
function devKeyBindings(files: DevKeyFiles): Array<{ file: string; binding: KeyBinding }> {
  return [
    ...DEPARTMENTS.map((d) => ({ file: files.idp[d.envPrefix as Department], binding: { department: d.envPrefix as Department } })),
    ...DEPARTMENTS.map((d) => ({
      file: files.service[d.name],
      binding: { department: d.envPrefix as Department, roles: [Role.SERVICE], iss: serviceIssuer(d.name) },
    })),
  ];
}

/** Atomic: a reader never sees half a key. */
function writeJson(file: string, value: unknown, mode: number): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(value, null, 2)}\n`, { mode });
  renameSync(partial, file);
}

export interface DevKeys {
  readonly files: DevKeyFiles;
  /** The key files this call made (all eight on a first start, the missing ones after an upgrade). */
  readonly created: readonly string[];
  /** Whether the data directory still holds the single key of an earlier version (no longer trusted). */
  readonly legacyKeyFound: boolean;
}

/**
 * Makes whichever keys are missing and returns where they are; existing keys are kept. The JWKS is
 * rewritten from the private keys whenever it differs, so it always holds exactly these eight keys with
 * their bindings (and no longer the single key of an earlier version, which could sign for anyone).
 */
export async function ensureDevKeys(dataDir: string): Promise<DevKeys> {
  const files = devKeyFiles(dataDir);
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  const created: string[] = [];
  const keys: JWK[] = [];
  for (const { file, binding } of devKeyBindings(files)) {
    let privateJwk: JWK;
    if (existsSync(file)) {
      privateJwk = readPrivateJwkFile(file);
    } else {
      privateJwk = (await generateSigningKey()).privateJwk;
      writeJson(file, privateJwk, 0o600);
      created.push(file);
    }
    keys.push(bindKey(publicJwkOf(privateJwk), binding));
  }
  const jwks = `${JSON.stringify({ keys }, null, 2)}\n`;
  if ((existsSync(files.jwks) ? readFileSync(files.jwks, 'utf8') : '') !== jwks) writeJson(files.jwks, JSON.parse(jwks), 0o644);
  return { files, created, legacyKeyFound: existsSync(files.legacy) };
}

/** The identity-provider key of `department` that `npm start` made; a clear error when there is none yet. */
export function readDevIdpKey(dataDir: string, department: Department): JWK {
  const file = devKeyFiles(dataDir).idp[department];
  if (!existsSync(file)) {
    throw new Error(
      `No development signing key for ${department} at ${file}: run \`npm start\` once (it creates one per department), with the same DATA_DIR.`,
    );
  }
  return readPrivateJwkFile(file);
}
