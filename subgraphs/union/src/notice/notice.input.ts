import {
  CreditCodeInputField,
  Department,
  DisputeNoInputField,
  IdInputField,
  PERSON_REF_PATTERN,
  TextInputField,
  VersionField,
} from '@labour/shared';
import { IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NoticeKind, NoticeSeverity } from './notice.entity';

@InputType({
  description:
    "A notice to send (发送通报) over a sharing channel the caller's department provides, to one of its consumers. Names exactly one subject: an enterprise, a dispute or a worker.",
})
export class SendNoticeInput {
  @TextInputField(
    "The sender's idempotency key, 1 to 100 characters: send the same key when retrying, and the first notice is returned, never a second.",
    100,
  )
  idempotencyKey: string;

  @TextInputField('Code of an ACTIVE sharing channel the caller\u2019s department provides, e.g. HR-UNION-ARREARS.', 60)
  channelCode: string;

  @Field(() => Department, { description: 'The department to notify: one of the channel\u2019s consumers.' })
  recipient: Department;

  @Field(() => NoticeKind, { description: 'What it is about.' })
  kind: NoticeKind;

  @Field(() => NoticeSeverity, { description: 'MAJOR: at once; ROUTINE: in the periodic digest.' })
  severity: NoticeSeverity;

  @CreditCodeInputField('Credit code of the enterprise it is about.', { nullable: true })
  enterpriseCreditCode?: string | null;

  @DisputeNoInputField('Dispute number it is about (争议编号); required for a REFERRAL.', { nullable: true })
  disputeNo?: string | null;

  @Field(() => String, { nullable: true, description: 'personRef of the worker it is about (人员关联码, 32 hex characters).' })
  @IsOptional()
  @Matches(PERSON_REF_PATTERN, { message: 'must be a personRef: 32 lower-case hex characters' })
  personRef?: string | null;

  @TextInputField('What the sender reports, 1 to 4000 characters.', 4000)
  summary: string;
}

@InputType({ description: 'The recipient acknowledges a notice (签收), at the version it read.' })
export class AcknowledgeNoticeInput {
  @IdInputField('Identifier of the notice.')
  id: string;

  @VersionField()
  version: number;
}

@InputType({ description: 'The recipient answers an acknowledged notice (答复), at the version it read.' })
export class AnswerNoticeInput {
  @IdInputField('Identifier of the notice.')
  id: string;

  @VersionField()
  version: number;

  @TextInputField('The answer: what the recipient did or will do, 1 to 4000 characters.', 4000)
  answer: string;
}
