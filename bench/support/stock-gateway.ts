/**
 * The stock gateway of `npm run bench:peers`: @apollo/gateway with @apollo/server's standalone server over
 * a supergraph file, forwarding only the caller's `Authorization` to the subgraphs.
 * No permissions, limits, breakers or logs of its own: the baseline the project's gateway is compared with.
 *
 *   node -r @swc-node/register bench/support/stock-gateway.ts <supergraph.graphql> <port>
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

interface Context {
  authorization?: string;
}

async function main(): Promise<void> {
  const [supergraphPath, port] = process.argv.slice(2);
  if (!supergraphPath || !port) throw new Error('usage: stock-gateway.ts <supergraph.graphql> <port>');
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<Context>({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(port), host: '127.0.0.1' },
    context: async ({ req }) => (req.headers.authorization ? { authorization: req.headers.authorization } : {}),
  });
  process.stdout.write(`stock @apollo/gateway listening on ${url}\n`);
  // Started by the bench with an IPC channel: end with it, so a killed bench leaves nothing behind.
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
