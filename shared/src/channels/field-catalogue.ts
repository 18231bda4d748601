import { isObjectType, type GraphQLSchema } from 'graphql';
import type { Department } from '../context/principal';
import { classificationOf, type DataClass } from '../permissions/data-class';
import committed from '../permissions/catalogue.json';

/** The fields of one subgraph schema by type, each with its data class (null while it has none). */
export type SubgraphCatalogue = Record<string, Record<string, DataClass | null>>;

/** Every department's catalogue: what a sharing channel of that provider may name. */
export type FieldCatalogue = Record<Department, SubgraphCatalogue>;

/** Roots, and the types federation and GraphQL add: nothing a channel could grant. */
const NOT_GRANTABLE = /^(__|_Service$|_Entity$|_Any$|link__|federation__|Query$|Mutation$|Subscription$)/;

/**
 * The catalogue of one subgraph schema: each object type (sorted by name) and its fields (in schema
 * order) with the data class declared beside them. `npm run schema:generate` writes the four of them
 * to `shared/src/permissions/catalogue.json`.
 */
export function catalogueOfSchema(schema: GraphQLSchema): SubgraphCatalogue {
  const catalogue: SubgraphCatalogue = {};
  const types = Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !NOT_GRANTABLE.test(type.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const type of types) {
    if (!isObjectType(type)) continue;
    catalogue[type.name] = Object.fromEntries(
      Object.values(type.getFields()).map((field) => [field.name, classificationOf(field)?.dataClass ?? null]),
    );
  }
  return catalogue;
}

/**
 * The committed catalogue (generated from the four subgraph schemas; a test fails when it is stale).
 * Shared code reads the departments' fields here instead of importing a subgraph.
 */
export const FIELD_CATALOGUE: Readonly<FieldCatalogue> = committed as FieldCatalogue;

/** Where a `Type.field` of a provider stands in the catalogue. */
export type CataloguedField = { found: 'no-type' } | { found: 'no-field' } | { found: 'field'; dataClass: DataClass | null };

export function lookUpField(
  provider: Department,
  typeName: string,
  fieldName: string,
  catalogue: FieldCatalogue = FIELD_CATALOGUE,
): CataloguedField {
  const type = Object.hasOwn(catalogue[provider] ?? {}, typeName) ? catalogue[provider][typeName] : undefined;
  if (!type) return { found: 'no-type' };
  if (!Object.hasOwn(type, fieldName)) return { found: 'no-field' };
  return { found: 'field', dataClass: type[fieldName] ?? null };
}
