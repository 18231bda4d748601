import type { JWK } from 'jose';
import { createServiceTokenSource, serviceIssuer, serviceKeyMismatch } from '../auth/service-token';
import type { SubgraphConfig } from '../config';
import type { SubgraphDefinition } from './department-subgraph';

/**
 * The SERVICE tokens a subgraph presents to the other services (the witnesses of its access-log
 * heads), signed with its own service key and carrying the issuer that key is bound to. A key
 * the trusted set binds to anything else stops the start: every other service would refuse its tokens.
 * `use` says what for, in that error.
 */
export function ownServiceTokenSource(
  definition: Pick<SubgraphDefinition<unknown>, 'name' | 'department'>,
  config: Pick<SubgraphConfig, 'auth'> & { serviceKey: JWK },
  use: string,
): () => Promise<string> {
  const issuer = serviceIssuer(definition.name);
  const mismatch = serviceKeyMismatch(
    config.serviceKey,
    config.auth.jwks,
    { department: definition.department, issuer },
    config.auth.issuer,
  );
  if (mismatch) throw new Error(`AUTH_SERVICE_KEY_PATH: ${use} would refuse this subgraph's SERVICE tokens. ${mismatch}`);
  return createServiceTokenSource({
    privateJwk: config.serviceKey,
    department: definition.department,
    subject: `service:${definition.name}`,
    audience: config.auth.audience,
    issuer,
  });
}
