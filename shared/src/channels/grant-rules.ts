import type { Department } from '../context/principal';
import type { Violation } from '../errors/app-errors';
import { DataClass } from '../permissions/data-class';
import { FIELD_CATALOGUE, lookUpField, type FieldCatalogue } from './field-catalogue';
import { SCOPE_KINDS, type ScopeKind } from './scope-catalogue';

/** What a channel may name: only fields whose class makes another department's access depend on a channel. */
const GRANTABLE: ReadonlySet<DataClass> = new Set([DataClass.SHARED, DataClass.PERSONAL]);

function refusal(provider: Department, typeName: string, fieldName: string, dataClass: DataClass | null): string | null {
  if (dataClass !== null && GRANTABLE.has(dataClass)) return null;
  if (dataClass === DataClass.RESTRICTED) return `is RESTRICTED: ${typeName}.${fieldName} never leaves ${provider}`;
  if (dataClass === DataClass.PUBLIC)
    return `is PUBLIC: every department reads ${typeName}.${fieldName} already, there is nothing to grant`;
  return `has no data class: only SHARED or PERSONAL fields can be granted`;
}

/**
 * Checks the grants of a channel against the field catalogue of its provider: every type must be one of
 * the provider's, every field one of that type's and SHARED or PERSONAL; nothing named twice. Violations
 * name `grants[i].typeName` or `grants[i].fields[j]` and the rule.
 */
export function grantViolations(
  provider: Department,
  grants: ReadonlyArray<{ typeName: string; fields: readonly string[] }>,
  catalogue: FieldCatalogue = FIELD_CATALOGUE,
): Violation[] {
  const violations: Violation[] = [];
  const seenTypes = new Set<string>();
  grants.forEach((grant, i) => {
    if (seenTypes.has(grant.typeName)) {
      violations.push({ field: `grants[${i}].typeName`, rule: `names ${grant.typeName} again: list each type's fields once` });
      return;
    }
    seenTypes.add(grant.typeName);
    if (!Object.hasOwn(catalogue[provider] ?? {}, grant.typeName)) {
      violations.push({ field: `grants[${i}].typeName`, rule: `is not a type of ${provider}'s schema` });
      return;
    }
    const seenFields = new Set<string>();
    grant.fields.forEach((fieldName, j) => {
      const field = `grants[${i}].fields[${j}]`;
      const found = lookUpField(provider, grant.typeName, fieldName, catalogue);
      if (seenFields.has(fieldName)) violations.push({ field, rule: `names ${fieldName} twice` });
      else if (found.found !== 'field') violations.push({ field, rule: `is not a field of ${grant.typeName} in ${provider}'s schema` });
      else {
        const rule = refusal(provider, grant.typeName, fieldName, found.dataClass);
        if (rule) violations.push({ field, rule });
      }
      seenFields.add(fieldName);
    });
  });
  return violations;
}

/** Consumers: other departments only, each once. */
export function consumerViolations(provider: Department, consumers: readonly Department[]): Violation[] {
  const violations: Violation[] = [];
  consumers.forEach((consumer, k) => {
    const field = `consumers[${k}]`;
    if (consumer === provider) violations.push({ field, rule: `is the provider: ${provider} reads its own fields without a channel` });
    else if (consumers.indexOf(consumer) !== k) violations.push({ field, rule: `names ${consumer} twice` });
  });
  return violations;
}

/**
 * The scope: one of the provider's scope kinds (scope-catalogue.ts), covering every granted type, so that
 * each field is granted only for the records the channel's purpose covers. Violations name `scope` or
 * `grants[i].typeName` and the rule. A type the provider does not have is left to grantViolations.
 */
export function scopeViolations(
  provider: Department,
  scope: string | null,
  grants: ReadonlyArray<{ typeName: string }>,
  kinds: readonly ScopeKind[] = SCOPE_KINDS,
): Violation[] {
  const own = kinds.filter((kind) => kind.provider === provider).map((kind) => kind.name);
  if (scope === null)
    return [{ field: 'scope', rule: `is missing: a channel must name one of ${provider}'s scope kinds (${own.join(', ')})` }];
  const kind = kinds.find((k) => k.name === scope);
  if (!kind) return [{ field: 'scope', rule: `is no scope kind: ${provider}'s are ${own.join(', ')}` }];
  if (kind.provider !== provider)
    return [{ field: 'scope', rule: `is a scope kind of ${kind.provider}: ${provider}'s are ${own.join(', ')}` }];
  const violations: Violation[] = [];
  grants.forEach((grant, i) => {
    if (!kind.types.includes(grant.typeName) && Object.hasOwn(FIELD_CATALOGUE[provider] ?? {}, grant.typeName)) {
      violations.push({ field: `grants[${i}].typeName`, rule: `is not covered by scope ${scope}, which covers ${kind.types.join(', ')}` });
    }
  });
  return violations;
}
