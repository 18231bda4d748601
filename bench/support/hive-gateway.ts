/**
 * Hive Gateway for `npm run bench:peers`: its runtime with its defaults, in one process (no worker forks,
 * so its CPU is one pid's), over a supergraph file, forwarding the caller's `Authorization` and `x-purpose`.
 *
 *   node -r @swc-node/register bench/support/hive-gateway.ts <supergraph.graphql> <port>
 */
import { createServer, type RequestListener } from 'node:http';

/**
 * The part of the runtime's API used here. Loaded with `require`, untyped: its type declarations pull the
 * DOM library into the whole program (`fetch` then takes DOM's BodyInit everywhere), which the rest of the
 * repository is not written against.
 */
interface HiveRuntime extends RequestListener {
  dispose(): Promise<void> | void;
}
interface HiveGatewayModule {
  createGatewayRuntime(config: {
    supergraph: string;
    propagateHeaders: {
      fromClientToSubgraphs: (payload: { request: { headers: { get(name: string): string | null } } }) => Record<string, string>;
    };
  }): HiveRuntime;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createGatewayRuntime } = require('@graphql-hive/gateway') as HiveGatewayModule;

function main(): void {
  const [supergraph, port] = process.argv.slice(2);
  if (!supergraph || !port) throw new Error('usage: hive-gateway.ts <supergraph.graphql> <port>');
  const gateway = createGatewayRuntime({
    supergraph,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const headers: Record<string, string> = {};
        const authorization = request.headers.get('authorization');
        const purpose = request.headers.get('x-purpose');
        if (authorization) headers['authorization'] = authorization;
        if (purpose) headers['x-purpose'] = purpose;
        return headers;
      },
    },
  });
  const server = createServer(gateway);
  server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`Hive Gateway listening on http://127.0.0.1:${port}/graphql\n`));
  const stop = (): void => {
    server.close();
    void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
  };
  // Started by the bench with an IPC channel: end with it, so a killed bench leaves nothing behind.
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
}

main();
