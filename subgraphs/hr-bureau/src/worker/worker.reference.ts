import type { HrRequestContext } from '../request-context';

/** Resolves `Worker` representations by personRef; all of one fetch in one statement. */
export function resolveWorkerReference(ref: { personRef: string }, ctx: HrRequestContext) {
  return ctx.loaders.workerByPersonRef.load(ref.personRef);
}
