import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey, publicJwkOf, readPrivateJwkFile } from '@labour/shared/auth';
import type { JWK } from 'jose';

/**
 * The development signing key: made by the first `npm start` in the data directory, never in the
 * repository. The services are given the public half (AUTH_JWKS_PATH); `npm run token` signs with the
 * private half, and so do the subgraphs for their own SERVICE tokens (AUTH_SERVICE_KEY_PATH).
 */
export interface DevKeyFiles {
  readonly dir: string;
  /** The private JWK, mode 600. */
  readonly privateKey: string;
  /** The public JWKS the services verify with. */
  readonly jwks: string;
}

export function devKeyFiles(dataDir: string): DevKeyFiles {
  const dir = join(dataDir, 'auth');
  return { dir, privateKey: join(dir, 'signing-key.json'), jwks: join(dir, 'jwks.json') };
}

/** Atomic: a reader never sees half a key. */
function writeJson(file: string, value: unknown, mode: number): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(value, null, 2)}\n`, { mode });
  renameSync(partial, file);
}

/**
 * Creates the key pair unless present and returns where it is. The JWKS is rewritten from the private
 * key whenever it differs, so the two can never disagree (e.g. after a JWKS file was deleted).
 */
export async function ensureDevSigningKey(dataDir: string): Promise<{ files: DevKeyFiles; created: boolean }> {
  const files = devKeyFiles(dataDir);
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  const created = !existsSync(files.privateKey);
  const privateJwk = created ? (await generateSigningKey()).privateJwk : readPrivateJwkFile(files.privateKey);
  if (created) writeJson(files.privateKey, privateJwk, 0o600);
  const jwks = { keys: [publicJwkOf(privateJwk)] };
  const current = existsSync(files.jwks) ? readFileSync(files.jwks, 'utf8') : '';
  if (current !== `${JSON.stringify(jwks, null, 2)}\n`) writeJson(files.jwks, jwks, 0o644);
  return { files, created };
}

/** The private key `npm start` made; a clear error when there is none yet. */
export function readDevSigningKey(dataDir: string): JWK {
  const { privateKey } = devKeyFiles(dataDir);
  if (!existsSync(privateKey)) {
    throw new Error(`No development signing key at ${privateKey}: run \`npm start\` once (it creates one), with the same DATA_DIR.`);
  }
  return readPrivateJwkFile(privateKey);
}
