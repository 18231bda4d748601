import type { HrContext } from '../context';

/** Resolves `Worker` representations by personRef; all of one fetch in one statement. */
export function resolveWorkerReference(ref: { personRef: string }, ctx: HrContext) {
  return ctx.loaders.workerByPersonRef.load(ref.personRef);
}
