/** A GraphQL response body as the tests read it. */
interface Body {
  data?: unknown;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * The extensions (code, field, rule, violations …) of the one error of an operation refused as a whole:
 * asserts that it answered no data and exactly one error.
 */
export function refusalOf(body: Body): Record<string, unknown> | undefined {
  expect(body.data).toBeNull();
  expect(body.errors).toHaveLength(1);
  return body.errors![0]!.extensions;
}

/** The HTTP answer to an operation whose token is refused: 401 and one UNAUTHENTICATED error saying why. */
export const unauthenticated = (message: string) => ({
  status: 401,
  body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] },
});

/**
 * A read or write refused with FORBIDDEN as the tests compare it: `data` as answered (null, or null at the
 * refused field), one error with the message (and whatever else `more` names, e.g. its path).
 */
export const forbiddenAnswer = (data: unknown, message: string, more: Record<string, unknown> = {}) => ({
  data,
  errors: [expect.objectContaining({ message, extensions: { code: 'FORBIDDEN' }, ...more })],
});
