import { boundArgOptions, DateScalar, IdInputField, listBound, NotBefore } from '@labour/shared';
import { IsOptional } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { MeetingStatus } from './joint-meeting.entity';

/** Joint meetings: six regular ones a year, a few special ones; `from` and `to` reach further back. */
export const JOINT_MEETINGS_BOUND = listBound(100, 1000);

/** A meeting's agenda items and decisions, a decision's follow-ups: a meeting handles tens at most. */
export const MEETING_ITEMS_BOUND = listBound(100, 500);

@ArgsType()
export class JointMeetingsArgs {
  @Field(() => Int, boundArgOptions(JOINT_MEETINGS_BOUND, 'meetings'))
  first: number;

  @Field(() => DateScalar, { nullable: true, description: 'Only meetings held on or after this day (China time).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only meetings held on or before this day (China time); not before from.' })
  @IsOptional()
  @NotBefore('from')
  to?: string | null;

  @Field(() => MeetingStatus, { nullable: true, description: 'Only meetings in this stage.' })
  status?: MeetingStatus | null;
}

@ArgsType()
export class JointMeetingIdArgs {
  @IdInputField('Id of the meeting.', { version: '4', message: 'must be a meeting id (UUID)' })
  id: string;
}
