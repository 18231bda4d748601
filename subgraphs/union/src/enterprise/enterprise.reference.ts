/**
 * `Enterprise` is HR_BUREAU's: here it is its key alone, and a representation needs no lookup because
 * every union field hangs off the credit code (through the request's loaders).
 */
export function resolveEnterpriseReference(ref: { creditCode: string }) {
  return { creditCode: ref.creditCode };
}
