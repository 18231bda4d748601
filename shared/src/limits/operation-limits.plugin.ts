import type { ApolloServerPlugin } from '@apollo/server';
import type { BaseRequestContext } from '../context';
import { checkOperation, limitsFor, type OperationLimits } from './operation-limits';

/**
 * Refuses an operation over its caller's limits before anything is planned, fetched or resolved: at the
 * gateway, and again at each subgraph (`adjust`: subgraphLimits), which department systems call directly.
 * `mergedFetches` (subgraphs): the gateway's merged fetches are checked one fetch at a time.
 */
export function operationLimitsPlugin<C extends BaseRequestContext>(
  adjust: (limits: OperationLimits) => OperationLimits = (limits) => limits,
  options: { mergedFetches?: boolean } = {},
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue, schema }) {
          const refusal = checkOperation(schema, request.query, document, adjust(limitsFor(contextValue.principal)), request, options);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
