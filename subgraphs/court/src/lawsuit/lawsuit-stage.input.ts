import { EnumInputField, PastDateInputField, TextInputField } from '@labour/shared';
import { IsIn } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LawsuitOutcome } from './lawsuit.entity';
import { LawsuitVersionInput } from './lawsuit.input';

const { UPHELD, PARTIALLY_UPHELD, DISMISSED } = LawsuitOutcome;

@InputType({ description: 'The judgment of a lawsuit under trial (判决).' })
export class RecordLawsuitJudgmentInput extends LawsuitVersionInput {
  @PastDateInputField('Date of the judgment; not before filing, not in the future.')
  judgmentOn: string;

  @Field(() => LawsuitOutcome, { description: 'What the judgment decided: UPHELD, PARTIALLY_UPHELD or DISMISSED.' })
  @IsIn([UPHELD, PARTIALLY_UPHELD, DISMISSED], {
    message: 'must be UPHELD, PARTIALLY_UPHELD or DISMISSED (SETTLED and WITHDRAWN are recorded by closeLawsuit)',
  })
  outcome: LawsuitOutcome;

  @TextInputField('Summary of the judgment (裁判要旨), 1 to 4000 characters.', 4000)
  judgmentSummary: string;
}

@InputType({ description: 'An appeal against a first-instance judgment (上诉), within 15 days of it.' })
export class AppealLawsuitInput extends LawsuitVersionInput {
  @PastDateInputField('Date the appeal was lodged; within the appeal period, not in the future.')
  appealedOn: string;
}

@InputType({
  description:
    'The end of a lawsuit (结案): before judgment by settlement or withdrawal (outcome required); after judgment once the appeal period has passed (no outcome); after appeal with the final outcome (optional).',
})
export class CloseLawsuitInput extends LawsuitVersionInput {
  @PastDateInputField('Date the case ended; not in the future.')
  closedOn: string;

  @EnumInputField(
    LawsuitOutcome,
    'LawsuitOutcome',
    'How it ended: SETTLED or WITHDRAWN before judgment; the final outcome after an appeal.',
    { nullable: true },
  )
  outcome?: LawsuitOutcome | null;

  @TextInputField('Summary of the mediation statement, ruling or final judgment, 1 to 4000 characters.', 4000, { nullable: true })
  judgmentSummary?: string | null;
}
