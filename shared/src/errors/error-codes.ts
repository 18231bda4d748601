/**
 * The one catalogue of error codes a client of this product can meet, in `extensions.code`.
 * Each code is documented here; the README's "Errors" table is checked against this list by a test.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: 'No valid identity: the token is missing, malformed, expired or not ours.',
  FORBIDDEN: 'The caller is known but its department or role may not read or change this.',
  BAD_REQUEST: 'The HTTP request is not a GraphQL request: its body is not a JSON object, or it has no query (HTTP 400).',
  PAYLOAD_TOO_LARGE: "The request body is over the service's limit, which the message names (HTTP 413).",
  UNSUPPORTED_MEDIA_TYPE: 'A POST body that is not `application/json` (UTF-8, uncompressed or gzip/deflate/br) (HTTP 415).',
  GRAPHQL_PARSE_FAILED: 'The query is not valid GraphQL syntax (HTTP 400).',
  GRAPHQL_VALIDATION_FAILED: "The query does not fit the schema, or is over the caller's operation limits (HTTP 400).",
  OPERATION_RESOLUTION_FAILURE: "`operationName` names none of the document's operations, or is missing when it has several (HTTP 400).",
  BAD_USER_INPUT: 'An argument breaks a rule; `extensions.field` and `extensions.rule` say which and why.',
  NOT_FOUND: 'The record asked for does not exist (or is not visible to the caller); outside GraphQL, an unknown path.',
  CONFLICT: 'The record changed since the caller read it (stale `version`), or a unique value is taken (`extensions.field` names it).',
  INTERNAL_SERVER_ERROR: 'Something failed inside a service; details are in its log under the request id.',
  DEPARTMENT_UNAVAILABLE:
    'A department could not be asked (down, refusing connections, or its breaker open): its fields are null, `extensions.department` names it, the rest of the answer stands.',
  DEPARTMENT_TIMEOUT:
    'A department did not answer in time: its fields are null, `extensions.department` names it, the rest of the answer stands.',
  COST_ESTIMATED_TOO_EXPENSIVE:
    "The operation is estimated to cost more than the caller's role allows; `extensions.estimatedCost` and `extensions.maxCost` say by how much. Nothing was fetched.",
  RATE_LIMITED:
    'The caller looked up people by personal data (an ID number …) more often than allowed; `extensions.retryAfterSeconds` says when to try again. Each alias counts.',
  RESPONSE_TOO_LARGE:
    "The answer is larger than a department's subgraph sends at once (`extensions.maxBytes`, MAX_RESPONSE_BYTES): nothing is sent; ask for fewer items with `first` or fewer fields.",
  PERSISTED_QUERY_NOT_FOUND:
    'The request names a document by id (`documentId`, or `extensions.persistedQuery.sha256Hash` with no query) that is not registered (HTTP 200, as Apollo answers it).',
  TRUSTED_DOCUMENT_REQUIRED:
    "A department system's SERVICE token sent a free-form query: it runs only the operations registered under gateway/trusted-documents/<system>/, by id (HTTP 403).",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
