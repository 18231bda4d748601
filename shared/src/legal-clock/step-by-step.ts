import type { TransitionTable } from './state-machine';

/** The transitions of a process that runs through `statuses` in order: each moves on to the next only, the last is final. */
export function stepByStep<S extends string>(...statuses: readonly S[]): TransitionTable<S> {
  const table = {} as Record<S, readonly S[]>;
  statuses.forEach((status, i) => (table[status] = statuses.slice(i + 1, i + 2)));
  return table;
}
