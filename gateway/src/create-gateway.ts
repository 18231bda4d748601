import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  createServiceApp,
  createTokenVerifier,
  maskInternalErrors,
  operationResolutionPlugin,
  principalOf,
  requestIdOf,
  requestLoggingPlugin,
} from '@labour/shared';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './gateway-context';
import { operationLimitsPlugin } from './limits/operation-limits.plugin';
import { subgraphReadiness } from './readiness';
import { createSubgraphConnections, SubgraphDataSource } from './subgraph-data-source';

export interface GatewayServer {
  app: Express;
  /** Subgraph URLs in use, by subgraph name. */
  subgraphs: ReadonlyMap<string, string>;
  stop(): Promise<void>;
}

/**
 * The federation gateway over the committed supergraph. It builds the server and connects nothing
 * until the first request; `main.ts` listens.
 */
export async function createGatewayServer(
  config: Pick<GatewayConfig, 'supergraphPath' | 'subgraphUrls' | 'auth'>,
  logger: Logger,
): Promise<GatewayServer> {
  // The gateway would otherwise report usage data to an outside service, which a government network must not do.
  process.env['APOLLO_TELEMETRY_DISABLED'] = '1';
  const targets = new Map<string, string>();
  const connections = createSubgraphConnections();
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    logger: logger.child({ component: 'apollo-gateway' }),
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}: set it in the supergraph or the environment`);
      targets.set(name, target);
      return new SubgraphDataSource(target, connections);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // The service stops itself on signals (exitOnShutdown), in order: HTTP, then GraphQL, then the database.
    stopOnTerminationSignals: false,
    formatError: maskInternalErrors(logger),
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // operationResolutionPlugin first: an operation that cannot be resolved is refused before the limits are checked.
    plugins: [operationResolutionPlugin(), ApolloServerPluginLandingPageDisabled(), requestLoggingPlugin(), operationLimitsPlugin()],
  });
  await apollo.start();

  const handler = expressMiddleware(apollo, {
    context: async ({ req }) => {
      const requestId = requestIdOf(req);
      return {
        requestId,
        principal: principalOf(req),
        purpose: req.header('x-purpose') ?? null,
        authorization: req.header('authorization') ?? null,
        logger: logger.child({ requestId }),
      };
    },
  });
  const app = createServiceApp({
    logger,
    ready: subgraphReadiness(() => targets),
    graphql: { verifyToken: createTokenVerifier(config.auth), bodyLimit: '256kb', handler },
  });
  return {
    app,
    subgraphs: targets,
    stop: async () => {
      await apollo.stop();
      await connections.close();
    },
  };
}
