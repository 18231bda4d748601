import 'reflect-metadata';
import { DataClass, classificationOf, unclassifiedFields } from '@labour/shared';
import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  GraphQLID,
  GraphQLString,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { SUBGRAPHS } from './subgraph-list';

/** Every classified field of a subgraph schema, as `[Type.field, class, field]`. */
function classifiedFields(schema: GraphQLSchema) {
  const fields: Array<[string, DataClass, GraphQLField<unknown, unknown>]> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const classification = classificationOf(field);
      if (classification) fields.push([`${type.name}.${field.name}`, classification.dataClass, field]);
    }
  }
  return fields;
}

/**
 * The permission layer reads each field's data class from the schema (docs/architecture.md, "Identity and
 * permissions"); these are the conditions under which what it does is what a client can use.
 */
describe.each(SUBGRAPHS.map((s) => [s.name, s] as const))('data classes of %s', (_name, listed) => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await (await listed.load()).buildSchema();
  });

  it('declares a class on every field (a field without one is denied to everyone)', () => {
    expect(unclassifiedFields(schema)).toEqual([]);
  });

  it('makes every SHARED and RESTRICTED field nullable, so a denial nulls the field, not its parent', () => {
    const nonNull = classifiedFields(schema)
      .filter(([, dataClass, field]) => (dataClass === DataClass.SHARED || dataClass === DataClass.RESTRICTED) && isNonNullType(field.type))
      .map(([path, dataClass]) => `${path} (${dataClass})`);
    expect(nonNull).toEqual([]);
  });

  it('puts PERSONAL on values only, and makes those that cannot be masked as text nullable (they are masked to null)', () => {
    const wrong = classifiedFields(schema)
      .filter(([, dataClass]) => dataClass === DataClass.PERSONAL)
      .flatMap(([path, , field]) => {
        const named = getNamedType(field.type);
        if (!isLeafType(named)) return [`${path}: PERSONAL on a ${named.name} (classify the fields of ${named.name} instead)`];
        const textual = named === GraphQLString || named === GraphQLID;
        return !textual && isNonNullType(field.type) ? [`${path}: a ${named.name} is masked to null, so it must be nullable`] : [];
      });
    expect(wrong).toEqual([]);
  });
});
