/**
 * `generateWorld`: the demo zone as all four departments see it, drawn deterministically from a seed.
 *
 * Order matters: the stories come first (fixed numbers and records), then enterprises and workers,
 * the unions and committees the disputes need, the disputes along their paths, and the records that
 * follow from disputes (inspections after complaints, consultations before legal aid, suggestions
 * after judgments). Numbers are handed out last, in filing order.
 */
import type { World, WorldOptions } from './world.types';
import { createContext } from './context';
import { dayOf, yearOf } from './dates';
import { addStory } from './generate-story';
import { addRandomEnterprises } from './generate-enterprises';
import { addRandomWorkers } from './generate-workers';
import { addRandomContracts, addRandomOrganizations } from './generate-union';
import { addCommittees } from './generate-committees';
import { drawStaff } from './staff';
import { addRandomDisputes } from './generate-disputes';
import { escalateDisputes } from './escalate-disputes';
import { addRandomHrRecords } from './generate-hr';
import { addRandomServices } from './generate-services';

export const DEFAULT_WORLD_OPTIONS: Readonly<WorldOptions> = Object.freeze({ seed: 20140601, scale: 1, asOf: '2026-11-20' });

/** Scales beyond this would take minutes and gigabytes; benchmarks use up to 20-50. */
export const MAX_SCALE = 200;

function checkOptions(options: WorldOptions): void {
  if (!Number.isFinite(options.scale) || options.scale <= 0 || options.scale > MAX_SCALE) {
    throw new RangeError(`scale must be a number in (0, ${MAX_SCALE}], got ${options.scale}`);
  }
  if (!Number.isSafeInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
  const year = yearOf(dayOf(options.asOf));
  // The stories and the enterprise register (1995-2025) need an as-of day after 2020.
  if (year < 2020 || year > 2099) throw new RangeError(`asOf must be between 2020 and 2099, got ${options.asOf}`);
}

export function generateWorld(options: WorldOptions = DEFAULT_WORLD_OPTIONS): World {
  checkOptions(options);
  const ctx = createContext({ ...options });
  addStory(ctx);
  addRandomEnterprises(ctx);
  addRandomWorkers(ctx);
  addRandomOrganizations(ctx);
  addRandomContracts(ctx);
  addCommittees(ctx);
  const staff = drawStaff(ctx);
  addRandomDisputes(ctx, staff);
  escalateDisputes(ctx, staff);
  addRandomHrRecords(ctx);
  addRandomServices(ctx);
  ctx.numbering.finish();
  return ctx.world;
}
