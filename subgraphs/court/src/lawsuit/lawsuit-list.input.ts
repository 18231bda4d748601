import { DateRange, IsDisputeNo, IsUscc } from '@labour/shared';
import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { CaseListPageArgs, MAX_DISPUTE_NOS } from '../case-lists/case-list-args';
import { LawsuitOutcome, LawsuitStage } from './lawsuit.entity';

/** The instance of a lawsuit, which its case number says: 民初 first instance, 民终 appeal (a record of its own). */
export enum LawsuitInstance {
  FIRST_INSTANCE = 'FIRST_INSTANCE',
  APPEAL = 'APPEAL',
}
registerEnumType(LawsuitInstance, {
  name: 'LawsuitInstance',
  description: 'The instance of a lawsuit, as its case number says.',
  valuesConfig: {
    FIRST_INSTANCE: { description: 'First instance (一审): case numbers with 民初' },
    APPEAL: { description: 'Appeal (二审) against a first-instance judgment: case numbers with 民终' },
  },
});

@InputType({ description: 'Which lawsuits to list; every filter given must hold (filters left out do not restrict).' })
export class LawsuitFilter {
  @Field(() => [LawsuitStage], { nullable: true, description: 'Only lawsuits at one of these stages (at least one).' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one stage' })
  stages?: LawsuitStage[] | null;

  @Field(() => LawsuitInstance, {
    nullable: true,
    description: 'Only first-instance (民初) or only appeal (民终) cases. A first-instance case that was appealed has stage APPEALED.',
  })
  instance?: LawsuitInstance | null;

  @Field(() => [LawsuitOutcome], {
    nullable: true,
    description: 'Only lawsuits decided or ended with one of these outcomes (at least one).',
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one outcome' })
  outcomes?: LawsuitOutcome[] | null;

  @Field(() => DateRange, { nullable: true, description: 'Only lawsuits filed (立案) within this span.' })
  @IsOptional()
  @ValidateNested()
  filedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only lawsuits judged (or ended by settlement or withdrawal) within this span.' })
  @IsOptional()
  @ValidateNested()
  judgmentOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: 'Only lawsuits whose current stage is due (dueOn) within this span.' })
  @IsOptional()
  @ValidateNested()
  dueOn?: DateRange | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only lawsuits past the deadline of their current stage (dueOn before the request's day); false: only the others.",
  })
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only lawsuits naming this employer (credit code) among the defendants.' })
  @IsOptional()
  @IsUscc()
  enterprise?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only lawsuits of these disputes (争议编号), 1 to ${MAX_DISPUTE_NOS}: to follow disputes across departments.`,
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one dispute number' })
  @ArrayMaxSize(MAX_DISPUTE_NOS, { message: `must name at most ${MAX_DISPUTE_NOS} dispute numbers` })
  @IsDisputeNo({ each: true })
  disputeNos?: string[] | null;
}

@ArgsType()
export class LawsuitsArgs extends CaseListPageArgs {
  @Field(() => LawsuitFilter, { nullable: true, description: 'Which lawsuits to list; all when omitted.' })
  @IsOptional()
  @ValidateNested()
  filter?: LawsuitFilter | null;
}

/**
 * The field of Lawsuit whose value each filter tests (what a filter reveals of every record it runs over).
 * All PUBLIC, sealed cases' too: no filter tests a sealed case's judgment summary or its plaintiffs.
 */
export const LAWSUIT_FILTER_FIELDS: Readonly<Record<keyof LawsuitFilter, string>> = {
  stages: 'stage',
  instance: 'caseNo',
  outcomes: 'outcome',
  filedOn: 'filedOn',
  judgmentOn: 'judgmentOn',
  dueOn: 'dueOn',
  overdue: 'dueOn',
  enterprise: 'defendants',
  disputeNos: 'disputeNo',
};
