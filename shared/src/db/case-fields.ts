import { Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field } from 'type-graphql';
import { Public } from '../permissions/data-class';
import { DateScalar } from '../scalars';

// The target is any entity or type class: `object` would not take MikroORM's decorators, typed by their entity.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FieldDecorator = (target: any, property: string) => void;

/** Applies decorators in the order they would be written above the property (the lowest first, as TypeScript does). */
export function stacked(...decorators: FieldDecorator[]): FieldDecorator {
  return (target, property) => {
    for (let i = decorators.length - 1; i >= 0; i--) decorators[i]!(target, property);
  };
}

/**
 * A case record's case number (案号): its key, PUBLIC, unique, up to 60 characters. `description` gives its
 * department's form, e.g. 'Case number (案号), e.g. 京开劳人仲字〔2026〕第0123号.'. The same as writing
 * `@Field({ description })`, `@Public()`, `@Property({ length: 60 })` and `@Unique()`.
 */
export function CaseNumberField(description: string): FieldDecorator {
  return stacked(
    Field(() => String, { description }),
    Public(),
    Property({ length: 60 }),
    Unique<Record<string, unknown>, string>(),
  );
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
