import { ArrayType } from '@mikro-orm/core';
import { Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field } from 'type-graphql';
import { capped, ListCap } from '../pagination/list-bound';
import { MAX_PARTIES, Party } from '../parties/party.type';
import { Public, Shared } from '../permissions/data-class';
import { DateScalar, DecimalScalar } from '../scalars';

// The target is any entity or type class: `object` would not take MikroORM's decorators, typed by their entity.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FieldDecorator = (target: any, property: string) => void;

/** Applies decorators in the order they would be written above the property (the lowest first, as TypeScript does). */
export function stacked(...decorators: FieldDecorator[]): FieldDecorator {
  return (target, property) => {
    for (let i = decorators.length - 1; i >= 0; i--) decorators[i]!(target, property);
  };
}

/** Characters of a case number (案号), a record's own or the one of the case it follows from. */
const CASE_NUMBER_LENGTH = 60;

/**
 * A case record's case number (案号): its key, PUBLIC, unique, up to 60 characters. `description` gives its
 * department's form, e.g. 'Case number (案号), e.g. 京开劳人仲字〔2026〕第0123号.'. The same as writing
 * `@Field({ description })`, `@Public()`, `@Property({ length: 60 })` and `@Unique()`.
 */
export function CaseNumberField(description: string): FieldDecorator {
  return stacked(
    Field(() => String, { description }),
    Public(),
    Property({ length: CASE_NUMBER_LENGTH }),
    Unique<Record<string, unknown>, string>(),
  );
}

/**
 * The case number (案号) of the case a record follows from, at this or another department (the mediation it
 * confirms, the decision it enforces, the arbitration before the suit): PUBLIC, indexed, as long as a case number.
 * The same as `@StringField(description, Public(), { length: 60, index: true })`.
 */
export function SourceCaseNumberField(description: string): FieldDecorator {
  return StringField(description, Public(), { length: CASE_NUMBER_LENGTH, index: true });
}

/**
 * The dispute number (争议编号) a case record carries, which every department handling the dispute shares:
 * PUBLIC, indexed, up to 20 characters. The same as writing `@Field({ description: 'Dispute number … })`,
 * `@Public()`, `@Property({ length: 20 })` and `@Index()`.
 */
export function DisputeNoField(): FieldDecorator {
  return stacked(
    Field(() => String, { description: 'Dispute number (争议编号) shared by every department handling the same dispute.' }),
    Public(),
    Property({ length: 20 }),
    Index<Record<string, unknown>, string>(),
  );
}

/**
 * A PUBLIC date column (`YYYY-MM-DD`, the Date scalar): filed, applied, closed … on. The same as writing
 * `@Field(() => DateScalar, { description })` (with `nullable: true` when `nullable`), `@Public()`,
 * `@Property({ type: 'date' })` (likewise nullable) and, when `index`, `@Index()`.
 */
export function PublicDateField(description: string, options: { nullable?: boolean; index?: boolean } = {}): FieldDecorator {
  const nullable = options.nullable ? { nullable: true } : {};
  return stacked(
    Field(() => DateScalar, { ...nullable, description }),
    Public(),
    Property({ type: 'date', ...nullable }),
    ...(options.index ? [Index<Record<string, unknown>, string>()] : []),
  );
}

/**
 * A record's stage (its status enum): PUBLIC and indexed. The same as writing
 * `@Field(() => Stages, { description })`, `@Public()`, `@Enum({ items: () => Stages })` and `@Index()`.
 */
export function StageField(stages: object, description = 'Stage of the case.'): FieldDecorator {
  return stacked(
    Field(() => stages, { description }),
    Public(),
    Enum({ items: () => stages as Record<string, string> }),
    Index<Record<string, unknown>, string>(),
  );
}

/**
 * How a case record ended (its outcome enum), empty while open: PUBLIC. The same as writing
 * `@Field(() => Outcomes, { nullable: true, description })`, `@Public()` and `@Enum({ items: () => Outcomes, nullable: true })`.
 */
export function CaseOutcomeField(outcomes: object, description: string): FieldDecorator {
  return stacked(
    Field(() => outcomes, { nullable: true, description }),
    Public(),
    Enum({ items: () => outcomes as Record<string, string>, nullable: true }),
  );
}

