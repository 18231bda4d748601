import { boundArgOptions, Department, listBound, TextInputField } from '@labour/shared';
import { ArgsType, Field, Int } from 'type-graphql';
import { ChannelEffectiveStatus } from './sharing-channel.entity';

/** The registry's channels: a handful per pair of departments. */
export const SHARING_CHANNELS_BOUND = listBound(100, 1000);

@ArgsType()
export class SharingChannelsArgs {
  @Field(() => Int, boundArgOptions(SHARING_CHANNELS_BOUND, 'channels'))
  first: number;

  @Field(() => Department, { nullable: true, description: 'Only channels of this provider.' })
  provider?: Department | null;

  @Field(() => Department, { nullable: true, description: 'Only channels this department consumes.' })
  consumer?: Department | null;

  @Field(() => ChannelEffectiveStatus, {
    nullable: true,
    description: 'Only channels with this effective status today (EXPIRED included).',
  })
  status?: ChannelEffectiveStatus | null;
}

@ArgsType()
export class SharingChannelCodeArgs {
  @TextInputField('Code of the channel, e.g. HR-UNION-ARREARS.', 60)
  code: string;
}

@ArgsType()
export class ActiveSharingGrantsArgs {
  @Field(() => Department, { description: "The provider whose channels in force are asked for: the caller's own department." })
  provider: Department;
}

@ArgsType()
export class ChannelScopeKindsArgs {
  @Field(() => Department, { nullable: true, description: "Only this provider's scope kinds." })
  provider?: Department | null;
}
