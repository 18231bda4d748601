import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Refuses with 400 a request whose document does not say which operation to run: an `operationName`
 * that names none of its operations, or none given for a document with several.
 *
 * Apollo Server looks the operation up itself, and when it finds none it still executes, counting on
 * graphql-js's `execute` to return "Unknown operation named …", which it turns into a 400
 * OPERATION_RESOLUTION_FAILURE. That holds for a subgraph. In the gateway, `execute` is
 * @apollo/gateway's executor, whose `buildOperationContext` *throws* that error (code INVALID_GRAPHQL,
 * no HTTP status); Apollo Server answers an error thrown by execution with 500, and `maskInternalErrors`
 * hides the unknown code as INTERNAL_SERVER_ERROR. Refusing here, once the operation is resolved and
 * before anything executes, gives every service the same 400 with graphql-js's message and Apollo's code.
 */
export function operationResolutionPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}".`
            : 'Must provide operation name if query contains multiple operations.';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        },
      };
    },
  };
}
