import { boundArgOptions, Department, listBound } from '@labour/shared';
import { IsUUID } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { NoticeStatus } from './notice.entity';

/** The caller's notices, newest first: a department sends and receives a few a week. */
export const NOTICES_BOUND = listBound(100, 1000);

@ArgsType()
export class NoticesArgs {
  @Field(() => Int, boundArgOptions(NOTICES_BOUND, 'notices'))
  first: number;

  @Field(() => Department, { nullable: true, description: 'Only notices sent to this department.' })
  recipient?: Department | null;

  @Field(() => Department, { nullable: true, description: 'Only notices sent by this department.' })
  sender?: Department | null;

  @Field(() => NoticeStatus, { nullable: true, description: 'Only notices in this status.' })
  status?: NoticeStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only overdue notices (not answered, dueOn passed); false: only those not overdue.',
  })
  overdue?: boolean | null;
}

@ArgsType()
export class NoticeIdArgs {
  @Field(() => ID, { description: 'Identifier of the notice.' })
  @IsUUID('all', { message: 'must be a UUID' })
  id: string;
}
