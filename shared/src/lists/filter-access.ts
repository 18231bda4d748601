import { isObjectType, type GraphQLSchema } from 'graphql';
import type { Department, Principal } from '../context/principal';
import { ForbiddenError } from '../errors';
import { classificationOf } from '../permissions/data-class';
import { decideFieldAccess } from '../permissions/decide-field-access';

/** One filter a caller set on a list: its argument (`filter.claimAmount`) and the field of the listed type it tests. */
export interface FilterUse {
  argument: string;
  field: string;
}

/**
 * A filter tells its caller which records hold the value it tests, so it is a read of that field on every
 * record of the list. It runs only for a caller who reads the field in full on every record: anyone for a
 * PUBLIC field; for a SHARED, PERSONAL or RESTRICTED one, the owning department's staff (the reading roles:
 * not its analysts). A sharing channel does not open such a filter to another department: it grants the
 * values of the records its consumer reads, each within the channel's scope and each logged, not a search
 * across all of them. Refused: FORBIDDEN naming the argument, before any statement runs.
 */
export function refuseUnreadableFilters(
  schema: GraphQLSchema,
  typeName: string,
  provider: Department,
  principal: Principal | null,
  used: readonly FilterUse[],
): void {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of this schema`);
  for (const { argument, field } of used) {
    const declared = type.getFields()[field];
    if (!declared) throw new Error(`${typeName}.${field}, which ${argument} filters on, is not in the schema`);
    const classification = classificationOf(declared);
    // No grants: a channel never opens a filter (above).
    if (decideFieldAccess(principal, provider, classification, `${typeName}.${field}`, new Map()).outcome === 'FULL') continue;
    throw new ForbiddenError(
      `${argument} filters on ${typeName}.${field}, which is ${classification?.dataClass ?? 'unclassified'}: ` +
        `only ${provider}'s staff may filter on it (filters on PUBLIC fields are open to every caller)`,
      { field: argument },
    );
  }
}
