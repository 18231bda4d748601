import pino from 'pino';
import { createDepartmentSubgraph, listen, type DepartmentSubgraph, type SubgraphDefinition } from '@labour/shared';
import { createTestDatabase } from './databases';
import { postGraphQL, type GraphQLResponse } from './graphql-client';

/** The linkage key every test service shares, as the four departments share theirs. */
export const TEST_LINKAGE_KEY = Buffer.from('6c696e6b6167652d6b65792d666f722d74657374732d6f6e6c792d3332627974', 'hex');
/** The day the demo world is drawn as of in tests, so that test data never depends on the calendar. */
export const TEST_AS_OF = '2026-11-20';

/** Parsed JSON log lines of the services of a test, in the order written. */
export type LogLines = Array<Record<string, unknown>>;

/** A logger that keeps its lines in `logs` (for tests that look at logs), else is silent unless TEST_LOG_LEVEL says. */
export function testLogger(service: string, logs?: LogLines): pino.Logger {
  if (!logs) return pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent', base: { service } });
  return pino({ level: 'info', base: { service } }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
}

export interface RunningSubgraph {
  url: string;
  subgraph: DepartmentSubgraph;
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** TCP connections the subgraph has accepted so far (keep-alive shows as few connections, many requests). */
  connectionsAccepted(): number;
  stop(): Promise<void>;
}

/**
 * Starts one department subgraph exactly as `main.ts` does, on its own fresh database in the test
 * cluster and a free port; with `demo`, loads the demo world (scale 1) first.
 */
export async function startSubgraph<L>(
  definition: SubgraphDefinition<L>,
  options: { demo?: boolean; scale?: number; logs?: LogLines } = {},
): Promise<RunningSubgraph> {
  const database = await createTestDatabase(definition.name.replace(/-/g, '_'));
  const logger = testLogger(definition.name, options.logs);
  const subgraph = await createDepartmentSubgraph(definition, { databaseUrl: database.url, linkageKey: TEST_LINKAGE_KEY }, logger);
  await subgraph.prepare({ mode: options.demo ? 'if-empty' : 'off', scale: options.scale ?? 1, asOf: TEST_AS_OF });
  const listening = await listen(subgraph.server.app, 0, '127.0.0.1');
  let connections = 0;
  listening.server.on('connection', () => void (connections += 1));
  return {
    url: listening.url,
    subgraph,
    query: (query, variables, headers) => postGraphQL(listening.url, query, variables, headers),
    connectionsAccepted: () => connections,
    async stop() {
      await listening.close();
      await subgraph.stop();
      await database.drop();
    },
  };
}
