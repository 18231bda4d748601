/**
 * The state shared by the generators while one world is drawn: the world being filled, indexes over
 * it, the sets that keep identifiers unique, and the disputes as linked objects (the world only has
 * their flat records).
 */
import type { DemoEnterprise, DemoWorker, World, WorldOptions } from './world.types';
import type { Dispute } from './dispute-model';
import { Numbering, type Series } from './numbering';
import { Prng } from './prng';
import { dayOf, dayOfYmd, yearOf } from './dates';

export interface GenContext {
  readonly options: WorldOptions;
  readonly asOf: number;
  /** First day on which the generated disputes and other case records may start. */
  readonly windowStart: number;
  readonly world: World;
  readonly numbering: Numbering;
  readonly used: {
    creditCodes: Set<string>;
    enterpriseNames: Set<string>;
    idNumbers: Set<string>;
    phones: Set<string>;
  };
  readonly enterprises: Map<string, DemoEnterprise>;
  readonly workersByEmployer: Map<string, DemoWorker[]>;
  readonly unemployed: DemoWorker[];
  /** Credit codes of the story enterprises and ID numbers of the story's workers, which random generators leave alone. */
  readonly storyCodes: Set<string>;
  readonly storyWorkers: Set<string>;
  readonly disputes: Dispute[];
  /** An independent random stream for one part of the world, derived from the seed. */
  rng(label: string): Prng;
}

function emptyWorld(asOf: string): World {
  return {
    asOf,
    hr: { enterprises: [], workers: [], inspections: [], wageArrearsAlerts: [], layoffReports: [], arbitrationCases: [] },
    union: { organizations: [], mediationCases: [], collectiveContracts: [], hardshipAids: [], legalConsultations: [] },
    court: { lawsuits: [], judicialConfirmations: [], enforcementCases: [], judicialSuggestions: [] },
    justice: { legalAidCases: [], committees: [], peopleMediationCases: [] },
  };
}

export function createContext(options: WorldOptions): GenContext {
  const asOf = dayOf(options.asOf);
  return {
    options,
    asOf,
    // Case records cover the current year and the two before it, so yearly sequences and trends show.
    windowStart: dayOfYmd(yearOf(asOf) - 2, 1, 1),
    world: emptyWorld(options.asOf),
    numbering: new Numbering(),
    used: { creditCodes: new Set(), enterpriseNames: new Set(), idNumbers: new Set(), phones: new Set() },
    enterprises: new Map(),
    workersByEmployer: new Map(),
    unemployed: [],
    storyCodes: new Set(),
    storyWorkers: new Set(),
    disputes: [],
    rng: (label) => Prng.fork(options.seed, label),
  };
}

export function addEnterprise(ctx: GenContext, enterprise: DemoEnterprise): void {
  ctx.used.creditCodes.add(enterprise.creditCode);
  ctx.used.enterpriseNames.add(enterprise.name);
  ctx.enterprises.set(enterprise.creditCode, enterprise);
  ctx.world.hr.enterprises.push(enterprise);
}

export function addWorker(ctx: GenContext, worker: DemoWorker): void {
  ctx.world.hr.workers.push(worker);
  if (worker.employerCreditCode === null) {
    ctx.unemployed.push(worker);
    return;
  }
  const list = ctx.workersByEmployer.get(worker.employerCreditCode);
  if (list) list.push(worker);
  else ctx.workersByEmployer.set(worker.employerCreditCode, [worker]);
}

/** Enterprises outside the stories, for random records. */
export function randomEnterprises(ctx: GenContext): DemoEnterprise[] {
  return ctx.world.hr.enterprises.filter((e) => !ctx.storyCodes.has(e.creditCode));
}

/** Workers outside the stories, for random records; `unemployed` narrows to those between jobs. */
export function randomWorkers(ctx: GenContext, unemployed = false): DemoWorker[] {
  return (unemployed ? ctx.unemployed : ctx.world.hr.workers).filter((w) => !ctx.storyWorkers.has(w.idNumber));
}

/** Rounds a base count at scale 1 to the world's scale, never below `min`. */
export function scaled(ctx: GenContext, base: number, min = 0): number {
  return Math.max(min, Math.round(base * ctx.options.scale));
}

/** Numbers a record now (story records, fixed at every scale) or later in filing order (the rest). */
export function numberRecord(ctx: GenContext, series: Series, day: number, fixed: boolean, apply: (no: string) => void): void {
  if (fixed) apply(ctx.numbering.now(series, day));
  else ctx.numbering.later(series, day, apply);
}
