import type { LauncherConfig } from './launcher-config';
import { ensureDevSigningKey } from './dev-signing-key';
import type { Log } from './output';

/** The identity variables the launcher adds to the services' environment. */
export interface ServiceAuthEnv {
  /** For the gateway and the subgraphs: the keys that verify callers' tokens, and the audience. */
  readonly verifiers: Readonly<Record<string, string>>;
  /** For the subgraphs only: the key they sign their own SERVICE tokens with (development). */
  readonly subgraphs: Readonly<Record<string, string>>;
}

/**
 * With keys from the environment (AUTH_JWKS_PATH or AUTH_JWKS_URL, required with external databases)
 * the services inherit them and nothing is added. Otherwise the development key pair in the data
 * directory is used, made on the first start.
 */
export async function prepareServiceAuth(config: LauncherConfig, log: Log): Promise<ServiceAuthEnv> {
  if (config.auth.fromEnvironment) {
    log.info('tokens are verified with the keys named by AUTH_JWKS_PATH / AUTH_JWKS_URL');
    return { verifiers: {}, subgraphs: {} };
  }
  const { files, created } = await ensureDevSigningKey(config.dataDir);
  log.info(`${created ? 'created the development signing key' : 'development signing key'}: ${files.privateKey} (public keys in ${files.jwks})`);
  return {
    verifiers: { AUTH_JWKS_PATH: files.jwks, AUTH_AUDIENCE: config.auth.audience },
    subgraphs: { AUTH_SERVICE_KEY_PATH: files.privateKey },
  };
}
