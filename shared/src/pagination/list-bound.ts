import { Arg, Extensions, Int, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { BadUserInputError } from '../errors';

/**
 * Every list a subgraph answers has a bound. Lists nest (an enterprise's workers, each worker's
 * employer, its workers again …), so one unbounded list multiplies every level under it: a single
 * query made hr-bureau run out of memory. Two kinds of bound:
 *
 * - a list that grows with the records (an enterprise's workers, a district's unions, the notices) takes
 *   a `first` argument (`limit` where the query had one already) with a default and a maximum, stated in
 *   the field's description and checked here: over the maximum is BAD_USER_INPUT naming the argument;
 * - a list inside one record that its writes already keep small (a case's parties, a channel's grants)
 *   has a fixed cap (`ListCap`), stated in the description and enforced when it is read.
 *
 * Both kinds are in the schema (the default as the argument's default value, the cap as
 * `extensions.listCap`), so that a cost estimate can multiply by them.
 */
export interface ListBound {
  /** How many items when the caller does not say. */
  readonly default: number;
  /** The most a caller may ask for. */
  readonly max: number;
  /** The argument that sets it. */
  readonly argument: 'first' | 'limit';
}

export function listBound(defaultSize: number, max: number, argument: ListBound['argument'] = 'first'): ListBound {
  if (!Number.isInteger(defaultSize) || !Number.isInteger(max) || defaultSize < 1 || defaultSize > max) {
    throw new RangeError(`a list bound needs 1 <= default <= max, got ${defaultSize} and ${max}`);
  }
  return Object.freeze({ default: defaultSize, max, argument });
}

/** Connections (cursor pagination): a page of 20 unless `first` says otherwise, at most 100. */
export const PAGE_BOUND = listBound(20, 100);

/**
 * The records one subject has in a department: an enterprise's, a worker's or a dispute's cases,
 * inspections, contracts, notices; a committee's cases. In the ×20 demo zone such a list holds at most
 * 25, a town committee's cases 487.
 */
export const RECORDS_BOUND = listBound(50, 500);

/** The sentence a bounded field's description ends with; `what` names the unit when it is not the items. */
export function boundNote(bound: ListBound, what?: string): string {
  return `At most ${bound.default}${what ? ` ${what}` : ''} unless \`${bound.argument}\` says otherwise (max ${bound.max}).`;
}

/** A field's description with its bound: `bounded('Workers of …', WORKERS_BOUND)`. */
export function bounded(description: string, bound: ListBound, what?: string): string {
  return `${description} ${boundNote(bound, what)}`;
}

/** The options of a bound's argument, for an `@ArgsType` field or `@Arg`: its default is in the schema. */
export function boundArgOptions(bound: ListBound, what = 'items'): { defaultValue: number; description: string } {
  return { defaultValue: bound.default, description: `How many ${what} to return: 1 to ${bound.max}; ${bound.default} when omitted.` };
}

/** The `first` (or `limit`) argument of a list field resolver. */
export function FirstArg(bound: ListBound, what?: string): ReturnType<typeof Arg> {
  return Arg(bound.argument, () => Int, boundArgOptions(bound, what));
}

/**
 * The number of items to return: the caller's, checked against the bound, or the default when it is
 * absent (or null, for a nullable `limit` that callers may pass as null).
 */
export function sizeWithin(bound: ListBound, asked: number | null | undefined): number {
  if (asked === null || asked === undefined) return bound.default;
  if (!Number.isInteger(asked) || asked < 1 || asked > bound.max) {
    throw new BadUserInputError({ field: bound.argument, rule: `must be between 1 and ${bound.max}` });
  }
  return asked;
}

/**
 * The first items of a per-key list (a DataLoader's): the size is checked before anything is loaded,
 * the list is cut after, so one batch serves keys asked with different sizes.
 */
export async function firstOf<T>(bound: ListBound, asked: number | null | undefined, load: () => Promise<readonly T[]>): Promise<T[]> {
  const size = sizeWithin(bound, asked);
  const items = await load();
  return items.slice(0, size);
}

/** A list's description with its fixed cap and why it holds: `capped('Applicants.', 200, 'a filing names no more')`. */
export function capped(description: string, cap: number, why: string): string {
  return `${description} At most ${cap} (${why}).`;
}

/** Marks the extension a fixed cap leaves on its field (`extensions.listCap`), read by the schema checks. */
export function listCapOf(field: { extensions?: Readonly<Record<string, unknown>> | null }): number | undefined {
  return field.extensions?.['listCap'] as number | undefined;
}

/**
 * A fixed cap on a list inside a record: the field carries `extensions.listCap`, and a longer list (a
 * record written before the writes checked its size, or by hand) is cut to the cap when read.
 */
export function ListCap(cap: number): MethodDecorator & PropertyDecorator {
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`a list cap must be a positive integer, got ${cap}`);
  const cut: MiddlewareFn = async (_action, next) => {
    const value: unknown = await next();
    return Array.isArray(value) && value.length > cap ? value.slice(0, cap) : value;
  };
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Extensions({ listCap: cap })(target, key, descriptor as never);
    UseMiddleware(cut)(target, key, descriptor as never);
  };
}
