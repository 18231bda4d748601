import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Express, Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { TokenVerifier } from '../auth/token-verifier';
import type { BaseRequestContext } from '../context';
import { maskInternalErrors } from '../errors';
import { operationLimitsPlugin, subgraphLimits } from '../limits';
import { fetchOriginsFrom, MAX_MERGED_FETCHES, MERGED_FETCHES_HEADER } from '../federation/merged-fetch';
import { operationResolutionPlugin } from './operation-resolution.plugin';
import { requestLoggingPlugin } from './request-logging.plugin';
import { DEFAULT_MAX_RESPONSE_BYTES, responseSizePlugin } from './response-size.plugin';
import { principalOf } from './require-token';
import { createServiceApp, requestIdOf, type ServiceAppOptions } from './service-app';

/**
 * The declared purpose (X-Purpose) as the access log keeps it. HTTP headers carry ASCII only, so a
 * purpose in Chinese arrives percent-encoded (`encodeURIComponent`); a malformed one is kept as sent.
 * A decoded NUL (`%00`), which PostgreSQL text cannot hold, becomes U+FFFD: otherwise the request's log
 * entries could not be written, and its data would be withheld for a character in a header.
 */
export function purposeOf(header: string | undefined): string | null {
  if (!header) return null;
  let purpose: string;
  try {
    purpose = decodeURIComponent(header);
  } catch {
    purpose = header;
  }
  return purpose.slice(0, 500).replace(/\u0000/g, '\uFFFD');
}

export interface SubgraphServerOptions<C extends BaseRequestContext> {
  schema: GraphQLSchema;
  logger: Logger;
  ready: () => Promise<boolean>;
  /** Verifies the caller's token: a department's subgraph trusts nobody, not even the gateway. */
  verifyToken: TokenVerifier;
  /** Adds the service's own parts (entity manager fork, loaders) to the base context of a request. */
  buildContext: (base: BaseRequestContext, req: Request) => C | Promise<C>;
  /** Further Apollo plugins, after the built-in ones (the access log's writer). */
  plugins?: ApolloServerPlugin<BaseRequestContext>[];
  /** The largest answer sent, in bytes of JSON (MAX_RESPONSE_BYTES); default DEFAULT_MAX_RESPONSE_BYTES. */
  maxResponseBytes?: number;
  /** Further JSON routes behind the token check (see `ServiceAppOptions.routes`). */
  routes?: ServiceAppOptions['routes'];
  /** Told of each request refused before GraphQL (metrics; see `ServiceAppOptions.refused`). */
  refused?: ServiceAppOptions['refused'];
}

export interface SubgraphServer {
  app: Express;
  apollo: ApolloServer<BaseRequestContext>;
  stop(): Promise<void>;
}

/** The HTTP side of a department subgraph: Apollo Server on express, under `/graphql`. */
export async function createSubgraphServer<C extends BaseRequestContext>(options: SubgraphServerOptions<C>): Promise<SubgraphServer> {
  const apollo = new ApolloServer<BaseRequestContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    // The service stops itself on signals (exitOnShutdown), in order: HTTP, then GraphQL, then the database.
    stopOnTerminationSignals: false,
    formatError: maskInternalErrors(options.logger),
    // Subgraphs serve the gateway and department systems; no tracing to outside services, no landing page.
    plugins: [
      operationResolutionPlugin(),
      ApolloServerPluginInlineTraceDisabled(),
      // No field has a cache hint and no answer is cached by HTTP: without this, Apollo wraps every field's
      // resolver to compute a cache policy (a hook per field: a tenth of a signal list's time).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      requestLoggingPlugin(),
      // Department systems call a subgraph directly: it refuses what the gateway would, with room for the gateway's fetches.
      operationLimitsPlugin(subgraphLimits, { mergedFetches: true }),
      responseSizePlugin(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  const handler = expressMiddleware(apollo, {
    context: async ({ req }) => {
      const requestId = requestIdOf(req);
      const purpose = purposeOf(req.header('x-purpose'));
      const base: BaseRequestContext = {
        requestId,
        principal: principalOf(req),
        purpose,
        logger: options.logger.child({ requestId }),
        fetchOrigins: fetchOriginsFrom(req.header(MERGED_FETCHES_HEADER)),
      };
      return options.buildContext(base, req);
    },
  });
  const app = createServiceApp({
    logger: options.logger,
    ready: options.ready,
    graphql: { verifyToken: options.verifyToken, bodyLimit: '1mb', handler },
    // One merged fetch of the gateway can carry the fetches of that many client requests of one caller.
    requestIds: MAX_MERGED_FETCHES,
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.refused ? { refused: options.refused } : {}),
  });
  return { app, apollo, stop: () => apollo.stop() };
}
