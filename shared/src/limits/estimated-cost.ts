import { getNamedType, getNullableType, GraphQLError, isListType, isObjectType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

/**
 * What an operation is estimated to cost before anything is fetched, after the IBM GraphQL cost
 * specification's idea: every field costs 1, and what is selected under a list costs once per item the
 * list is expected to hold. How many: the `first` or `limit` the caller gives; for `_entities` the
 * representations sent; else the list's assumed size (`LIST_SIZES`, else DEFAULT_LIST_SIZE), never more
 * than the argument's default, which bounds what the list returns. A bound is the worst case, not the
 * expected size: counting every list at its default bound would price the joint meeting's own view out
 * of reach. A connection (`first` on a field returning `…Connection`) multiplies its `nodes`; a root one
 * (a department's list of its records) left at its default page counts as that full page.
 */

/** Items assumed in a list whose size no argument gives. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Assumed sizes of lists known to run longer or shorter than DEFAULT_LIST_SIZE, by `Type.field`. A wrong
 * guess costs only accuracy: the estimate decides whether to run an operation at all, never what it returns.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = Object.freeze({
  // The register: an enterprise of the zone has 10 workers on average and a few hundred at most.
  'Enterprise.workers': 50,
  // A meeting's file, looked at a few meetings at a time.
  'Query.jointMeetings': 5,
  'JointMeeting.agenda': 10,
  // Small by nature: the parties of one case, the claims of one dispute.
  'ArbitrationCase.applicants': 3,
  'MediationCase.workers': 3,
});

const SLICING_ARGUMENTS = ['first', 'limit'] as const;

function sizeOf({ type, field, args, node }: Pick<ComplexityEstimatorArgs, 'type' | 'field' | 'args' | 'node'>): number {
  const given = new Set(node.arguments?.map((argument) => argument.name.value));
  let bound = Number.POSITIVE_INFINITY;
  for (const name of SLICING_ARGUMENTS) {
    const value = args[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (given.has(name)) return Math.max(0, value);
    bound = Math.min(bound, Math.max(0, value));
  }
  const representations = args['representations'];
  if (field.name === '_entities' && Array.isArray(representations)) return representations.length;
  // A root list of a department's records (a connection on Query: arbitrationCases, lawsuits, enterprises …)
  // holds thousands, so a page left at its default is a full one.
  if (type.name === 'Query' && Number.isFinite(bound) && getNamedType(field.type).name.endsWith('Connection')) return bound;
  return Math.min(bound, LIST_SIZES[`${type.name}.${field.name}`] ?? DEFAULT_LIST_SIZE);
}

/** The field's cost: 1, plus what is selected under it, as often as the list (or the connection it pages) holds items. */
function estimate(options: ComplexityEstimatorArgs): number {
  const { type, field, childComplexity } = options;
  const returns = getNullableType(field.type);
  if (isListType(returns)) {
    // Inside a connection, its field with `first` has counted the items already.
    if (type.name.endsWith('Connection')) return 1 + childComplexity;
    return 1 + sizeOf(options) * childComplexity;
  }
  const named = getNamedType(returns);
  if (isObjectType(named) && named.name.endsWith('Connection')) return 1 + sizeOf(options) * childComplexity;
  return 1 + childComplexity;
}

/**
 * The estimated cost of the operation `operationName` (or the only one) of `document`, with its
 * variables; GraphQLError when the document cannot be estimated (e.g. more fields than the library's
 * node limit, which a fragment explosion would reach).
 */
export function estimatedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    ...(operationName ? { operationName } : {}),
    estimators: [estimate],
  });
}

/** The refusal of an operation over its budget: both figures, so that the caller can see how far off it is. */
export function costRefusal(estimated: number, allowed: number): GraphQLError {
  return new GraphQLError(
    `This operation is estimated to cost ${estimated}, over the ${allowed} allowed for your role: ask for fewer items (\`first\`) or fewer nested lists.`,
    { extensions: { code: 'COST_ESTIMATED_TOO_EXPENSIVE', estimatedCost: estimated, maxCost: allowed, http: { status: 400 } } },
  );
}
