import type { EntityManager } from '@mikro-orm/postgresql';
import { Args, ArgsType, Ctx, Field, Int, Query, Resolver, type ClassType } from 'type-graphql';
import { Role, type BaseRequestContext, type Department, type Principal } from '../context';
import { BadUserInputError, ForbiddenError } from '../errors';
import { isIsoDate } from '../legal-clock';
import { bounded, listBound, sizeWithin } from '../pagination/list-bound';
import { Public } from '../permissions/data-class';
import { DateScalar } from '../scalars';
import { RiskSignal, RiskSignalColumns, RiskSignalKind, signalColumns } from './risk-signal';

/**
 * How many enterprises' signals a signal query returns: the 100 heaviest unless `limit` says otherwise.
 * The suggested agenda asks for the maximum, as it ranks the sums over all departments.
 */
export const RISK_SIGNALS_BOUND = listBound(100, 100_000, 'limit');

/** The window and size of a department's signal query. */
@ArgsType()
export class RiskSignalArgs {
  @Field(() => DateScalar, { description: 'Count cases from this day on (e.g. 90 days ago) (统计起始日).' })
  since: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the signals are computed as of, for expiry (默认今日, China time).' })
  asOf?: string | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: RISK_SIGNALS_BOUND.default,
    description: `Only the signals of the N enterprises with the highest weight in this department, N from 1 to ${RISK_SIGNALS_BOUND.max}; ${RISK_SIGNALS_BOUND.default} when omitted or null.`,
  })
  limit?: number | null;
}

/** What a department's signal computation receives; `asOf` already defaulted to today. */
export interface RiskSignalWindow {
  since: string;
  asOf: string;
  /** How many enterprises to keep; null (only for the union's own agenda, never from a caller): all. */
  limit: number | null;
}

/**
 * Signal queries are aggregates (counts and bands, data class PUBLIC), but they exist for the joint
 * meeting's tooling: COORDINATOR, SERVICE and ADMIN principals of any department may call them.
 */
export function assertRiskSignalReader(principal: Principal): void {
  if (!principal.roles.some((role) => role === Role.COORDINATOR || role === Role.SERVICE || role === Role.ADMIN)) {
    throw new ForbiddenError('Risk signals are for COORDINATOR, SERVICE or ADMIN principals');
  }
}

/** The window the signals are counted over: `since` … `asOf`, which is the request's day unless given. */
export function riskSignalWindow(args: RiskSignalArgs, today: string): RiskSignalWindow {
  const asOf = args.asOf ?? today;
  if (!isIsoDate(args.since)) throw new BadUserInputError({ field: 'since', rule: 'must be a date written YYYY-MM-DD' });
  if (args.since > asOf) throw new BadUserInputError({ field: 'since', rule: 'must not be after asOf' });
  return { since: args.since, asOf, limit: sizeWithin(RISK_SIGNALS_BOUND, args.limit) };
}

/** Each kind's place in `localeCompare` order, so that sorting by kind compares two numbers. */
const KIND_ORDER = new Map(
  Object.values(RiskSignalKind)
    .sort((a, b) => a.localeCompare(b))
    .map((kind, index) => [kind as string, index]),
);

/**
 * Keeps the signals of the `limit` enterprises with the highest total weight (ties by credit code), in
 * that order; every signal of a kept enterprise stays, heaviest first, then by kind.
 */
export function topEnterprises(signals: RiskSignal[], limit: number | null): RiskSignal[] {
  const totals = new Map<string, number>();
  for (const signal of signals) totals.set(signal.creditCode, (totals.get(signal.creditCode) ?? 0) + signal.weight);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = new Map((limit === null ? ranked : ranked.slice(0, limit)).map(([code], index) => [code, index]));
  const placed: Array<{ place: number; kind: number; signal: RiskSignal }> = [];
  for (const signal of signals) {
    const place = kept.get(signal.creditCode);
    if (place !== undefined) placed.push({ place, kind: KIND_ORDER.get(signal.kind) ?? -1, signal });
  }
  return placed.sort((a, b) => a.place - b.place || b.signal.weight - a.signal.weight || a.kind - b.kind).map((p) => p.signal);
}

export interface RiskSignalResolverOptions {
  /** The root query's name, unique in the supergraph: `hrBureauRiskSignals`, `unionRiskSignals` … */
  queryName: string;
  /** The root query answering the same signals as columns: `hrBureauRiskSignalColumns` … */
  columnsQueryName: string;
  department: Department;
  /** Computes the department's signals with one aggregate SQL statement (see each subgraph's `risk/`). */
  compute: (em: EntityManager, window: RiskSignalWindow) => Promise<RiskSignal[]>;
}

type RiskSignalContext = BaseRequestContext & { em: EntityManager; today: string };

/**
 * The resolver of a subgraph's own signal queries, one answering objects and one columns, with the same
 * arguments, guard and data class; list the class it returns in the subgraph's schema.
 */
export function createRiskSignalResolver(options: RiskSignalResolverOptions): ClassType {
  /** Both queries' answer: the caller checked, the window read, the department's top enterprises. */
  const topSignals = async (args: RiskSignalArgs, ctx: RiskSignalContext): Promise<RiskSignal[]> => {
    assertRiskSignalReader(ctx.principal);
    const window = riskSignalWindow(args, ctx.today);
    return topEnterprises(await options.compute(ctx.em, window), window.limit);
  };

  @Resolver()
  class RiskSignalResolver {
    @Query(() => [RiskSignal], {
      name: options.queryName,
      description: bounded(
        `Early-warning signals (事前预警信号) from ${options.department}'s records, per enterprise, highest total weight first. COORDINATOR, SERVICE or ADMIN of any department.`,
        RISK_SIGNALS_BOUND,
        "enterprises' signals",
      ),
    })
    @Public() // aggregates only; the guard is the role check below
    riskSignals(@Args() args: RiskSignalArgs, @Ctx() ctx: RiskSignalContext): Promise<RiskSignal[]> {
      return topSignals(args, ctx);
    }

    @Query(() => RiskSignalColumns, {
      name: options.columnsQueryName,
      description: bounded(
        `The same signals as \`${options.queryName}\`, in the same order, as columns (列式): what the suggested agenda asks for, as it reads every enterprise's. COORDINATOR, SERVICE or ADMIN of any department.`,
        RISK_SIGNALS_BOUND,
        "enterprises' signals",
      ),
    })
    @Public() // aggregates only; the guard is the role check below
    async riskSignalColumns(@Args() args: RiskSignalArgs, @Ctx() ctx: RiskSignalContext): Promise<RiskSignalColumns> {
      return signalColumns(options.department, await topSignals(args, ctx));
    }
  }
  return RiskSignalResolver;
}
