import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { ERROR_CODES } from './error-codes';

/**
 * Apollo Server's code for a persisted query where they are off, outside the catalogue: Apollo's protocol
 * with clients that send query hashes, not an error a person reads. PERSISTED_QUERY_NOT_FOUND is in the
 * catalogue, since the gateway's trusted documents answer it too; so are Apollo's other request codes.
 */
const PERSISTED_QUERY_CODES = new Set(['PERSISTED_QUERY_NOT_SUPPORTED']);

function codeOf(error: GraphQLFormattedError): string | undefined {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}

/**
 * Apollo `formatError` of every service: errors from the catalogue and request errors pass as they are
 * (a subgraph's own, already masked, pass the gateway the same way); anything else
 * (a bug, a database failure, SQL in the message) is logged in full and answered with a generic
 * INTERNAL_SERVER_ERROR, so no stack, SQL or internals reach a client.
 */
export function maskInternalErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = codeOf(formatted);
    const original = error instanceof GraphQLError ? error.originalError : error;
    const known = code !== undefined && (code in ERROR_CODES || PERSISTED_QUERY_CODES.has(code));
    // In the gateway, a subgraph's error arrives as the plain object the subgraph answered with, which
    // that subgraph has already masked; an Error instance is something that failed here.
    const fromSubgraph = original !== undefined && original !== null && !(original instanceof Error);
    const thrownByUs = !original || original instanceof GraphQLError || fromSubgraph;
    if (known && code !== 'INTERNAL_SERVER_ERROR' && thrownByUs) {
      // Which subgraph answered is an internal detail: the client asked the one graph.
      const { stacktrace: _stack, serviceName: _service, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original ?? error, path: formatted.path }, 'internal error');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
