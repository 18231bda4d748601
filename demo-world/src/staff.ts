/**
 * The people who work the cases: the union's mediators and the lawyers the legal-aid centre assigns.
 * The pools grow with the square root of the scale: a bigger zone has more staff, each with more cases.
 */
import type { GenContext } from './context';
import { drawGender, drawName } from './people';
import { LAW_FIRMS } from './vocab-names';

export interface Staff {
  mediators: string[];
  /** `姓名（律师事务所）`, as legal-aid decisions name the assigned lawyer. */
  lawyers: string[];
}

export function drawStaff(ctx: GenContext): Staff {
  const prng = ctx.rng('staff');
  const root = Math.sqrt(ctx.options.scale);
  const mediators: string[] = [];
  for (let i = Math.max(12, Math.round(12 * root)); i > 0; i--) mediators.push(drawName(prng, drawGender(prng, 0.45)));
  const lawyers: string[] = [];
  for (let i = Math.max(20, Math.round(30 * root)); i > 0; i--) {
    lawyers.push(`${drawName(prng, drawGender(prng, 0.6))}（${prng.pick(LAW_FIRMS)}）`);
  }
  return { mediators, lawyers };
}
