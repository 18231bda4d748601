import type { GraphQLResolveInfo } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Extensions } from 'type-graphql';
import { ForbiddenError, RateLimitedError } from '../errors';
import { DataClass, type MaskKind } from './data-class';
import type { FieldPolicy } from './field-policy';
import type { PermissionContext, RequestAccess } from './request-access';

/** What `@LookupBy` says of a root field: which argument carries a personal value, and which field holds it. */
export interface LookupTarget {
  /** The argument that carries the value, e.g. `idNumber`. */
  arg: string;
  /** The field of the record that holds the value, as `Type.field` (e.g. `Worker.idNumber`). */
  field: string;
}

/**
 * On a root Query field that finds a record by a personal value given as an argument (`worker(idNumber:)`).
 * Such a field answers "does this value belong to someone, and to whom": whoever may call it with guesses
 * learns the value the permission layer masks (an ID number has few candidates once its masked form is
 * known). So it is allowed only to a caller who may read `field` unmasked (own department, or a sharing
 * channel granting it), each call counts against the caller's lookup rate limit, and another department's
 * lookups are logged whether they are allowed or not.
 */
export const LookupBy = (target: LookupTarget) => Extensions({ lookupBy: target });

/** The `@LookupBy` target of a schema field, if it has one. */
export function lookupTargetOf(field: { extensions?: Readonly<Record<string, unknown>> | null }): LookupTarget | undefined {
  return field.extensions?.['lookupBy'] as LookupTarget | undefined;
}

/** How many lookups by personal data one caller (token subject) may make, per subgraph. */
export interface LookupLimit {
  points: number;
  durationSeconds: number;
}

export const DEFAULT_LOOKUP_LIMIT: LookupLimit = { points: 30, durationSeconds: 60 };

/** Turns a looked-up value into the access log's subject key (an ID number into its personRef); null when it cannot. */
export type LookupSubjectKey = (kind: MaskKind, value: string) => string | null;

/**
 * The shield rule of a `@LookupBy` field. Every call (every alias) takes one point of the caller's limit
 * first, so a refused caller cannot keep guessing either; then the caller must have the unmasked view of
 * the target field, decided by the same RequestAccess as a read of that field. Refusals say nothing about
 * whether the person exists: the rule runs before the resolver looks.
 */
export function lookupRule(
  lookup: FieldPolicy,
  target: FieldPolicy,
  arg: string,
  accessOf: (ctx: PermissionContext) => RequestAccess,
  limiter: RateLimiterMemory,
  subjectKeyOf: LookupSubjectKey,
) {
  return async (
    _parent: unknown,
    args: Record<string, unknown>,
    ctx: PermissionContext,
    info: GraphQLResolveInfo,
  ): Promise<boolean | Error> => {
    const principal = ctx.principal;
    if (!principal) return false;
    const request = accessOf(ctx);
    const value = args[arg];
    const kind = target.classification?.mask ?? 'text';
    const subjectKey = typeof value === 'string' ? safely(() => subjectKeyOf(kind, value)) : null;
    // Logged as a PERSONAL read of the lookup field itself (`Query.worker`), keyed by the person looked for.
    const log = (outcome: 'GRANTED' | 'DENIED', channelId: string | null) =>
      request.recordKeyed({ ...lookup, classification: { dataClass: DataClass.PERSONAL } }, subjectKey, outcome, channelId, info.path);
    try {
      await limiter.consume(principal.subject);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      log('DENIED', null);
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return new RateLimitedError(
        `Too many lookups by personal data (${info.fieldName}): at most ${limiter.points} every ${limiter.duration} s per caller; try again in ${retryAfterSeconds} s`,
        retryAfterSeconds,
      );
    }
    // No parent record: a lookup is asked of the root. A channel scoped to some records opens the lookup only
    // for a person in its scope, judged as the record it would find (keyed by the personRef of the number
    // asked for): one that is not, and one that does not exist, are refused alike.
    const asRecord = subjectKey === null ? undefined : { [target.subjectKeys[0] ?? 'id']: subjectKey };
    const { outcome, channelId } = await request.decide(target, asRecord);
    if (outcome === 'FULL') return true;
    if (outcome === 'GRANTED') {
      log('GRANTED', channelId);
      return true;
    }
    log('DENIED', null);
    return new ForbiddenError(
      `${info.parentType.name}.${info.fieldName} finds a person by ${target.path}, which your department or role may only see masked: ask the department that owns it, or for a sharing channel that grants ${target.path}`,
    );
  };
}

/** A per-subgraph limiter of lookups, in memory: each subgraph process counts its own callers. */
export function createLookupLimiter(limit: LookupLimit = DEFAULT_LOOKUP_LIMIT): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: 'person-lookup', points: limit.points, duration: limit.durationSeconds });
}

function safely(key: () => string | null): string | null {
  try {
    return key();
  } catch {
    return null; // a value that is no ID number at all: the resolver's validation refuses it
  }
}
