import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { ERROR_CODES } from './error-codes';

/** Codes Apollo Server and graphql-js give to request errors; they describe the client's own request. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'DOWNSTREAM_SERVICE_ERROR',
]);

function codeOf(error: GraphQLFormattedError): string | undefined {
  const code = error.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}

/**
 * Apollo `formatError`: errors from the catalogue and request errors pass as they are; anything else
 * (a bug, a database failure, SQL in the message) is logged in full and answered with a generic
 * INTERNAL_SERVER_ERROR, so no stack, SQL or internals reach a client.
 */
export function maskInternalErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = codeOf(formatted);
    const original = error instanceof GraphQLError ? error.originalError : error;
    const known = code !== undefined && (code in ERROR_CODES || REQUEST_ERROR_CODES.has(code));
    const thrownByUs = !original || original instanceof GraphQLError;
    if (known && code !== 'INTERNAL_SERVER_ERROR' && thrownByUs) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
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
