import {
  CountInputField,
  CreditCodeInputField,
  EnumInputField,
  PageArgs,
  PastDateInputField,
  TextInputField,
  VersionField,
} from '@labour/shared';
import { ArgsType, Field, InputType } from 'type-graphql';
import { CommitteeLevel } from './people-mediation-committee.entity';

const MEDIATORS = { max: 10_000 };

@InputType({ description: "A people's mediation committee to register (登记人民调解委员会)." })
export class CreatePeopleMediationCommitteeInput {
  @TextInputField('Committee code (调委会编码), 1 to 40 characters.', 40)
  code: string;

  @TextInputField('Name, 2 to 200 characters.', 200, { min: 2 })
  name: string;

  @EnumInputField(CommitteeLevel, 'CommitteeLevel', 'Level in the five-level network.')
  level: CommitteeLevel;

  @TextInputField('District or town it serves, 1 to 50 characters.', 50)
  district: string;

  @CreditCodeInputField('Credit code of its enterprise: required for level ENTERPRISE, left out for every other level.', {
    nullable: true,
  })
  enterpriseCreditCode?: string | null;

  @CountInputField("Number of people's mediators, 1 to 10,000.", MEDIATORS)
  mediatorCount: number;

  @PastDateInputField('Date the committee was established; not in the future.')
  establishedOn: string;
}

@InputType({ description: "Changes to a people's mediation committee; fields left out stay as they are. Level and enterprise are fixed." })
export class UpdatePeopleMediationCommitteeInput {
  @TextInputField('Code of the committee to change.', 40)
  code: string;

  @VersionField()
  version: number;

  @TextInputField('New name.', 200, { nullable: true, min: 2 })
  name?: string;

  @TextInputField('New district or town.', 50, { nullable: true })
  district?: string;

  @CountInputField("New number of people's mediators.", { nullable: true, ...MEDIATORS })
  mediatorCount?: number;
}

@ArgsType()
export class CommitteeCodeArgs {
  @TextInputField('Committee code (调委会编码).', 40)
  code: string;
}

@ArgsType()
export class PeopleMediationCommitteesArgs extends PageArgs('committees') {
  @Field(() => CommitteeLevel, { nullable: true, description: 'Only committees of this level.' })
  level?: CommitteeLevel | null;

  @Field(() => String, { nullable: true, description: 'Only committees serving this district or town (exact).' })
  district?: string | null;
}
