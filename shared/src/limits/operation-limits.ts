import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { Role, type Principal } from '../context/principal';
import { mergedFetchParts } from '../federation/merged-fetch';
import { costRefusal, estimatedCost } from './estimated-cost';

/** How big one operation may be: nesting, aliases, estimated cost (see estimated-cost.ts), directives, and lexical tokens. */
export interface OperationLimits {
  depth: number;
  aliases: number;
  /** The budget for the estimated cost: fields times the items of the lists they are under. */
  cost: number;
  directives: number;
  tokens: number;
}

/**
 * Department staff and systems run the merged views (a meeting's agenda with four departments'
 * cases, about nine levels deep); analysts write their own queries against aggregated data, so theirs
 * are held tighter.
 */
export const OPERATION_LIMITS: Readonly<Record<'staff' | 'analyst', OperationLimits>> = {
  staff: { depth: 12, aliases: 30, cost: 100_000, directives: 20, tokens: 6_000 },
  analyst: { depth: 7, aliases: 10, cost: 20_000, directives: 10, tokens: 2_000 },
};

/**
 * The budget of an operation that reads only the schema (`__schema`, `__type`): the schema is the same
 * for every role, so reading it is priced the same for everyone, at the staff's budget. A client's full
 * introspection query (GraphiQL's docs, code generators) is estimated at about 50,000, over the
 * analysts' budget; a cyclic introspection query nesting lists deeper is still refused.
 */
export const INTROSPECTION_BUDGET = OPERATION_LIMITS.staff.cost;

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

/** True when the operation's root selects nothing but introspection fields (fragments followed). */
function introspectionOnly(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation || operation.operation !== 'query') return false;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const seen = new Set<string>();
  const only = (selections: SelectionSetNode): boolean =>
    selections.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return only(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return fragment !== undefined;
      seen.add(fragment.name.value);
      return only(fragment.selectionSet);
    });
  return only(operation.selectionSet);
}

/**
 * A subgraph checks what reaches it directly by the same rules, with room for the gateway's fetches:
 * the gateway has checked the client's operation with assumed list sizes, and an `_entities` fetch
 * carries the real ones, so its cost may run past the client's estimate.
 */
export function subgraphLimits(limits: OperationLimits): OperationLimits {
  return { ...limits, depth: limits.depth + 2, cost: limits.cost * 10 };
}

/** Analyst limits for analysts (and, to be safe, for a request without a principal). */
export function limitsFor(principal: Principal | null): OperationLimits {
  const staff = principal?.roles.some((role) => role !== Role.ANALYST) ?? false;
  return staff ? OPERATION_LIMITS.staff : OPERATION_LIMITS.analyst;
}

/** Which of the limits a refusal is about, for clients to explain it (the console's query explorer). */
export type LimitName = 'depth' | 'aliases' | 'directives' | 'tokens';

/**
 * A refusal by one of the limits as a client error: the library's message, and in `extensions` which
 * limit (`limit`), its figure for the caller (`maxAllowed`) and, when the message gives it, what the
 * operation has (`found`), so that a client need not read figures out of the message.
 */
function refusal(error: GraphQLError, limits: OperationLimits): GraphQLError {
  const limit: LimitName | undefined = /depth/i.test(error.message)
    ? 'depth'
    : /alias/i.test(error.message)
      ? 'aliases'
      : /directive/i.test(error.message)
        ? 'directives'
        : /token/i.test(error.message)
          ? 'tokens'
          : undefined;
  const found = /found (\d+)/i.exec(error.message)?.[1];
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: {
      code: 'GRAPHQL_VALIDATION_FAILED',
      ...(limit ? { limit, maxAllowed: limits[limit] } : {}),
      ...(found ? { found: Number(found) } : {}),
      http: { status: 400 },
    },
  });
}

/**
 * Checks one operation against the limits with graphql-js's token limit, graphql-armor's validation
 * rules and the estimated cost; returns the first violation as a client error, or null. Nothing has been
 * fetched when it refuses. With `mergedFetches` (at a subgraph, which the gateway's merged fetches
 * reach), a merged operation of fetches (federation/merged-fetch.ts) is checked fetch by fetch, each as it would have been sent alone (its tokens against the limit times
 * the fetches): merging never makes the gateway's fetches refused where each alone would pass.
 */
export function checkOperation(
  schema: GraphQLSchema,
  source: string | undefined,
  document: DocumentNode,
  limits: OperationLimits,
  request: { variables?: Record<string, unknown>; operationName?: string | null } = {},
  options: { mergedFetches?: boolean } = {},
): GraphQLError | null {
  const parts = options.mergedFetches ? mergedFetchParts(document, request.variables) : undefined;
  if (source !== undefined) {
    const refused = kept(document, `tokens ${limits.tokens * (parts?.length ?? 1)}`, () => {
      try {
        parse(source, { maxTokens: limits.tokens * (parts?.length ?? 1), noLocation: true });
        return null;
      } catch (error) {
        if (error instanceof GraphQLError) return refusal(error, limits);
        throw error;
      }
    });
    if (refused) return copyOf(refused);
  }
  if (!parts) return checkDocument(schema, document, limits, request.variables, request.operationName);
  for (const part of parts) {
    const refused = checkDocument(schema, part.document, limits, part.variables, undefined);
    if (refused) return refused;
  }
  return null;
}

function checkDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  limits: OperationLimits,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
): GraphQLError | null {
  try {
    const refused = kept(document, `rules ${limits.depth} ${limits.aliases} ${limits.directives}`, () => {
      const errors = validate(schema, document, [
        maxDepthRule({ n: limits.depth, exposeLimits: true }),
        maxAliasesRule({ n: limits.aliases, exposeLimits: true }),
        maxDirectivesRule({ n: limits.directives, exposeLimits: true }),
      ]);
      return errors[0] ? refusal(errors[0], limits) : null;
    });
    if (refused) return copyOf(refused);
    // The estimate depends on the variables (list sizes, representations), kept per document for the same ones.
    const cost = kept(document, `cost ${operationName ?? ''} ${JSON.stringify(variables ?? {})}`, () =>
      estimatedCost(schema, document, variables, operationName),
    );
    const budget = introspectionOnly(document, operationName) ? Math.max(limits.cost, INTROSPECTION_BUDGET) : limits.cost;
    return cost > budget ? costRefusal(cost, budget) : null;
  } catch (error) {
    // graphql-armor's rules throw their first rejection rather than report it.
    if (error instanceof GraphQLError) return refusal(error, limits);
    throw error;
  }
}

/** Each refusal its own error object: a kept one is never handed to two requests. */
const copyOf = (error: GraphQLError) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions } });

/**
 * What has been worked out about a document, by question: Apollo Server parses each distinct operation
 * text once and hands the same DocumentNode to every request that sends it (and a subgraph sees the
 * gateway's few fetch texts over and over), so each check runs once per document, not per request. At
 * most KEPT_PER_DOCUMENT answers per document (estimates for many different variables).
 */
const KEPT_PER_DOCUMENT = 64;
const answers = new WeakMap<DocumentNode, Map<string, unknown>>();

function kept<T>(document: DocumentNode, question: string, work: () => T): T {
  let known = answers.get(document);
  if (!known) answers.set(document, (known = new Map()));
  if (known.has(question)) return known.get(question) as T;
  const answer = work();
  if (known.size >= KEPT_PER_DOCUMENT) known.clear();
  known.set(question, answer);
  return answer;
}
