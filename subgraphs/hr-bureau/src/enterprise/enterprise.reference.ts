import type { HrContext } from '../context';

/** Resolves `Enterprise` representations from other subgraphs; all of one fetch in one statement. */
export function resolveEnterpriseReference(ref: { creditCode: string }, ctx: HrContext) {
  return ctx.loaders.enterpriseByCreditCode.load(ref.creditCode);
}
