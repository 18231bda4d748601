/**
 * The worker register (from the social-insurance records the labour bureau holds): about ten workers
 * per enterprise, not every employee; big employers have more of them on the register, but less than
 * in proportion. About 5% are between jobs.
 */
import type { DemoEnterprise, DemoWorker } from './world.types';
import { addWorker, type GenContext } from './context';
import type { Prng } from './prng';
import { drawBirthDay, drawGender, drawHomeRegion, drawIdNumber, drawName, drawPhone } from './people';
import { INDUSTRIES, industryByName, type IndustryProfile } from './vocab-enterprises';

export const WORKERS_PER_ENTERPRISE = 10;
const EMPLOYED_SHARE = 0.95;

export interface WorkerTraits {
  /** Forces a migrant (true) or a Beijing (false) home region; by default the industry's share decides. */
  migrant?: boolean;
  gender?: 'M' | 'F';
}

/** Draws one worker, adds it to the register and returns it. */
export function drawWorker(
  prng: Prng,
  ctx: GenContext,
  employer: DemoEnterprise | null,
  industry: IndustryProfile,
  traits: WorkerTraits = {},
): DemoWorker {
  const migrant = traits.migrant ?? prng.chance(industry.migrantShare);
  const gender = traits.gender ?? drawGender(prng, industry.maleShare);
  // Construction crews are older than the zone's factory and office staff.
  const birthDay = drawBirthDay(prng, ctx.asOf, industry.name === '建筑施工');
  const worker: DemoWorker = {
    idNumber: drawIdNumber(prng, ctx.used.idNumbers, drawHomeRegion(prng, migrant), birthDay, gender),
    name: drawName(prng, gender),
    phone: drawPhone(prng, ctx.used.phones),
    employerCreditCode: employer ? employer.creditCode : null,
  };
  addWorker(ctx, worker);
  return worker;
}

export function addRandomWorkers(ctx: GenContext): void {
  const prng = ctx.rng('workers');
  const enterprises = ctx.world.hr.enterprises;
  const total = enterprises.length * WORKERS_PER_ENTERPRISE;
  const employedTarget = Math.round(total * EMPLOYED_SHARE);
  let rootSum = 0;
  for (const e of enterprises) rootSum += Math.sqrt(e.employeeCount);
  const perRoot = employedTarget / rootSum;
  for (const e of enterprises) {
    // The story enterprises' register is the story's own.
    if (ctx.storyCodes.has(e.creditCode)) continue;
    const quota = Math.max(1, Math.min(e.employeeCount, Math.round(perRoot * Math.sqrt(e.employeeCount))));
    const already = ctx.workersByEmployer.get(e.creditCode)?.length ?? 0;
    const industry = industryByName(e.industry);
    for (let i = already; i < quota; i++) drawWorker(prng, ctx, e, industry);
  }
  const unemployedTarget = total - ctx.world.hr.workers.length;
  for (let i = 0; i < unemployedTarget; i++) drawWorker(prng, ctx, null, prng.pick(INDUSTRIES));
}
