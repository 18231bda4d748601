import {
  getNamedType,
  isIntrospectionType,
  isObjectType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { applyMiddleware, type IMiddlewareFunction, type IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, deny, rule, shield, type IRules } from 'graphql-shield';
import { Role, type Department } from '../context/principal';
import { ForbiddenError } from '../errors';
import type { ScopeKind } from '../channels/scope-catalogue';
import { checkScopeImplementations, type ScopeImplementations } from './channel-scope';
import { isCrossDepartment } from './cross-department';
import { DataClass } from './data-class';
import { fieldPolicy, type FieldPolicy } from './field-policy';
import type { GrantSource } from './grants';
import { createLookupLimiter, lookupRule, lookupTargetOf, type LookupLimit, type LookupSubjectKey } from './lookup';
import { maskValue } from './mask';
import { recordRuleOf } from './record-rule';
import { statisticViewOf } from './statistic';
import { requestAccessCache, type PermissionContext, type RequestAccess } from './request-access';
import type { FieldAccess } from './decide-field-access';
import type { OutcomeCounter } from './access-recorder';

export interface PermissionOptions {
  /** The department that owns this subgraph's data. */
  provider: Department;
  /** Which of its fields other departments may read through sharing channels. */
  grants: GrantSource;
  /** How many `@LookupBy` calls one caller may make (default 30 a minute). */
  lookupLimit?: LookupLimit;
  /** The access log's subject key of a looked-up value (an ID number's personRef); by default none. */
  lookupSubjectKey?: LookupSubjectKey;
  /**
   * The department's implementations of its channel scope kinds (its subgraph's `channel-scope/`). When
   * given, every kind of the department must be implemented, or this throws: the subgraph does not start.
   * Without them (unit tests), a scoped grant holds for no record.
   */
  scopes?: ScopeImplementations;
  /** The scope kinds `scopes` must implement; by default the department's in the catalogue (tests give their own). */
  scopeKinds?: readonly ScopeKind[];
  /** Counts the outcomes of other departments' reads (GRANTED, MASKED, DENIED) for the service's metrics; none by default. */
  outcomes?: OutcomeCounter;
}

/** A rule of the tree: a custom rule, `allow` or `deny`. */
type FieldRule = ReturnType<ReturnType<typeof rule>> | typeof allow | typeof deny;
type FieldRules = Record<string, Record<string, FieldRule>>;

/** Federation's own fields: the gateway must be able to fetch the SDL and entities; entity fields keep their rules. */
const FEDERATION_FIELDS = new Set(['Query._service', 'Query._entities', '_Service.sdl']);
// ANALYST and AUDITOR read only: neither is here.
const WRITING_ROLES: ReadonlySet<Role> = new Set([Role.CASEWORKER, Role.SERVICE, Role.COORDINATOR, Role.ADMIN]);

/**
 * graphql-shield's own `chain()` and `race()` are broken on Node 24 (see shield-node24.test.ts): only
 * custom rules, `allow` and `deny` are used here. Rules run without shield's cache (its 'strict' cache
 * hashes parent and arguments on every call); decisions are cached per request in RequestAccess.
 */
const NO_CACHE = { cache: 'no_cache' } as const;

const authenticated = rule('authenticated', NO_CACHE)((_parent, _args, ctx: PermissionContext) => ctx.principal != null);

function canWrite(ctx: PermissionContext, provider: Department | null): boolean {
  const principal = ctx.principal;
  if (!principal || !principal.roles.some((role) => WRITING_ROLES.has(role))) return false;
  return provider === null || principal.department === provider;
}

function forbidden(_error: unknown, _parent: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo): ForbiddenError {
  return new ForbiddenError(`Not allowed for your department or role: ${info.parentType.name}.${info.fieldName}`);
}

/** The shield rule of a SHARED, PERSONAL or RESTRICTED field: denied reads are refused (and logged) here. */
function readRule(policy: FieldPolicy, accessOf: (ctx: PermissionContext) => RequestAccess) {
  return rule(
    `read ${policy.path}`,
    NO_CACHE,
  )((parent, _args, ctx: PermissionContext, info: GraphQLResolveInfo) => {
    const request = accessOf(ctx);
    const allowed = (access: FieldAccess) => {
      if (access.outcome !== 'DENIED') return true;
      request.record(policy, parent, 'DENIED', null, info.path);
      return false;
    };
    // A promise only while a channel's scope is asked about this record (then cached for the middleware).
    const access = request.decide(policy, parent);
    return access instanceof Promise ? access.then(allowed) : allowed(access);
  });
}

/**
 * A SHARED, PERSONAL or RESTRICTED field: decides (as `readRule`), refuses a denied read with FORBIDDEN
 * (logged), else reads it in full, granted or masked (`readDecided`). At the root it runs after shield's
 * `readRule` allowed the read and finds the decision cached; below the root it is the only guard (shield's
 * wrapper is a promise per read). Synchronous unless a channel's scope is still being asked about the record.
 */
function readMiddleware(policy: FieldPolicy, accessOf: (ctx: PermissionContext) => RequestAccess): IMiddlewareFunction {
  return (resolve, parent, args, ctx: PermissionContext, info) => {
    const request = accessOf(ctx);
    const decided = request.decide(policy, parent);
    if (decided instanceof Promise) return decided.then((access) => readDecided(access, policy, request, resolve, parent, args, ctx, info));
    return readDecided(decided, policy, request, resolve, parent, args, ctx, info);
  };
}

/** Reads the field as decided: refused (FORBIDDEN), in full, granted or masked; another department's reads are logged. */
function readDecided(
  { outcome, channelId }: FieldAccess,
  policy: FieldPolicy,
  request: RequestAccess,
  resolve: (parent: unknown, args: unknown, ctx: PermissionContext, info: GraphQLResolveInfo) => unknown,
  parent: unknown,
  args: unknown,
  ctx: PermissionContext,
  info: GraphQLResolveInfo,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- what graphql-middleware's resolvers return
): any {
  if (outcome === 'FULL') return resolve(parent, args, ctx, info);
  if (outcome === 'DENIED') {
    request.record(policy, parent, 'DENIED', null, info.path);
    throw forbidden(null, parent, args, ctx, info);
  }
  const finish = (value: unknown) => {
    if (outcome === 'GRANTED' || outcome === 'MASKED') request.record(policy, parent, outcome, channelId, info.path);
    if (policy.mask === 'statistic') return disclosureControlled(policy, value);
    if (outcome !== 'MASKED') return value;
    return policy.mask === 'hide' ? null : maskValue(value, policy.mask);
  };
  const result = resolve(parent, args, ctx, info);
  return result instanceof Promise ? result.then(finish) : finish(result);
}

/**
 * A SHARED statistic read by anyone but the provider's staff (a channel's consumer, the provider's
 * analyst): only a figure its builder disclosure-controlled goes out. An exact one is a bug that must not
 * leak, so the field fails (INTERNAL_SERVER_ERROR to the client, the message in the service's log).
 */
function disclosureControlled(policy: FieldPolicy, value: unknown): unknown {
  if (value === null || value === undefined || statisticViewOf(value) === 'controlled') return value;
  throw new Error(`${policy.path} is a SHARED statistic, but its resolver returned a figure that is not disclosure-controlled`);
}

/**
 * Around a field whose objects belong to its record (a record rule's `nested`): marks them as the record's,
 * so that they are sealed with a sealed record and in a channel's scope with a record in it.
 */
function nestingMiddleware(policy: FieldPolicy, accessOf: (ctx: PermissionContext) => RequestAccess): IMiddlewareFunction {
  return (resolve, parent, args, ctx: PermissionContext, info) => {
    const seal = <T>(value: T): T => {
      accessOf(ctx).markNested(policy, parent, value);
      return value;
    };
    const result = resolve(parent, args, ctx, info);
    return result instanceof Promise ? result.then(seal) : seal(result);
  };
}

/** A record rule naming a field that is not there, or that holds no objects, would seal nothing: refuse it at startup. */
function checkRecordRule(type: GraphQLObjectType): void {
  for (const name of recordRuleOf(type)?.nested ?? []) {
    const field = type.getFields()[name];
    if (!field || !isObjectType(getNamedType(field.type))) {
      throw new Error(`Record rule of ${type.name}: nested field ${name} is not a field of object type`);
    }
  }
}

/**
 * Puts the department's permission layer around a subgraph schema: graphql-shield, deny by default,
 * with rules generated from the data class each field declares (looked up once, here), and a field
 * middleware that masks PERSONAL values and logs other departments' reads through `ctx.access`.
 *
 * - federation fields: `Query._service` and `_Service.sdl` allowed; `Query._entities` to any principal
 *   (the entities' fields keep their rules);
 * - `@LookupBy` Query fields (a person found by a personal value): only for who may read that value
 *   unmasked, rate-limited per caller, another department's calls logged (see lookup.ts);
 * - Query and object fields: by data class (docs/architecture.md's table); PUBLIC = any authenticated
 *   principal; a field without a class is denied to everyone. Whether there is a principal is decided
 *   once, at the root: every root field but `_service` requires one, so a PUBLIC field below the root
 *   has no rule and no middleware at all and keeps the schema's own resolver (it is read as fast as
 *   without the layer), while an unclassified one keeps shield's fallback rule (deny); a SHARED, PERSONAL
 *   or RESTRICTED field below the root has no shield rule either but one synchronous middleware that
 *   decides, refuses, masks and logs (`readMiddleware`: shield's wrapper is a promise per read);
 * - a SHARED statistic (`@Shared({ statistic: true })`) reaches a reader other than the provider's staff
 *   only as a figure its builder marked disclosure-controlled (statistic.ts);
 * - a type's record rule (`@SealedWhen`, record-rule.ts) takes the channels' grants away from the
 *   fields of its sealed records and of the objects nested in them;
 * - a channel grants a field only for the records of its scope (channel-scope.ts): a record out of the
 *   scope of every channel granting the field is read as with no channel; an object nested in a record
 *   (`@RecordHolds`, `@SealedWhen`'s `nested`) is in scope with that record;
 * - Mutation fields: a writing role (not ANALYST, not AUDITOR) of the subgraph's own department, or of any
 *   department for `@CrossDepartment()` mutations, whose resolvers check the rest;
 * - a refusal is `null` at the field's path plus a FORBIDDEN error naming the field; errors thrown by
 *   resolvers (BAD_USER_INPUT, CONFLICT …) pass through unchanged.
 */
export function applyPermissions(schema: GraphQLSchema, options: PermissionOptions): GraphQLSchema {
  if (options.scopes)
    checkScopeImplementations(
      options.provider,
      options.scopes,
      schema,
      options.scopeKinds?.filter((kind) => kind.provider === options.provider),
    );
  const accessOf = requestAccessCache(options.provider, options.grants, options.scopes, options.outcomes);
  const ownDepartmentWriter = rule('ownDepartmentWriter', NO_CACHE)((_p, _a, ctx: PermissionContext) => canWrite(ctx, options.provider));
  const anyDepartmentWriter = rule('anyDepartmentWriter', NO_CACHE)((_p, _a, ctx: PermissionContext) => canWrite(ctx, null));
  const lookupLimiter = createLookupLimiter(options.lookupLimit);
  const lookupSubjectKey = options.lookupSubjectKey ?? (() => null);
  const rules: FieldRules = {};
  const middleware: Record<string, Record<string, IMiddlewareFunction>> = {};
  const sealing: Record<string, Record<string, IMiddlewareFunction>> = {};
  /** `Type.field` of the fields that keep their own resolver: PUBLIC ones below the root, and federation's `_service`. */
  const unguarded = new Set<string>();

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    checkRecordRule(type);
    const typeRules: FieldRules[string] = {};
    for (const field of Object.values(type.getFields())) {
      const policy = fieldPolicy(type, field);
      if (policy.nestedInRecord) (sealing[type.name] ??= {})[field.name] = nestingMiddleware(policy, accessOf);
      const root = type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType();
      if (policy.path === 'Query._entities') typeRules[field.name] = authenticated;
      else if (FEDERATION_FIELDS.has(policy.path)) unguarded.add(policy.path);
      else if (type === schema.getQueryType() && lookupTargetOf(field))
        typeRules[field.name] = lookupFieldRule(schema, policy, lookupTargetOf(field)!);
      else if (type === schema.getMutationType())
        typeRules[field.name] = isCrossDepartment(field) ? anyDepartmentWriter : ownDepartmentWriter;
      else if (policy.classification?.dataClass === DataClass.PUBLIC) {
        // Below the root, a PUBLIC field is read by anyone who got there, i.e. any principal: no rule, no wrapper.
        if (root) typeRules[field.name] = authenticated;
        else unguarded.add(policy.path);
      } else if (policy.classification && !root) {
        // Below the root, a read is decided synchronously whenever it can be: no shield wrapper (async per read).
        unguarded.add(policy.path);
        (middleware[type.name] ??= {})[field.name] = readMiddleware(policy, accessOf);
      } else if (policy.classification) {
        typeRules[field.name] = readRule(policy, accessOf);
        (middleware[type.name] ??= {})[field.name] = readMiddleware(policy, accessOf);
      }
      // A field without a class has no rule: the fallback rule denies it.
    }
    if (Object.keys(typeRules).length) rules[type.name] = typeRules;
  }

  function lookupFieldRule(schema: GraphQLSchema, lookup: FieldPolicy, target: { arg: string; field: string }): FieldRule {
    const [typeName, fieldName] = target.field.split('.');
    const type = schema.getType(typeName ?? '');
    const targetField = isObjectType(type) ? type.getFields()[fieldName ?? ''] : undefined;
    if (!type || !isObjectType(type) || !targetField)
      throw new Error(`@LookupBy on Query.${lookup.fieldName} names ${target.field}, which is no field of the schema`);
    const check = lookupRule(lookup, fieldPolicy(type, targetField), target.arg, accessOf, lookupLimiter, lookupSubjectKey);
    return rule(`look up ${lookup.path}`, NO_CACHE)((parent, args, ctx: PermissionContext, info) => check(parent, args, ctx, info));
  }

  const permissions = shield(rules as IRules, {
    fallbackRule: deny,
    fallbackError: forbidden,
    allowExternalErrors: true,
  });
  // Shield puts a rule (and an async wrapper) on every field of every type, the fallback rule where none
  // is given. Only the fields that need a decision keep theirs: PUBLIC fields below the root and `_service`
  // are left out of the map, so they keep the schema's own resolver and cost nothing per read. A field
  // without a class stays in the map with the fallback rule: denied.
  const shieldMap = permissions.generate(schema) as Record<string, Record<string, unknown>>;
  for (const path of unguarded) {
    const [typeName, fieldName] = path.split('.') as [string, string];
    const typeMap = shieldMap[typeName];
    if (typeMap) delete typeMap[fieldName];
  }
  // The first middleware is the outermost: shield decides, then the read middleware masks and logs, and
  // the nesting middleware marks the objects a record's nested field returns before their fields are read.
  const fieldMiddleware = [middleware, sealing].filter((map) => Object.keys(map).length);
  return applyMiddleware(schema, shieldMap as IMiddlewareTypeMap, ...fieldMiddleware);
}
