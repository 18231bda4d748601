/**
 * Shared pieces of the story generators: the story's mediator and lawyer, and story disputes, which take
 * their numbers at once (see `dispute-model.ts`).
 */
import type { DemoParty, DemoWorker } from './world.types';
import type { GenContext } from './context';
import type { Prng } from './prng';
import { drawClaim, type Claim } from './claims';
import { newDispute, partyOf, type Dispute } from './dispute-model';
import { industryByName } from './vocab-enterprises';
import type { ClaimKind } from './vocab-claims';
import { STORY_ENTERPRISE_RECORDS, type StoryEnterprise } from './story';

export const STORY_MEDIATOR = '孙立新';
export const STORY_LAWYER = '赵明远（北京市京开律师事务所）';

export function storyDispute(
  ctx: GenContext,
  prng: Prng,
  origin: 'UN' | 'HR',
  startDay: number,
  employer: StoryEnterprise,
  workers: DemoWorker[],
  kinds: ClaimKind[],
  fixedClaim?: Claim,
): Dispute {
  const enterprise = STORY_ENTERPRISE_RECORDS[employer];
  const industry = industryByName(enterprise.industry);
  const parties: DemoParty[] = workers.map(partyOf);
  const claim = fixedClaim ?? drawClaim(prng, industry, parties.length, startDay, kinds);
  return newDispute(ctx, { origin, startDay, enterprise, industry, parties, claim, fixedNumbers: true });
}
