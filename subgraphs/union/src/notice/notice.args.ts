import { boundArgOptions, Department, IdInputField, listBound } from '@labour/shared';
import { ArgsType, Field, Int } from 'type-graphql';
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
  @IdInputField('Identifier of the notice.')
  id: string;
}
