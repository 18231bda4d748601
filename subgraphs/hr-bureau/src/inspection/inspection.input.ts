import {
  BooleanFilterField,
  CreditCodeInputField,
  DateRange,
  DateScalar,
  EnumInputField,
  NotBefore,
  PastDateInputField,
  TextInputField,
  VersionField,
  AnyOfFilterField,
  DateRangeFilterField,
  ListArgs,
} from '@labour/shared';
import { IsOptional } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { EnterpriseListFilter } from '../lists/list-filters';
import { InspectionKind, InspectionStatus } from './inspection.entity';

@InputType({ description: 'A labour-security inspection to record (监察检查).' })
export class CreateLaborInspectionInput {
  @TextInputField('Inspection number (监察编号), 1 to 40 characters.', 40)
  inspectionNo: string;

  @CreditCodeInputField('Credit code of the inspected enterprise, which must be in the file.')
  enterpriseCreditCode: string;

  @EnumInputField(InspectionKind, 'InspectionKind', 'Why the inspection took place.')
  kind: InspectionKind;

  @PastDateInputField('Date of the inspection; not in the future.')
  inspectedOn: string;

  @TextInputField('What the inspectors found.', 4000)
  findings: string;

  @Field({ description: 'Whether a violation was found; the inspection then starts in RECTIFYING.' })
  violationFound: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Deadline for rectification; required when a violation was found, not before the inspection.',
  })
  @IsOptional()
  @NotBefore('inspectedOn')
  rectificationDueOn?: string | null;
}

@InputType({ description: 'Changes to an inspection; fields left out stay as they are.' })
export class UpdateLaborInspectionInput {
  @TextInputField('Inspection number.', 40)
  inspectionNo: string;

  @VersionField()
  version: number;

  @TextInputField('New findings text.', 4000, { nullable: true })
  findings?: string;

  @EnumInputField(InspectionStatus, 'InspectionStatus', 'New stage: OPEN → RECTIFYING → CLOSED, or OPEN → CLOSED.', { nullable: true })
  status?: InspectionStatus;

  @PastDateInputField('Closing date; required when the status becomes CLOSED.', { nullable: true })
  closedOn?: string | null;
}

@InputType({
  description:
    'Which inspections to list: every condition given must hold (AND); a list condition holds for any of its values. ' +
    'Every filter tests a PUBLIC field, so every caller may use them.',
})
export class LaborInspectionFilter extends EnterpriseListFilter {
  @AnyOfFilterField(() => InspectionStatus, 'Only inspections in one of these stages.')
  status?: InspectionStatus[] | null;

  @AnyOfFilterField(() => InspectionKind, 'Only inspections of one of these kinds.')
  kind?: InspectionKind[] | null;

  @BooleanFilterField('Only inspections that found (true) or did not find (false) a violation.')
  violationFound?: boolean | null;

  @DateRangeFilterField('Only inspections carried out (检查日期) within this span.')
  inspectedOn?: DateRange | null;

  @DateRangeFilterField('Only inspections whose rectification deadline (整改期限) is within this span.')
  rectificationDueOn?: DateRange | null;

  @DateRangeFilterField('Only inspections closed (结案日期) within this span.')
  closedOn?: DateRange | null;

  @BooleanFilterField('true: only inspections whose rectification (RECTIFYING) is past its deadline, as `overdue`; false: only the others.')
  overdue?: boolean | null;
}

@ArgsType()
export class LaborInspectionsArgs extends ListArgs(LaborInspectionFilter, 'inspections') {}
