/**
 * Statistics (统计指标) under disclosure control. A figure built from a department's records is given to
 * its own staff exactly; everyone else (analysts, and other departments' staff through a channel) gets
 * it disclosure-controlled: small and complementary cells suppressed, amounts rounded
 * (shared/src/indicators/disclosure.ts). The figure builders mark what they return with the view they
 * built it for; for a SHARED statistic the permission layer lets a figure reach a reader who may not see
 * it exactly only when it is marked disclosure-controlled, and fails the field otherwise.
 */

/** Exact: for the owning department's staff. Controlled: suppressed and rounded, for everyone else. */
export type StatisticView = 'exact' | 'controlled';

const VIEW = Symbol('statistic view');

/** Marks a figure object with the view it was built for (a symbol key: not part of the GraphQL answer). */
export function markStatistic<T extends object>(figure: T, view: StatisticView): T {
  Object.defineProperty(figure, VIEW, { value: view, enumerable: false });
  return figure;
}

/** The view a figure was built for, or undefined when it is not a marked figure. */
export function statisticViewOf(value: unknown): StatisticView | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as { [VIEW]?: StatisticView })[VIEW];
}
