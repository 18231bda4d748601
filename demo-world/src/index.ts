/**
 * The demo world: a deterministic generator of one development zone's labour-relations records as the
 * labour bureau, the union, the court and the justice bureau each hold them, linked by dispute numbers
 * and by the same persons. Each department's seeder takes its own slice of `generateWorld(...)`; the
 * union's also the registry's demo channels, the demo notices and the joint meetings.
 */
export * from './world.types';
export { generateWorld, DEFAULT_WORLD_OPTIONS, MAX_SCALE } from './generate-world';
export {
  STORY_ENTERPRISES,
  STORY_ENTERPRISE_RECORDS,
  STORY_PROJECT,
  STORY_ARREARS,
  STORY_LAYOFF_COUNT,
  STORY_TEXTS,
  type StoryEnterprise,
} from './story';
export { STORY_LAWYER } from './story-dispute';
export { CASES_AT_SCALE_1 } from './generate-disputes';
export { ENTERPRISES_AT_SCALE_1 } from './generate-enterprises';
export { WORKERS_PER_ENTERPRISE } from './generate-workers';
export { Prng } from './prng';
export { demoSharingChannels, type DemoSharingChannel } from './union-channels';
export {
  DEMO_MEETING_IDS,
  demoJointMeetings,
  storyDisputeNo,
  type DemoAgendaItem,
  type DemoDecision,
  type DemoFollowUp,
  type DemoJointMeeting,
} from './union-meetings';
export { demoNotices, type DemoNotice } from './union-notices';
