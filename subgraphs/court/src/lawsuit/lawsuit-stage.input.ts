import { DateScalar, NotInFuture } from '@labour/shared';
import { IsIn, IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LawsuitOutcome } from './lawsuit.entity';
import { LawsuitVersionInput } from './lawsuit.input';

const { UPHELD, PARTIALLY_UPHELD, DISMISSED } = LawsuitOutcome;

@InputType({ description: 'The judgment of a lawsuit under trial (判决).' })
export class RecordLawsuitJudgmentInput extends LawsuitVersionInput {
  @Field(() => DateScalar, { description: 'Date of the judgment; not before filing, not in the future.' })
  @NotInFuture()
  judgmentOn: string;

  @Field(() => LawsuitOutcome, { description: 'What the judgment decided: UPHELD, PARTIALLY_UPHELD or DISMISSED.' })
  @IsIn([UPHELD, PARTIALLY_UPHELD, DISMISSED], {
    message: 'must be UPHELD, PARTIALLY_UPHELD or DISMISSED (SETTLED and WITHDRAWN are recorded by closeLawsuit)',
  })
  outcome: LawsuitOutcome;

  @Field({ description: 'Summary of the judgment (裁判要旨), 1 to 4000 characters.' })
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  judgmentSummary: string;
}

@InputType({ description: 'An appeal against a first-instance judgment (上诉), within 15 days of it.' })
export class AppealLawsuitInput extends LawsuitVersionInput {
  @Field(() => DateScalar, { description: 'Date the appeal was lodged; within the appeal period, not in the future.' })
  @NotInFuture()
  appealedOn: string;
}

@InputType({
  description:
    'The end of a lawsuit (结案): before judgment by settlement or withdrawal (outcome required); after judgment once the appeal period has passed (no outcome); after appeal with the final outcome (optional).',
})
export class CloseLawsuitInput extends LawsuitVersionInput {
  @Field(() => DateScalar, { description: 'Date the case ended; not in the future.' })
  @NotInFuture()
  closedOn: string;

  @Field(() => LawsuitOutcome, {
    nullable: true,
    description: 'How it ended: SETTLED or WITHDRAWN before judgment; the final outcome after an appeal.',
  })
  @IsOptional()
  @IsIn(Object.values(LawsuitOutcome), { message: 'must be one of the LawsuitOutcome values' })
  outcome?: LawsuitOutcome | null;

  @Field(() => String, {
    nullable: true,
    description: 'Summary of the mediation statement, ruling or final judgment, 1 to 4000 characters.',
  })
  @IsOptional()
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  judgmentSummary?: string | null;
}
