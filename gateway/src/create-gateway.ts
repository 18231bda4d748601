import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  createDepartmentGuard,
  createServiceApp,
  createTokenVerifier,
  DEFAULT_GUARD_SETTINGS,
  maskInternalErrors,
  operationLimitsPlugin,
  operationResolutionPlugin,
  principalOf,
  requestIdOf,
  requestLoggingPlugin,
  type Department,
  type DepartmentGuard,
  type ServiceMetrics,
} from '@labour/shared';
import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { SUBGRAPH_DEPARTMENTS, type GatewayConfig, type TrustedDocumentSettings } from './config';
import { consoleRouter, type ConsoleOptions } from './console/console-routes';
import type { GatewayContext } from './gateway-context';
import { subgraphReadiness } from './readiness';
import { watchedSupergraph } from './supergraph/watched-supergraph';
import { missingDepartmentsPlugin } from './missing-departments.plugin';
import { createSubgraphConnections, isSubgraphFault, SubgraphDataSource } from './subgraph-data-source';
import type { SubgraphFetchOptions } from './subgraph-fetches';
import { trustedDocumentStore } from './trusted-documents/trusted-document-store';
import { documentsBrokenBy, loadTrustedDocuments } from './trusted-documents/trusted-documents';
import { trustedDocumentsMiddleware } from './trusted-documents/trusted-documents.middleware';

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
  config: Pick<GatewayConfig, 'supergraphPath' | 'subgraphUrls' | 'auth'> &
    Partial<Pick<GatewayConfig, 'guards' | 'supergraphWatchMs'>> & {
      console?: ConsoleOptions;
      metrics?: ServiceMetrics | undefined;
      /** The department systems' registered operations; none registered (and none required) without it. */
      trustedDocuments?: TrustedDocumentSettings;
    },
  logger: Logger,
  /** Sharing and merging of subgraph fetches (subgraph-fetches.ts); both on unless a benchmark compares without them. */
  fetches: SubgraphFetchOptions = {},
): Promise<GatewayServer> {
  // The gateway would otherwise report usage data to an outside service, which a government network must not do.
  process.env['APOLLO_TELEMETRY_DISABLED'] = '1';
  // Read and parsed once, here: a file that is not one named operation, or a bad system.json, fails the start.
  const documents = loadTrustedDocuments(config.trustedDocuments?.dir ?? '');
  const documentProblem = (apiSchema: GraphQLSchema) => documentsBrokenBy(apiSchema, documents);
  const targets = new Map<string, string>();
  const connections = createSubgraphConnections();
  // One timeout and breaker per department, for the life of the gateway: a department's failures open its breaker only.
  const guards = new Map<string, DepartmentGuard>();
  const guardOf = (name: string): DepartmentGuard => {
    const department = SUBGRAPH_DEPARTMENTS[name];
    if (!department)
      throw new Error(`Subgraph ${name} is no department's: expected one of ${Object.keys(SUBGRAPH_DEPARTMENTS).join(', ')}`);
    if (!guards.has(name)) {
      // With metrics: each fetch's time and outcome, and each change of the breaker, under the subgraph's name.
      const observer = config.metrics?.subgraphFetches().observer(name);
      guards.set(
        name,
        createDepartmentGuard(department, config.guards?.[name] ?? DEFAULT_GUARD_SETTINGS, logger, isSubgraphFault, observer),
      );
    }
    return guards.get(name)!;
  };
  const gateway = new ApolloGateway({
    // Taken again, checked, when the file changes (SUPERGRAPH_WATCH_MS); a supergraph that fails the check is refused.
    supergraphSdl: watchedSupergraph({
      path: config.supergraphPath,
      watchIntervalMs: config.supergraphWatchMs ?? 0,
      knownSubgraphs: Object.keys(SUBGRAPH_DEPARTMENTS),
      hasUrl: (name, url) => Boolean(config.subgraphUrls[name] ?? url),
      // A new supergraph that would break a registered document is refused: the systems keep working on the old one.
      apiSchemaProblem: documentProblem,
      logger,
    }),
    logger: logger.child({ component: 'apollo-gateway' }),
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}: set it in the supergraph or the environment`);
      targets.set(name, target);
      return new SubgraphDataSource(target, connections, guardOf(name), fetches);
    },
  });
  // Each schema the gateway takes is checked against the registered documents: at start a failure stops the
  // start (below); a reload that would break one was refused before it got here, so a failure then is a bug.
  let startProblem: string | undefined;
  let started = false;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    const problem = documentProblem(apiSchema);
    if (!problem) return;
    if (!started) startProblem = problem;
    else logger.error({ reason: problem }, 'TRUSTED DOCUMENTS BROKEN by the supergraph in use');
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Apollo's store of parsed, validated documents, with the registered ones parsed and validated once, at load.
    documentStore: trustedDocumentStore(documents),
    includeStacktraceInErrorResponses: false,
    // The service stops itself on signals (exitOnShutdown), in order: HTTP, then GraphQL, then the database.
    stopOnTerminationSignals: false,
    formatError: maskInternalErrors(logger),
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // operationResolutionPlugin first: an operation that cannot be resolved is refused before the limits are checked.
    plugins: [
      ...(config.metrics ? [config.metrics.requests.plugin<GatewayContext>()] : []),
      operationResolutionPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      requestLoggingPlugin(),
      operationLimitsPlugin<GatewayContext>(),
      missingDepartmentsPlugin(),
    ],
  });
  await apollo.start();
  started = true;
  if (startProblem) {
    await apollo.stop();
    await connections.destroy();
    throw new Error(`TRUSTED_DOCUMENTS_DIR ${documents.dir}: ${startProblem}`);
  }
  logger.info({ dir: documents.dir, documents: documents.byId.size }, 'trusted documents loaded');

  const handler = expressMiddleware(apollo, {
    context: async ({ req }) => {
      const requestId = requestIdOf(req);
      return {
        requestId,
        principal: principalOf(req),
        purpose: req.header('x-purpose') ?? null,
        authorization: req.header('authorization') ?? null,
        logger: logger.child({ requestId }),
        missingDepartments: new Set<Department>(),
      };
    },
  });
  const app = createServiceApp({
    logger,
    ready: subgraphReadiness(
      () => targets,
      (name) => guards.get(name)?.state() ?? 'closed',
    ),
    graphql: {
      verifyToken: createTokenVerifier(config.auth),
      bodyLimit: '256kb',
      handler,
      beforeHandler: trustedDocumentsMiddleware(
        { documents, exemptKids: new Set(config.trustedDocuments?.exemptKids ?? []) },
        logger,
        config.metrics?.requests.refused,
      ),
    },
    ...(config.metrics ? { refused: config.metrics.requests.refused } : {}),
    // The web console and its sign-in, when given (npm start; the browser tests).
    ...(config.console ? { publicRouter: consoleRouter(config.console, logger) } : {}),
  });
  return {
    app,
    subgraphs: targets,
    stop: async () => {
      await apollo.stop();
      // After the HTTP server's drain: a subgraph fetch still open belongs to a request already cut, so the
      // pooled connections are destroyed rather than closed (close would wait for it up to its timeout).
      await connections.destroy();
    },
  };
}
