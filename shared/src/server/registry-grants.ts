import type { Logger } from 'pino';
import { createChannelGrantCache, type ChannelGrantSource } from '../channels';
import type { SubgraphConfig } from '../config';
import type { Clock } from '../legal-clock/clock';
import type { SubgraphDefinition } from './department-subgraph';
import { ownServiceTokenSource } from './own-service-token';

/**
 * The cache of the sharing-channel registry a provider subgraph enforces, asking the registry with a
 * SERVICE token of its own department. None for the registry's own subgraph (it reads its table), and
 * none, with a warning, when the registry or the service key is not configured: then no other
 * department gets this department's SHARED fields (fail closed), and its own department is unaffected.
 */
export function registryGrantsFor(
  definition: Pick<SubgraphDefinition<unknown>, 'name' | 'department' | 'localGrantSource'>,
  config: Pick<SubgraphConfig, 'registryUrl' | 'serviceKey' | 'channelRefreshMs' | 'auth'>,
  logger: Logger,
  clock: Clock,
): ChannelGrantSource | undefined {
  if (definition.localGrantSource) return undefined;
  if (!config.registryUrl) {
    logger.warn('REGISTRY_URL is not set: no sharing channel is enforced, so other departments get no shared fields');
    return undefined;
  }
  if (!config.serviceKey) {
    logger.warn('AUTH_SERVICE_KEY_PATH is not set: no SERVICE token for the registry, so other departments get no shared fields');
    return undefined;
  }
  return createChannelGrantCache({
    registryUrl: config.registryUrl,
    tokenSource: ownServiceTokenSource(definition, { auth: config.auth, serviceKey: config.serviceKey }, 'the registry'),
    provider: definition.department,
    refreshMs: config.channelRefreshMs,
    logger,
    today: clock.today,
  });
}
