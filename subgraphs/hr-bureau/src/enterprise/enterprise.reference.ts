import type { HrRequestContext } from '../request-context';

/** Resolves `Enterprise` representations from other subgraphs; all of one fetch in one statement. */
export function resolveEnterpriseReference(ref: { creditCode: string }, ctx: HrRequestContext) {
  return ctx.loaders.enterpriseByCreditCode.load(ref.creditCode);
}
