import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../gateway-context';
import { checkOperation, limitsFor } from './operation-limits';

/** Refuses an operation over its caller's limits before the gateway plans or fetches anything. */
export function operationLimitsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, contextValue, schema }) {
          const refusal = checkOperation(schema, request.query, document, limitsFor(contextValue.principal));
          if (refusal) throw refusal;
        },
      };
    },
  };
}
