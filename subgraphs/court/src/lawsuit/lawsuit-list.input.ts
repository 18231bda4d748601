import {
  BooleanFilterField,
  CreditCodeInputField,
  DateRange,
  AnyOfFilterField,
  DateRangeFilterField,
  DisputeNosFilterField,
  ListArgs,
} from '@labour/shared';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
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
  @AnyOfFilterField(() => LawsuitStage, 'Only lawsuits at one of these stages (at least one).')
  stage?: LawsuitStage[] | null;

  @Field(() => LawsuitInstance, {
    nullable: true,
    description: 'Only first-instance (民初) or only appeal (民终) cases. A first-instance case that was appealed has stage APPEALED.',
  })
  instance?: LawsuitInstance | null;

  @AnyOfFilterField(() => LawsuitOutcome, 'Only lawsuits decided or ended with one of these outcomes (at least one).')
  outcome?: LawsuitOutcome[] | null;

  @DateRangeFilterField('Only lawsuits filed (立案) within this span.')
  filedOn?: DateRange | null;

  @DateRangeFilterField('Only lawsuits judged (or ended by settlement or withdrawal) within this span.')
  judgmentOn?: DateRange | null;

  @DateRangeFilterField('Only lawsuits whose current stage is due (dueOn) within this span.')
  dueOn?: DateRange | null;

  @BooleanFilterField(
    "true: only lawsuits past the deadline of their current stage (dueOn before the request's day); false: only the others.",
  )
  overdue?: boolean | null;

  @CreditCodeInputField('Only lawsuits naming this employer (credit code) among the defendants.', { nullable: true })
  enterprise?: string | null;

  @DisputeNosFilterField()
  disputeNos?: string[] | null;
}

@ArgsType()
export class LawsuitsArgs extends ListArgs(LawsuitFilter, 'lawsuits') {}

/**
 * The field of Lawsuit whose value each filter tests (what a filter reveals of every record it runs over).
 * All PUBLIC, sealed cases' too: no filter tests a sealed case's judgment summary or its plaintiffs.
 */
export const LAWSUIT_FILTER_FIELDS: Readonly<Record<keyof LawsuitFilter, string>> = {
  stage: 'stage',
  instance: 'caseNo',
  outcome: 'outcome',
  filedOn: 'filedOn',
  judgmentOn: 'judgmentOn',
  dueOn: 'dueOn',
  overdue: 'dueOn',
  enterprise: 'defendants',
  disputeNos: 'disputeNo',
};
