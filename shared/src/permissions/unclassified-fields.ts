import { isObjectType, type GraphQLSchema } from 'graphql';
import { classificationOf } from './data-class';

/** Types federation and GraphQL add, and the Mutation root (writes have their own rule). */
const NOT_OURS = /^(__|_Service$|_Entity$|_Any$|link__|federation__|Mutation$)/;
const FEDERATION_ROOT_FIELDS = new Set(['Query._entities', 'Query._service']);

/** `Type.field` of every field of a subgraph schema that declares no data class. */
export function unclassifiedFields(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || NOT_OURS.test(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const path = `${type.name}.${field.name}`;
      if (!FEDERATION_ROOT_FIELDS.has(path) && !classificationOf(field)) missing.push(path);
    }
  }
  return missing;
}
