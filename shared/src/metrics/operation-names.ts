/** The label of a request whose document named no operation (`{ … }`). */
export const ANONYMOUS_OPERATION = '<anonymous>';
/** The label of a request that never got as far as an operation: not GraphQL, not valid, or no operation resolved. */
export const UNRESOLVED_OPERATION = '<unresolved>';
/** The label of every operation name past the first `max` a service has seen, and of names too long to be one. */
export const OTHER_OPERATION = '<other>';

/** Distinct operation names a service labels by name before the rest are counted as OTHER_OPERATION. */
export const DEFAULT_MAX_OPERATION_NAMES = 200;
/** Longer names are counted as OTHER_OPERATION: a label is not a place for a client's free text. */
const MAX_NAME_LENGTH = 100;

/**
 * Operation names as metric labels, with a bounded number of distinct values: the operation's own name
 * (from the document, so a GraphQL name: letters, digits, `_`) for the first `max` names seen, then
 * OTHER_OPERATION. The three special labels are in angle brackets, which no GraphQL name can hold.
 */
export class OperationNames {
  private readonly seen = new Set<string>();

  constructor(private readonly max = DEFAULT_MAX_OPERATION_NAMES) {}

  /**
   * `name` as Apollo Server resolved it: a string for a named operation, null for an anonymous one,
   * undefined when no operation was resolved.
   */
  label(name: string | null | undefined): string {
    if (name === undefined) return UNRESOLVED_OPERATION;
    if (name === null || name === '') return ANONYMOUS_OPERATION;
    if (this.seen.has(name)) return name;
    if (name.length > MAX_NAME_LENGTH || this.seen.size >= this.max) return OTHER_OPERATION;
    this.seen.add(name);
    return name;
  }
}
