import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './gateway-context';

/**
 * Names, in the answer's `extensions.missingDepartments`, the departments whose part of this answer is
 * missing (they could not be asked: down, timed out, breaker open), so that a client need not read every
 * error to know what it is not seeing. Absent when every department answered.
 */
export function missingDepartmentsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || contextValue.missingDepartments.size === 0) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, missingDepartments: [...contextValue.missingDepartments].sort() };
        },
      };
    },
  };
}
