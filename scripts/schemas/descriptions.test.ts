import 'reflect-metadata';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, type GraphQLSchema } from 'graphql';
import { SUBGRAPHS } from './subgraph-list';

/** Types and fields that federation or GraphQL itself adds; their descriptions are not ours to write. */
const FOREIGN = /^(__|_Service$|_Entity$|_Any$|link__|federation__|join__|Query\._entities(\(|$)|Query\._service(\(|$)|_Service\.)/;

function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (path: string, description: string | null | undefined) => {
    if (!FOREIGN.test(path) && !description?.trim()) missing.push(path);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (FOREIGN.test(type.name) || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!['Query', 'Mutation'].includes(type.name)) check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    } else if (isUnionType(type)) {
      check(type.name, type.description);
    }
  }
  return missing;
}

describe('schema descriptions (analysts read the schema to write their queries)', () => {
  it.each(SUBGRAPHS.map((s) => [s.name, s] as const))('%s describes every type, field, argument and enum value', async (_name, listed) => {
    const schema = await (await listed.load()).buildSchema();
    expect(undescribed(schema)).toEqual([]);
  });
});
