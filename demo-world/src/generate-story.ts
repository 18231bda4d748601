/**
 * Writes the seeds' stories (see `story.ts`) into the world before anything random, with their own
 * random stream and numbers taken first, so they come out the same at every scale and seed.
 */
import { addEnterprise, type GenContext } from './context';
import { Prng } from './prng';
import { STORY_ENTERPRISE_RECORDS, STORY_SEED } from './story';
import { addLayoffStory } from './story-layoff';
import { addArrearsStory } from './story-arrears';

export function addStory(ctx: GenContext): void {
  const prng = new Prng(STORY_SEED);
  for (const e of Object.values(STORY_ENTERPRISE_RECORDS)) {
    addEnterprise(ctx, { ...e });
    ctx.storyCodes.add(e.creditCode);
  }
  addLayoffStory(ctx, prng);
  addArrearsStory(ctx, prng);
  for (const w of ctx.world.hr.workers) ctx.storyWorkers.add(w.idNumber);
}
