import type { EntityManager } from '@mikro-orm/postgresql';
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import { scopeKindsOf, type ScopeKind } from '../channels/scope-catalogue';
import type { Department } from '../context/principal';
import { recordRuleOf } from './record-rule';

/** What a scope's SQL is asked in: the channel, the consumer reading, the request's day and entity manager. */
export interface ScopeQuery {
  /** The channel's code (e.g. `UNION-JUSTICE-REFERRAL`), for kinds that depend on what was sent over it. */
  channel: string;
  /** The department reading. */
  consumer: Department;
  /** The request's day (`ctx.today`). */
  today: string;
  /** The request's entity manager (its statements count as the request's). */
  em: EntityManager;
}

/** How a scope kind decides the records of one type: by a key property, for a batch of keys at once. */
export interface ScopedRecords {
  /** The property of the record (as the resolvers hold it) that the SQL is keyed by, e.g. `personRef`. */
  key: string;
  /** Of the `keys` read in a request, those in scope: one statement for all of them. */
  inScope(keys: readonly string[], query: ScopeQuery): Promise<Iterable<string>>;
}

/** One provider's implementation of one of its scope kinds: per type of records it covers. */
export interface ScopeImplementation {
  records: Readonly<Record<string, ScopedRecords>>;
}

/** A provider's implementations of its scope kinds, by kind name. */
export type ScopeImplementations = Readonly<Record<string, ScopeImplementation>>;

/**
 * Refuses a provider's implementations that do not match the catalogue: every kind of the department
 * implemented, nothing implemented that is not one of its kinds or types, and every covered type either
 * implemented or nested (a `@RecordHolds`/`@SealedWhen` nested field) in a type that is. A subgraph that
 * fails this does not start.
 */
export function checkScopeImplementations(
  provider: Department,
  implementations: ScopeImplementations,
  schema: GraphQLSchema,
  kinds: readonly ScopeKind[] = scopeKindsOf(provider),
): void {
  const problems: string[] = [];
  for (const name of Object.keys(implementations)) {
    if (!kinds.some((kind) => kind.name === name)) problems.push(`${name} is no scope kind of ${provider}`);
  }
  for (const kind of kinds) {
    const implementation = implementations[kind.name];
    if (!implementation) {
      problems.push(`scope kind ${kind.name} has no implementation`);
      continue;
    }
    const implemented = Object.keys(implementation.records);
    for (const typeName of implemented) {
      if (!kind.types.includes(typeName)) problems.push(`${kind.name} implements ${typeName}, which it does not cover`);
    }
    for (const typeName of kind.types) {
      if (implemented.includes(typeName)) continue;
      const holders = implemented.filter((owner) => nestedTypesOf(schema, owner).has(typeName));
      if (!holders.length)
        problems.push(`${kind.name} covers ${typeName}, which it neither implements nor finds nested in a type it implements`);
    }
  }
  if (problems.length) throw new Error(`Channel scopes of ${provider}: ${problems.join('; ')}`);
}

/** The types of the objects a type's records hold (its record rule's `nested` fields). */
function nestedTypesOf(schema: GraphQLSchema, typeName: string): Set<string> {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return new Set();
  const fields = type.getFields();
  return new Set(
    (recordRuleOf(type)?.nested ?? []).map((name) => fields[name] && getNamedType(fields[name].type).name).filter((n): n is string => !!n),
  );
}

/** A PostgreSQL `text[]` literal of `values`, every element quoted (only `"` and `\` escaped): one parameter for any number of keys. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * Scoped records decided by one SQL statement per batch: `sql` gets the batch's keys as its first
 * parameter (`?::text[]`), then `params(query)`, and selects the keys in scope as column `key`.
 */
export function sqlScope(key: string, sql: string, params: (query: ScopeQuery) => unknown[] = () => []): ScopedRecords {
  return {
    key,
    async inScope(keys, query) {
      const rows = await query.em.execute<Array<{ key: string }>>(sql, [textArrayLiteral(keys), ...params(query)]);
      return rows.map((row) => row.key);
    },
  };
}
