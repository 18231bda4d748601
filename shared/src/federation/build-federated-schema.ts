import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../scalars';
import { validateInput } from '../validation';

/** Federation 2 link of every subgraph (composition 2.14 accepts v2.3 to v2.14). */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** `__resolveReference` functions by entity type name. */
export type ReferenceResolvers = Record<string, { __resolveReference: (...args: any[]) => unknown }>;

function mergeResolvers(base: Record<string, any>, extra: ReferenceResolvers): GraphQLResolverMap<unknown> {
  const merged: Record<string, any> = { ...base };
  for (const [type, fields] of Object.entries(extra)) merged[type] = { ...(merged[type] ?? {}), ...fields };
  return merged as GraphQLResolverMap<unknown>;
}

/**
 * type-graphql keeps the field list it computed for each object type on its global metadata, field
 * resolvers included. The federation key stubs (`Dispute`, `Enterprise`, `Worker`) are shared by the
 * subgraphs, so a second schema built in the same process (schema generation, end-to-end tests) would
 * inherit the first one's fields. Clearing the computed lists makes each build start from its own
 * resolvers.
 */
function forgetBuiltFields(): void {
  const storage = getMetadataStorage() as unknown as {
    objectTypes: Array<{ fields?: unknown }>;
    interfaceTypes: Array<{ fields?: unknown }>;
  };
  for (const definition of [...storage.objectTypes, ...storage.interfaceTypes]) definition.fields = undefined;
}

/**
 * type-graphql classes → a Federation 2 subgraph schema: build with type-graphql (inputs validated by
 * class-validator into BAD_USER_INPUT), print with directives, add the federation link, and build the
 * subgraph schema with the type-graphql resolvers plus the entities' reference resolvers.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'validate' | 'validateFn'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  forgetBuiltFields();
  const schema = await buildSchema({
    ...options,
    scalarsMap: [...(options.scalarsMap ?? [])],
    orphanedTypes: options.orphanedTypes,
    validateFn: validateInput,
    skipCheck: true,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const subgraph = buildSubgraphSchema([{ typeDefs, resolvers: mergeResolvers(createResolversMap(schema), referenceResolvers) }]);
  copyFieldExtensions(schema, subgraph);
  return subgraph;
}

/**
 * SDL carries no `extensions`; the data classes declared on fields (`@Shared()` …) and the record rules
 * declared on types (`@SealedWhen(…)`) travel from the type-graphql schema to the subgraph schema here,
 * where the permission layer reads them.
 */
function copyFieldExtensions(from: GraphQLSchema, to: GraphQLSchema): void {
  for (const type of Object.values(from.getTypeMap())) {
    const target = to.getType(type.name);
    if (!isObjectType(type) || !target || !isObjectType(target)) continue;
    if (type.extensions && Object.keys(type.extensions).length) {
      (target as { extensions: Record<string, unknown> }).extensions = { ...target.extensions, ...type.extensions };
    }
    const targetFields = target.getFields();
    for (const [name, field] of Object.entries(type.getFields())) {
      const copy = targetFields[name];
      if (copy && field.extensions && Object.keys(field.extensions).length) {
        (copy as { extensions: Record<string, unknown> }).extensions = { ...copy.extensions, ...field.extensions };
      }
    }
  }
}

export { DateScalar, DecimalScalar };
