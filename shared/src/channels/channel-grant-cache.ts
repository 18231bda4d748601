import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import { Department } from '../context/principal';
import { REQUEST_ID_HEADER } from '../logging';
import type { ChannelInForce } from './channel-grants';
import { createPollingGrantSource, type ChannelGrantSource } from './polling-grant-source';

export interface ChannelGrantCacheOptions {
  /** The union subgraph's GraphQL endpoint, where the registry answers `activeSharingGrants` (not the gateway). */
  registryUrl: string;
  /** A SERVICE token of the provider department, renewed before it expires (`createServiceTokenSource`). */
  tokenSource: () => Promise<string>;
  /** The department whose fields the channels grant: the subgraph's own. */
  provider: Department;
  /** How often to ask the registry (default 10 s). */
  refreshMs?: number;
  /** How old the last answer may be before the cache fails closed (default 30 s). */
  staleAfterMs?: number;
  /** How long one call may take (default 5 s, at most `refreshMs`). */
  requestTimeoutMs?: number;
  /** For tests: a fake `fetch`. */
  fetch?: typeof fetch;
  logger: Logger;
  now?: () => number;
  /** The day the grants are for: the service's clock (`clock.today`). */
  today?: () => string;
}

export const ACTIVE_SHARING_GRANTS = /* GraphQL */ `
  query ActiveSharingGrants($provider: Department!) {
    activeSharingGrants(provider: $provider) { code consumers grants { typeName fields } scope validFrom validUntil }
  }
`;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const responseSchema = z.object({
  data: z
    .object({
      activeSharingGrants: z.array(
        z.object({
          code: z.string().min(1),
          consumers: z.array(z.nativeEnum(Department)),
          grants: z.array(z.object({ typeName: z.string().min(1), fields: z.array(z.string().min(1)) })),
          scope: z.string().min(1).nullable(),
          validFrom: date,
          validUntil: date.nullable(),
        }),
      ),
    })
    .nullish(),
  errors: z.array(z.object({ message: z.string(), extensions: z.object({ code: z.string().optional() }).passthrough().optional() })).optional(),
});

/** Asks the registry once for the provider's channels in force; throws with the reason when it cannot. */
async function fetchActiveChannels(options: ChannelGrantCacheOptions, doFetch: typeof fetch): Promise<ChannelInForce[]> {
  const token = await options.tokenSource();
  const response = await doFetch(options.registryUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      [REQUEST_ID_HEADER]: `channel-cache-${randomUUID()}`,
    },
    body: JSON.stringify({ query: ACTIVE_SHARING_GRANTS, variables: { provider: options.provider } }),
    signal: AbortSignal.timeout(Math.min(options.requestTimeoutMs ?? 5_000, options.refreshMs ?? 10_000)),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`registry answered HTTP ${response.status} with no JSON`);
  }
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) throw new Error(`registry answered HTTP ${response.status} with an unexpected body: ${parsed.error.issues[0]?.message}`);
  const { data, errors } = parsed.data;
  if (errors?.length || !data) {
    const first = errors?.[0];
    throw new Error(`registry answered HTTP ${response.status}: ${first ? `${first.extensions?.code ?? 'ERROR'} ${first.message}` : 'no data'}`);
  }
  return data.activeSharingGrants;
}

/**
 * A provider subgraph's copy of its channels in force, polled from the registry in the union subgraph
 * with the subgraph's own SERVICE token. Answers 'UNAVAILABLE' (fail closed) until the first answer and
 * whenever the last one is older than `staleAfterMs`; failures are logged.
 */
export function createChannelGrantCache(options: ChannelGrantCacheOptions): ChannelGrantSource {
  const doFetch = options.fetch ?? fetch;
  return createPollingGrantSource({
    provider: options.provider,
    load: () => fetchActiveChannels(options, doFetch),
    refreshMs: options.refreshMs,
    staleAfterMs: options.staleAfterMs,
    logger: options.logger,
    now: options.now,
    today: options.today,
    from: options.registryUrl,
  });
}
