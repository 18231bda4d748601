import { DateScalar, Department, NotBefore, TextInputField, VersionField } from '@labour/shared';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** Readable codes: capitals, digits and hyphens, e.g. HR-UNION-ARREARS. */
const CHANNEL_CODE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

@InputType({ description: "Fields of one of the provider's types to open: SHARED or PERSONAL ones only." })
export class SharingGrantInput {
  @TextInputField("A type of the provider's schema (see the field catalogue), e.g. WageArrearsAlert.", 100)
  typeName: string;

  @Field(() => [String], {
    description: 'Its fields to open, 1 to 50; each must be SHARED or PERSONAL (RESTRICTED never leaves; PUBLIC needs no channel).',
  })
  @ArrayMinSize(1, { message: 'must name at least one field' })
  @ArrayMaxSize(50, { message: 'must name at most 50 fields' })
  fields: string[];
}

@InputType({
  description:
    "A sharing channel to propose (拟议共享渠道): only an ADMIN of the provider department proposes the provider's outgoing channels.",
})
export class ProposeSharingChannelInput {
  @TextInputField('Readable unique code, 3 to 60 capitals, digits and hyphens, e.g. HR-UNION-ARREARS.', 60, { min: 3 })
  @Matches(CHANNEL_CODE, { message: 'must be capitals, digits and single hyphens, starting with a letter (e.g. HR-UNION-ARREARS)' })
  code: string;

  @Field(() => Department, { description: "The department whose fields the channel opens: the proposer's own." })
  provider: Department;

  @Field(() => [Department], { description: 'The departments that may read them; at least one, never the provider.' })
  @ArrayMinSize(1, { message: 'must name at least one department' })
  consumers: Department[];

  @Field(() => [SharingGrantInput], { description: 'The fields to open, type by type (1 to 50 types).' })
  @ArrayMinSize(1, { message: 'must name at least one type' })
  @ArrayMaxSize(50, { message: 'must name at most 50 types' })
  @ValidateNested({ each: true })
  grants: SharingGrantInput[];

  @TextInputField(
    "The scope kind (共享范围) of the records the channel grants its fields for: one of the provider's kinds (channelScopeKinds) that covers every granted type, e.g. HR_OPEN_WAGE_ARREARS.",
    60,
  )
  scope: string;

  @TextInputField('What the consumers use the data for (共享目的), 1 to 1000 characters.', 1000)
  purpose: string;

  @TextInputField('The law or agreement that allows it (法律依据), 1 to 1000 characters.', 1000)
  legalBasis: string;

  @Field(() => DateScalar, { description: 'First day it may grant anything.' })
  validFrom: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day it grants anything; not before validFrom and not in the past. Leave out for open-ended.',
  })
  @IsOptional()
  @NotBefore('validFrom')
  validUntil?: string | null;
}

@InputType({ description: 'A decision on a sharing channel by an ADMIN of its provider, at the version the caller read.' })
export class SharingChannelDecisionInput {
  @TextInputField('Code of the channel.', 60)
  code: string;

  @VersionField()
  version: number;

  @TextInputField('Why, for the record (e.g. why it is suspended), up to 1000 characters.', 1000, { nullable: true })
  reason?: string | null;
}
