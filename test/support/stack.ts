import { join } from 'node:path';
import { listen } from '@labour/shared';
import { createGatewayServer } from '../../gateway/src/create-gateway';
import { SUBGRAPHS } from '../../scripts/schemas/subgraph-list';
import { postGraphQL, type GraphQLResponse } from './graphql-client';
import { startSubgraph, testLogger, type LogLines, type RunningSubgraph } from './subgraph-harness';

export interface RunningStack {
  gatewayUrl: string;
  subgraphs: Map<string, RunningSubgraph>;
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * The whole system for an end-to-end test: the four subgraphs on their own fresh databases with the
 * demo world, and the real gateway over the committed supergraph, all on free ports over real HTTP.
 */
export async function startStack(options: { demo?: boolean; logs?: LogLines } = {}): Promise<RunningStack> {
  const subgraphs = new Map<string, RunningSubgraph>();
  try {
    const started = await Promise.all(
      SUBGRAPHS.map(async (listed) => [listed.name, await startSubgraph(await listed.load(), { demo: options.demo ?? true, logs: options.logs })] as const),
    );
    for (const [name, running] of started) subgraphs.set(name, running);
  } catch (error) {
    await Promise.all([...subgraphs.values()].map((s) => s.stop()));
    throw error;
  }
  const gateway = await createGatewayServer(
    {
      supergraphPath: join(__dirname, '..', '..', 'gateway', 'supergraph.graphql'),
      subgraphUrls: Object.fromEntries([...subgraphs].map(([name, s]) => [name, s.url])),
    },
    testLogger('gateway', options.logs),
  );
  const listening = await listen(gateway.app, 0, '127.0.0.1');
  return {
    gatewayUrl: listening.url,
    subgraphs,
    query: (query, variables, headers) => postGraphQL(listening.url, query, variables, headers),
    async stop() {
      await listening.close();
      await gateway.stop();
      await Promise.all([...subgraphs.values()].map((s) => s.stop()));
    },
  };
}
