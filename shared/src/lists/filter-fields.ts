import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateNested } from 'class-validator';
import { Field } from 'type-graphql';
import { stacked, type FieldDecorator } from '../db/case-fields';
import { IsDisputeNo } from '../validation/identifier-rules';
import { DateRange } from './date-range';
import { AT_LEAST_ONE, DISPUTE_NOS_CAP } from './filter-uses';

/**
 * `disputeNos: [String!]` of a list's filter: only the records of these disputes (争议编号), 1 to
 * DISPUTE_NOS_CAP well-formed numbers, so that an analyst can take the dispute numbers of one department's
 * list page to another's (README "Disputes across departments"). `what` names the records.
 */
export function DisputeNosFilterField(what = 'cases'): FieldDecorator {
  return stacked(
    Field(() => [String], {
      nullable: true,
      description: `Only ${what} of these disputes (争议编号), to follow disputes across departments; 1 to ${DISPUTE_NOS_CAP}.`,
    }),
    IsOptional(),
    ArrayMinSize(1, AT_LEAST_ONE),
    ArrayMaxSize(DISPUTE_NOS_CAP, { message: `must name at most ${DISPUTE_NOS_CAP} disputes` }),
    IsDisputeNo({ each: true }),
  );
}

/**
 * A filter that takes one or more values of an enum (`status: [ArbitrationStatus!]`): a record matches when its
 * field holds any of them. An empty list is refused (BAD_USER_INPUT naming the filter) rather than matching nothing.
 */
export function AnyOfFilterField(values: () => object, description: string): FieldDecorator {
  return stacked(
    Field(() => [values()], { nullable: true, description }),
    IsOptional(),
    ArrayMinSize(1, AT_LEAST_ONE),
  );
}

/** A filter on a date column: a span of days, both ends included (DateRange), checked as it arrives. */
export function DateRangeFilterField(description: string): FieldDecorator {
  return stacked(
    Field(() => DateRange, { nullable: true, description }),
    IsOptional(),
    ValidateNested(),
  );
}
