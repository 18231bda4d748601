import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { REQUEST_ID_HEADER } from '@labour/shared';
import { Agent, fetch as undiciFetch } from 'undici';
import type { GatewayContext } from './gateway-context';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/**
 * A pool of keep-alive connections to the subgraphs: the gateway talks to four subgraphs all the
 * time, and a new TCP connection per fetch would cost more than most fetches themselves.
 */
export function createSubgraphConnections(): Agent {
  return new Agent({ keepAliveTimeout: 60_000, keepAliveMaxTimeout: 600_000, connections: 64 });
}

/** Forwards the request id, the caller's token and declared purpose to every subgraph fetch. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, connections: Agent) {
    const fetcher = ((input: string, init?: Record<string, unknown>) =>
      undiciFetch(input, { ...(init as object), dispatcher: connections })) as unknown as Fetcher;
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('requestId' in context)) return;
    headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.purpose) headers.set('x-purpose', context.purpose);
  }
}
