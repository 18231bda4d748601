import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { Role, type Principal } from '@labour/shared';
import { GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';

/** How big one operation may be: nesting, aliases, estimated cost, directives, and lexical tokens. */
export interface OperationLimits {
  depth: number;
  aliases: number;
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
  staff: { depth: 12, aliases: 30, cost: 20_000, directives: 20, tokens: 6_000 },
  analyst: { depth: 7, aliases: 10, cost: 5_000, directives: 10, tokens: 2_000 },
};

/** Analyst limits for analysts (and, to be safe, for a request without a principal). */
export function limitsFor(principal: Principal | null): OperationLimits {
  const staff = principal?.roles.some((role) => role !== Role.ANALYST) ?? false;
  return staff ? OPERATION_LIMITS.staff : OPERATION_LIMITS.analyst;
}

function refusal(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}

/**
 * Checks one operation against the limits with graphql-armor's validation rules and graphql-js's
 * token limit; returns the first violation as a client error, or null.
 */
export function checkOperation(schema: GraphQLSchema, source: string | undefined, document: DocumentNode, limits: OperationLimits): GraphQLError | null {
  if (source !== undefined) {
    try {
      parse(source, { maxTokens: limits.tokens, noLocation: true });
    } catch (error) {
      if (error instanceof GraphQLError) return refusal(error);
      throw error;
    }
  }
  try {
    const errors = validate(schema, document, [
      maxDepthRule({ n: limits.depth, exposeLimits: true }),
      maxAliasesRule({ n: limits.aliases, exposeLimits: true }),
      costLimitRule({ maxCost: limits.cost, exposeLimits: true }),
      maxDirectivesRule({ n: limits.directives, exposeLimits: true }),
    ]);
    return errors[0] ? refusal(errors[0]) : null;
  } catch (error) {
    // graphql-armor's rules throw their first rejection rather than report it.
    if (error instanceof GraphQLError) return refusal(error);
    throw error;
  }
}
