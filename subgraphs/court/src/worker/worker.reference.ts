/** `Worker` is HR's: the court resolves a representation to its key alone and adds its own fields. */
export function resolveWorkerReference(ref: { personRef: string }) {
  return { personRef: ref.personRef };
}
