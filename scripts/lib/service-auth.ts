import { relative } from 'node:path';
import type { LauncherConfig } from './launcher-config';
import { ensureDevKeys } from './dev-signing-key';
import type { Log } from './output';
import type { DepartmentName } from './services';

/** The identity variables the launcher adds to the services' environment. */
export interface ServiceAuthEnv {
  /** For the gateway and the subgraphs: the keys that verify callers' tokens, and the audience. */
  readonly verifiers: Readonly<Record<string, string>>;
  /** For one subgraph only: the key it signs its own SERVICE tokens with (development), no other's. */
  subgraph(name: DepartmentName): Readonly<Record<string, string>>;
  /** For the gateway only: the development keys' folder, so that the console can sign development tokens. */
  readonly gateway: Readonly<Record<string, string>>;
}

/**
 * With keys from the environment (AUTH_JWKS_PATH or AUTH_JWKS_URL, required with external databases)
 * the services inherit them and nothing is added. Otherwise the development keys in the data directory
 * are used, made on the first start (and those missing after an upgrade): each subgraph gets its own
 * service key, every service the public key set with each key's department.
 */
export async function prepareServiceAuth(config: LauncherConfig, log: Log): Promise<ServiceAuthEnv> {
  if (config.auth.fromEnvironment) {
    log.info('tokens are verified with the keys named by AUTH_JWKS_PATH / AUTH_JWKS_URL');
    return { verifiers: {}, subgraph: () => ({}), gateway: {} };
  }
  const { files, created, legacyKeyFound } = await ensureDevKeys(config.dataDir);
  const names = (paths: readonly string[]) => paths.map((path) => relative(files.dir, path)).join(', ');
  if (created.length === 8) {
    log.info(
      `created the development keys in ${files.dir}: one identity-provider key per department, one service key per subgraph (public keys in ${files.jwks})`,
    );
  } else if (created.length > 0) {
    log.info(`created the missing development keys in ${files.dir}: ${names(created)}`);
  } else {
    log.info(`development keys: ${files.dir} (public keys, each bound to its department, in ${files.jwks})`);
  }
  if (legacyKeyFound) {
    log.warn(
      `${files.legacy} is the single signing key of an earlier version, which could sign for any department; it is no longer trusted ` +
        '(tokens it signed are refused): delete it, and take new tokens with `npm run token`',
    );
  }
  return {
    verifiers: { AUTH_JWKS_PATH: files.jwks, AUTH_AUDIENCE: config.auth.audience },
    subgraph: (name) => ({ AUTH_SERVICE_KEY_PATH: files.service[name] }),
    gateway: { CONSOLE_DEV_KEYS_DIR: files.dir },
  };
}
