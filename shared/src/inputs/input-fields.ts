import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, Int } from 'type-graphql';
import { stacked, type FieldDecorator } from '../db/case-fields';
import type { CaseNumberStyle } from '../ids';
import { PartyInput } from '../parties/party.input';
import { MAX_PARTIES } from '../parties/party.type';
import { DateScalar, DecimalScalar } from '../scalars';
import { IsCaseNumber, IsDisputeNo, IsUscc } from '../validation/identifier-rules';
import { MaxAmount, MinAmount, NotInFuture } from '../validation/value-rules';

/**
 * The fields the departments' inputs have in common, each one decorator for its GraphQL field and its checks,
 * so that the same kind of value is described and refused alike everywhere.
 */

/** `nullable`: the field may be left out (or null), and then none of its checks runs. */
export interface InputFieldOptions {
  nullable?: boolean;
}

function inputField(type: () => object, description: string, options: InputFieldOptions, ...checks: FieldDecorator[]): FieldDecorator {
  return options.nullable
    ? stacked(Field(type, { nullable: true, description }), IsOptional(), ...checks)
    : stacked(Field(type, { description }), ...checks);
}

/** A string of `min` (1 unless given) to `max` characters. */
export function TextInputField(description: string, max: number, options: InputFieldOptions & { min?: number } = {}): FieldDecorator {
  const min = options.min ?? 1;
  const message = min === 0 ? `must be at most ${max} characters` : `must be ${min} to ${max} characters`;
  return inputField(() => String, description, options, Length(min, max, { message }));
}

/** A new case's number in its body's style, whose year is that of the date property `yearFrom`. */
export function CaseNumberInputField(style: CaseNumberStyle, yearFrom: string, description: string): FieldDecorator {
  return inputField(() => String, description, {}, IsCaseNumber(style, yearFrom));
}

/** A dispute number (争议编号). */
export function DisputeNoInputField(description: string, options: InputFieldOptions = {}): FieldDecorator {
  return inputField(() => String, description, options, IsDisputeNo());
}

/** An enterprise's unified social credit code (统一社会信用代码). */
export function CreditCodeInputField(description: string, options: InputFieldOptions = {}): FieldDecorator {
  return inputField(() => String, description, options, IsUscc());
}

/**
 * 1 to `max` credit codes, none twice; `nouns` name one and several of the enterprises in the messages, and
 * `again` the one named twice (e.g. 'the same defendant').
 */
export function CreditCodesInputField(
  description: string,
  max: number,
  nouns: { one: string; many: string; again: string },
  options: InputFieldOptions = {},
): FieldDecorator {
  return inputField(
    () => [String],
    description,
    options,
    ArrayMinSize(1, { message: `must name at least one ${nouns.one}` }),
    ArrayMaxSize(max, { message: `must name at most ${max} ${nouns.many}` }),
    ArrayUnique(undefined, { message: `must not name ${nouns.again} twice` }),
    IsUscc({ each: true }),
  );
}

/** One natural person (PartyInput), checked field by field. */
export function PartyInputField(description: string, options: InputFieldOptions = {}): FieldDecorator {
  return inputField(() => PartyInput, description, options, ValidateNested());
}

/** 1 to MAX_PARTIES natural persons (PartyInput); `nouns` name one and several of them in the messages. */
export function PartiesInputField(
  description: string,
  nouns: { one: string; many: string },
  options: InputFieldOptions = {},
): FieldDecorator {
  return inputField(
    () => [PartyInput],
    description,
    options,
    ArrayMinSize(1, { message: `must name at least one ${nouns.one}` }),
    ArrayMaxSize(MAX_PARTIES, { message: `must name at most ${MAX_PARTIES} ${nouns.many}` }),
    ValidateNested({ each: true }),
  );
}

/** A day (the Date scalar) not later than the day of the request. */
export function PastDateInputField(description: string, options: InputFieldOptions = {}): FieldDecorator {
  return inputField(() => DateScalar, description, options, NotInFuture());
}

/** An amount (the Decimal scalar: yuan, or a percentage) of at least `min` and, if `max` is given, at most `max`. */
export function AmountInputField(description: string, min: number, options: InputFieldOptions & { max?: number } = {}): FieldDecorator {
  const atMost = options.max === undefined ? [] : [MaxAmount(options.max)];
  return inputField(() => DecimalScalar, description, options, MinAmount(min), ...atMost);
}

/** One value of an enum registered as `name`; a value outside it is refused naming the enum. */
export function EnumInputField(values: object, name: string, description: string, options: InputFieldOptions = {}): FieldDecorator {
  return inputField(() => values, description, options, IsIn(Object.values(values), { message: `must be one of the ${name} values` }));
}

/** A whole number (a count of workers, say) of at least `min`, 1 unless given, and at most `max` if given. */
export function CountInputField(description: string, options: InputFieldOptions & { min?: number; max?: number } = {}): FieldDecorator {
  const min = options.min ?? 1;
  const atMost = options.max === undefined ? [] : [Max(options.max, { message: `must be at most ${options.max.toLocaleString('en-US')}` })];
  return inputField(
    () => Int,
    description,
    options,
    IsInt({ message: 'must be a whole number' }),
    Min(min, { message: min === 0 ? 'must not be negative' : `must be at least ${min}` }),
    ...atMost,
  );
}

/** The ID of a record, a UUID (of `version`, any unless given); `message` refuses anything else. */
export function IdInputField(description: string, options: { version?: '4'; message?: string } = {}): FieldDecorator {
  return inputField(() => ID, description, {}, IsUUID(options.version ?? 'all', { message: options.message ?? 'must be a UUID' }));
}

/** A yes/no condition of a list's filter: true or false keeps the records that are or are not so. */
export function BooleanFilterField(description: string): FieldDecorator {
  return Field(() => Boolean, { nullable: true, description });
}
