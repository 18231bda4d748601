import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createLogHeadPublisher, type LogHeadPublisher } from '../access-log/log-head-publisher';
import type { SubgraphConfig } from '../config';
import type { SubgraphDefinition } from './department-subgraph';
import { ownServiceTokenSource } from './own-service-token';

/**
 * The publisher of this department's signed access-log head to the other three, signing with its own
 * service key and calling them with a SERVICE token of its own. None, with a warning, without a service
 * key: then no other department witnesses this log, and `npm run audit:verify` cannot see a rewrite.
 */
export function logHeadPublisherFor(
  definition: Pick<SubgraphDefinition<unknown>, 'name' | 'department'>,
  config: Pick<SubgraphConfig, 'serviceKey' | 'peerUrls' | 'logHeadPublishMs' | 'auth'>,
  em: EntityManager,
  logger: Logger,
): LogHeadPublisher | undefined {
  if (!config.serviceKey) {
    logger.warn(
      'AUTH_SERVICE_KEY_PATH is not set: the access-log head is not signed nor published, so no other department witnesses this log',
    );
    return undefined;
  }
  const missing = ['HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'].filter((d) => d !== definition.department && !(d in config.peerUrls));
  if (missing.length) logger.warn({ missing }, `no URL for ${missing.join(', ')} (<DEPARTMENT>_URL): they do not witness this access log`);
  return createLogHeadPublisher({
    em,
    department: definition.department,
    privateJwk: config.serviceKey,
    token: ownServiceTokenSource(definition, { auth: config.auth, serviceKey: config.serviceKey }, 'the witnesses'),
    peers: config.peerUrls,
    intervalMs: config.logHeadPublishMs,
    logger,
  });
}
