import type { ApolloServerPlugin } from '@apollo/server';
import type { BaseRequestContext } from '../context';

/** How large an answer a subgraph sends by default (MAX_RESPONSE_BYTES): 8 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * Caps the size of a subgraph's answers. Department systems call the subgraphs directly, not only
 * through the gateway and its cost limit, so each subgraph guards itself: an answer whose JSON is longer
 * than `maxBytes` is not sent; the caller gets `data: null` and one RESPONSE_TOO_LARGE error that names
 * the limit and how to ask for less. The answer is measured as Apollo will serialize it (the JSON of the
 * result), which costs one more serialization per request; the reads it made stay in the access log.
 */
export function responseSizePlugin(maxBytes: number): ApolloServerPlugin<BaseRequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operationName }) {
          // Subgraphs do not offer incremental delivery (@defer); only single answers are measured.
          if (response.body.kind !== 'single') return;
          const bytes = Buffer.byteLength(JSON.stringify(response.body.singleResult), 'utf8');
          if (bytes <= maxBytes) return;
          contextValue.logger.warn({ operationName: operationName ?? null, bytes, maxBytes }, 'answer too large: sent RESPONSE_TOO_LARGE instead');
          response.body = {
            kind: 'single',
            singleResult: {
              data: null,
              errors: [
                {
                  message:
                    `The answer would be ${bytes} bytes, more than the ${maxBytes} this service sends at once: ` +
                    'ask for fewer items with `first` (or `limit`), page with `after`, or ask for fewer fields.',
                  extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes },
                },
              ],
            },
          };
        },
      };
    },
  };
}
