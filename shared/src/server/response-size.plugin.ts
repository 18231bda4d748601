import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { BaseRequestContext } from '../context';
import { fetchKeysOf } from '../federation/merged-fetch';

/** How large an answer a subgraph sends by default (MAX_RESPONSE_BYTES): 8 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

const tooLarge = (bytes: number, maxBytes: number, path?: string[]) => ({
  message:
    `The answer would be ${bytes} bytes, more than the ${maxBytes} this service sends at once: ` +
    'ask for fewer items with `first` (or `limit`), page with `after`, or ask for fewer fields.',
  ...(path ? { path } : {}),
  extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes },
});

/**
 * Caps the size of a subgraph's answers. Department systems call the subgraphs directly, not only
 * through the gateway and its cost limit, so each subgraph guards itself: an answer whose JSON is longer
 * than `maxBytes` is not sent; the caller gets `data: null` and one RESPONSE_TOO_LARGE error that names
 * the limit and how to ask for less. The answer is measured as Apollo will serialize it (the JSON of the
 * result), which costs one more serialization per request; the reads it made stay in the access log.
 *
 * One of the gateway's merged fetches (root fields `f<i>_…`, several client requests of one caller) is
 * held to the limit fetch by fetch, as each would have been sent alone: only a fetch over it loses its
 * data (its root fields null, each with RESPONSE_TOO_LARGE at its path), the others keep theirs.
 */
export function responseSizePlugin(maxBytes: number): ApolloServerPlugin<BaseRequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operationName }) {
          // Subgraphs do not offer incremental delivery (@defer); only single answers are measured.
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const bytes = Buffer.byteLength(JSON.stringify(result), 'utf8');
          if (bytes <= maxBytes) return;
          const fetches = result.data ? fetchKeysOf(Object.keys(result.data)) : undefined;
          if (fetches && fetches.length > 1) return capEachFetch(result, fetches, maxBytes, contextValue, operationName ?? null);
          contextValue.logger.warn(
            { operationName: operationName ?? null, bytes, maxBytes },
            'answer too large: sent RESPONSE_TOO_LARGE instead',
          );
          response.body = { kind: 'single', singleResult: { data: null, errors: [tooLarge(bytes, maxBytes)] } };
        },
      };
    },
  };
}

/** A merged fetch's answer with every fetch over the limit withheld, the rest as they are. */
function capEachFetch(
  result: FormattedExecutionResult,
  fetches: string[][],
  maxBytes: number,
  ctx: BaseRequestContext,
  operationName: string | null,
): void {
  const data = result.data as Record<string, unknown>;
  const errors = [...(result.errors ?? [])];
  fetches.forEach((keys, fetch) => {
    const bytes = Buffer.byteLength(JSON.stringify(Object.fromEntries(keys.map((key) => [key, data[key]]))), 'utf8');
    if (bytes <= maxBytes) return;
    ctx.logger.warn({ operationName, fetch, bytes, maxBytes }, 'answer too large: sent RESPONSE_TOO_LARGE instead for one merged fetch');
    for (const key of keys) {
      data[key] = null;
      errors.push(tooLarge(bytes, maxBytes, [key]));
    }
  });
  (result as { errors?: unknown }).errors = errors;
}
