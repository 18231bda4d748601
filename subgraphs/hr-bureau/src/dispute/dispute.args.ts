import { IsDisputeNo } from '@labour/shared';
import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class DisputeNoArgs {
  @Field({ description: 'Dispute number (争议编号), e.g. LD-UN-2026-000123.' })
  @IsDisputeNo()
  disputeNo: string;
}
