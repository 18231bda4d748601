/** `Enterprise` is HR's: the court resolves a representation to its key alone and adds its own fields. */
export function resolveEnterpriseReference(ref: { creditCode: string }) {
  return { creditCode: ref.creditCode };
}
