import {
  DateRange,
  DateScalar,
  IsUscc,
  NotBefore,
  NotInFuture,
  VersionField,
  AnyOfFilterField,
  DateRangeFilterField,
  ListArgs,
} from '@labour/shared';
import { IsIn, IsOptional, Length } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { EnterpriseListFilter } from '../lists/list-filters';
import { InspectionKind, InspectionStatus } from './inspection.entity';

@InputType({ description: 'A labour-security inspection to record (监察检查).' })
export class CreateLaborInspectionInput {
  @Field({ description: 'Inspection number (监察编号), 1 to 40 characters.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  inspectionNo: string;

  @Field({ description: 'Credit code of the inspected enterprise, which must be in the file.' })
  @IsUscc()
  enterpriseCreditCode: string;

  @Field(() => InspectionKind, { description: 'Why the inspection took place.' })
  @IsIn(Object.values(InspectionKind), { message: 'must be one of the InspectionKind values' })
  kind: InspectionKind;

  @Field(() => DateScalar, { description: 'Date of the inspection; not in the future.' })
  @NotInFuture()
  inspectedOn: string;

  @Field({ description: 'What the inspectors found.' })
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
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
  @Field({ description: 'Inspection number.' })
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  inspectionNo: string;

  @VersionField()
  version: number;

  @Field(() => String, { nullable: true, description: 'New findings text.' })
  @IsOptional()
  @Length(1, 4000, { message: 'must be 1 to 4000 characters' })
  findings?: string;

  @Field(() => InspectionStatus, { nullable: true, description: 'New stage: OPEN → RECTIFYING → CLOSED, or OPEN → CLOSED.' })
  @IsOptional()
  @IsIn(Object.values(InspectionStatus), { message: 'must be one of the InspectionStatus values' })
  status?: InspectionStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Closing date; required when the status becomes CLOSED.' })
  @IsOptional()
  @NotInFuture()
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

  @Field(() => Boolean, { nullable: true, description: 'Only inspections that found (true) or did not find (false) a violation.' })
  violationFound?: boolean | null;

  @DateRangeFilterField('Only inspections carried out (检查日期) within this span.')
  inspectedOn?: DateRange | null;

  @DateRangeFilterField('Only inspections whose rectification deadline (整改期限) is within this span.')
  rectificationDueOn?: DateRange | null;

  @DateRangeFilterField('Only inspections closed (结案日期) within this span.')
  closedOn?: DateRange | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only inspections whose rectification (RECTIFYING) is past its deadline, as `overdue`; false: only the others.',
  })
  overdue?: boolean | null;
}

@ArgsType()
export class LaborInspectionsArgs extends ListArgs(LaborInspectionFilter, 'inspections') {}
