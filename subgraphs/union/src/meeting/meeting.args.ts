import { DateScalar, NotBefore } from '@labour/shared';
import { IsOptional, IsUUID } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { MeetingStatus } from './joint-meeting.entity';

@ArgsType()
export class JointMeetingsArgs {
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
  @Field(() => ID, { description: 'Id of the meeting.' })
  @IsUUID('4', { message: 'must be a meeting id (UUID)' })
  id: string;
}
