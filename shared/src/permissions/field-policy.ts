import { getNamedType, GraphQLID, GraphQLString, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { classificationOf, type FieldClassification, type MaskKind } from './data-class';
import { recordRuleOf } from './record-rule';

/**
 * Properties that name the record a field belongs to in the access log, most specific first: case
 * numbers, an enterprise's credit code, a person's personRef, the business numbers of the other
 * records; else the internal id.
 */
const SUBJECT_KEYS = [
  'caseNo',
  'creditCode',
  'personRef',
  'alertNo',
  'reportNo',
  'inspectionNo',
  'contractNo',
  'aidNo',
  'consultationNo',
  'suggestionNo',
  'code',
  'disputeNo',
  'id',
] as const;

/** Everything the permission layer needs about one field, worked out once when the schema is built. */
export interface FieldPolicy {
  typeName: string;
  fieldName: string;
  /** `Type.field`, as sharing channels name it. */
  path: string;
  classification: FieldClassification | undefined;
  /**
   * How a MASKED value is shown: a MaskKind for string fields; `hide` (null) for any other type;
   * `statistic` for a SHARED statistic, which its builder disclosure-controlled (statistic.ts).
   */
  mask: MaskKind | 'hide' | 'statistic';
  /** Where to find the record's key on the parent object, in order of preference. */
  subjectKeys: readonly string[];
  /** The record rule of the field's type (record-rule.ts): whether the parent record is sealed. */
  sealedWhen: ((record: unknown) => boolean) | undefined;
  /** Whether the field's objects belong to its record (`nested` of the type's rule): sealed with it. */
  nestedInRecord: boolean;
}

/** The policy of one field of an object type. */
export function fieldPolicy(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): FieldPolicy {
  const classification = classificationOf(field);
  const named = getNamedType(field.type);
  const textual = named === GraphQLString || named === GraphQLID;
  const fields = type.getFields();
  const declared = SUBJECT_KEYS.filter((key) => key in fields);
  const recordRule = recordRuleOf(type);
  return {
    typeName: type.name,
    fieldName: field.name,
    path: `${type.name}.${field.name}`,
    classification,
    mask: classification?.statistic ? 'statistic' : textual ? (classification?.mask ?? 'text') : 'hide',
    // A type without any of the keys among its fields (a value object) may still carry one on its parent object.
    subjectKeys: declared.length ? declared : SUBJECT_KEYS,
    sealedWhen: recordRule?.sealedWhen,
    nestedInRecord: recordRule?.nested.includes(field.name) ?? false,
  };
}

/** The key of the record a field is read from, for the access log; null when the parent carries none. */
export function subjectKeyOf(parent: unknown, keys: readonly string[]): string | null {
  if (parent === null || typeof parent !== 'object') return null;
  const record = parent as Record<string, unknown>;
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return null;
}