/**
 * The workers a case names (its parties), kept as JSON and at most `MAX_PARTIES`. PUBLIC as a list: each
 * Party's name and ID number are PERSONAL. `description` is followed by the cap and `why` it holds (`capped`).
 * The same as writing `@Field(() => [Party], { description: capped(…) })`, `@Public()`, `@ListCap(MAX_PARTIES)`
 * and `@Property({ type: 'json' })`.
 */
export function PartiesField(description: string, why: string): FieldDecorator {
  return stacked(
    Field(() => [Party], { description: capped(description, MAX_PARTIES, why) }),
    Public(),
    ListCap(MAX_PARTIES),
    Property({ type: 'json' }),
  );
}

/**
 * One worker a case is about, kept as JSON. PUBLIC as an object: the Party's name and ID number are PERSONAL.
 * The same as writing `@Field(() => Party, { description })`, `@Public()` and `@Property({ type: 'json' })`
 * (each with `nullable: true` when `nullable`).
 */
export function PartyField(description: string, options: { nullable?: boolean } = {}): FieldDecorator {
  const nullable = options.nullable ? { nullable: true } : {};
  return stacked(
    Field(() => Party, { ...nullable, description }),
    Public(),
    Property({ type: 'json', ...nullable }),
  );
}

/**
 * The `personRef`s of a case's parties (never in the schema), which the worker's lookup of its cases searches;
 * the entity declares the GIN index over them. The same as writing `@Property({ type: ArrayType, columnType: 'text[]' })`.
 */
export function PersonRefsColumn(): FieldDecorator {
  return Property({ type: ArrayType, columnType: 'text[]' });
}

/** The `personRef` of the one worker a case is about (never in the schema), indexed for the worker's lookup of its cases. */
export function PersonRefColumn(): FieldDecorator {
  return stacked(Property({ length: 32 }), Index<Record<string, unknown>, string>());
}

/**
 * An enterprise a record names by its unified social credit code (never in the schema): the enterprise file is
 * HR_BUREAU's, so no foreign key, only the validated code, indexed. The same as `@Property({ length: 18 })` and `@Index()`.
 */
export function CreditCodeColumn(): FieldDecorator {
  return stacked(Property({ length: 18 }), Index<Record<string, unknown>, string>());
}

/**
 * A string column in the schema, classified by `dataClass` (`Public()`, `Shared()`, `Restricted()`): `length`
 * characters at most, or unbounded `text` without one; `nullable`, and indexed or unique when asked. `refusable`
 * makes the schema field alone nullable: a reader refused a SHARED or RESTRICTED value gets null there (with a
 * FORBIDDEN error) rather than losing the whole record, while the column is always filled. The same as writing
 * `@Field(() => String, { description })`, the data class, `@Property({ length })` and `@Index()` or `@Unique()`.
 */
export function StringField(
  description: string,
  dataClass: FieldDecorator,
  options: { length?: number; nullable?: boolean; refusable?: boolean; index?: boolean; unique?: boolean } = {},
): FieldDecorator {
  const nullable = options.nullable ? { nullable: true } : {};
  return stacked(
    Field(() => String, { ...(options.refusable ? { nullable: true } : nullable), description }),
    dataClass,
    Property({ ...(options.length === undefined ? { type: 'text' } : { length: options.length }), ...nullable }),
    ...(options.index ? [Index<Record<string, unknown>, string>()] : []),
    ...(options.unique ? [Unique<Record<string, unknown>, string>()] : []),
  );
}

/**
 * A sum of money in yuan (the Decimal scalar, e.g. "1234.50": up to 13 digits before the point, 2 after), SHARED
 * and so refusable (see `StringField`): nullable in the schema, always filled in the table; indexed when `index`.
 * The same as writing `@Field(() => DecimalScalar, { nullable: true, description })`, `@Shared()`,
 * `@Property({ type: 'decimal', precision: 15, scale: 2 })` and `@Index()`.
 */
export function SharedAmountField(description: string, options: { index?: boolean } = {}): FieldDecorator {
  return stacked(
    Field(() => DecimalScalar, { nullable: true, description }),
    Shared(),
    Property({ type: 'decimal', precision: 15, scale: 2 }),
    ...(options.index ? [Index<Record<string, unknown>, string>()] : []),
  );
}
