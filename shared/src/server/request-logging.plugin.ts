import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { BaseRequestContext } from '../context';

/** Logs one line per GraphQL request: operation, duration, outcome, caller; the request id comes with the logger. */
export function requestLoggingPlugin<C extends BaseRequestContext & BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors, contextValue: ctx }) {
          const durationMs = Math.round((performance.now() - started) * 10) / 10;
          const codes = errors?.map((e) => e.extensions?.['code'] ?? 'UNKNOWN');
          // Who asked is part of every request line: the gateway's and each subgraph's lines name the same caller.
          const { subject, department } = ctx.principal;
          ctx.logger.info({ operationName: operationName ?? null, durationMs, errors: codes, subject, department }, 'graphql request');
        },
      };
    },
  };
}
