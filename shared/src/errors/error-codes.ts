/**
 * The one catalogue of error codes a client of this product can meet, in `extensions.code`.
 * Each code is documented here; the README's "Errors" table is checked against this list by a test.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: 'No valid identity: the token is missing, malformed, expired or not ours.',
  FORBIDDEN: 'The caller is known but its department or role may not read or change this.',
  BAD_USER_INPUT: 'An argument breaks a rule; `extensions.field` and `extensions.rule` say which and why.',
  NOT_FOUND: 'The record asked for does not exist (or is not visible to the caller).',
  CONFLICT: 'The record changed since the caller read it (stale `version`), or a unique value is taken.',
  INTERNAL_SERVER_ERROR: 'Something failed inside a service; details are in its log under the request id.',
  DEPARTMENT_UNAVAILABLE: "A department could not be asked (down, refusing connections, or its breaker open): its fields are null, `extensions.department` names it, the rest of the answer stands.",
  DEPARTMENT_TIMEOUT: 'A department did not answer in time: its fields are null, `extensions.department` names it, the rest of the answer stands.',
  RESPONSE_TOO_LARGE: "The answer is larger than a department's subgraph sends at once (`extensions.maxBytes`, MAX_RESPONSE_BYTES): nothing is sent; ask for fewer items with `first` or fewer fields.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
