import 'reflect-metadata';
import { listCapOf } from '@labour/shared';
import { buildSchema, getNullableType, isListType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { SUBGRAPHS } from './subgraph-list';

/** Federation's own: `_entities` answers the gateway's batch of representations (bounded by the body size). */
const FOREIGN = /^(__|_Service$|_Entity$|_Any$|link__|federation__|Mutation$)/;

/** Whether a field returns a list (`[T]`) or a page of one (`…Connection`). */
function isListField(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNullableType(field.type);
  return isListType(type) || (isObjectType(type) && type.name.endsWith('Connection'));
}

/**
 * `Type.field` of every list a client can ask for whose bound is missing or not stated: each must take
 * `first` or `limit` with a default and say "At most <default> … (max <max>)", or carry a fixed cap
 * (`ListCap`) and say "At most <cap>". A connection's `nodes` are bounded by its query's `first`.
 */
function unboundedLists(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || FOREIGN.test(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const path = `${type.name}.${field.name}`;
      if (path === 'Query._entities' || !isListField(field)) continue;
      if (type.name.endsWith('Connection') && field.name === 'nodes') continue;
      const description = field.description ?? '';
      const size = field.args.find((arg) => arg.name === 'first' || arg.name === 'limit');
      const cap = listCapOf(field);
      const stated = size
        ? typeof size.defaultValue === 'number' && description.includes(`At most ${size.defaultValue}`) && /\(max \d+\)/.test(description)
        : cap !== undefined && description.includes(`At most ${cap}`);
      if (!stated) missing.push(path);
    }
  }
  return missing;
}

describe('every list has a bound', () => {
  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))('%s bounds and describes every list field', async (_name, listed) => {
    const schema = await (await listed.load()).buildSchema();
    expect(unboundedLists(schema)).toEqual([]);
  });

  it('names a list without a bound, one whose bound is not described, and passes a bounded one (the check above can fail)', () => {
    const schema = buildSchema(/* GraphQL */ `
      type Query {
        open: [Int]
        "Numbers. At most 5 unless \`first\` says otherwise (max 50)."
        described(first: Int! = 5): [Int]
        undescribed(first: Int! = 5): [Int]
        page(first: Int! = 20): ThingConnection
      }
      type ThingConnection { nodes: [Int] }
    `);
    expect(unboundedLists(schema)).toEqual(['Query.open', 'Query.undescribed', 'Query.page']);
  });
});
