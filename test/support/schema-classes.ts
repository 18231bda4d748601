import { classificationOf, DataClass } from '@labour/shared';
import { isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';

/** `Type.field: CLASS` (with its mask, and NON_NULL when it cannot be null) of every field of the schema whose data class is not PUBLIC, sorted. */
export function nonPublicFields(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    for (const field of Object.values(type.getFields())) {
      const classification = classificationOf(field);
      if (classification && classification.dataClass !== DataClass.PUBLIC) {
        const nullability = isNonNullType(field.type) ? ' NON_NULL' : '';
        found.push(
          `${type.name}.${field.name}: ${classification.dataClass}${classification.mask ? `(${classification.mask})` : ''}${nullability}`,
        );
      }
    }
  }
  return found.sort();
}
