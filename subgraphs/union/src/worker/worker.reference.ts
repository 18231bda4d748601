/** `Worker` is HR_BUREAU's: here it is its key alone; the union's fields hang off the personRef. */
export function resolveWorkerReference(ref: { personRef: string }) {
  return { personRef: ref.personRef };
}
