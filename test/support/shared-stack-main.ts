import { renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startStack } from './stack';
import type { SharedStackDescription } from './shared-stack';

/**
 * The process of a shared end-to-end stack (see shared-stack.ts): started by the first test file of a Jest
 * worker that asks for it, run with `node -r @swc-node/register shared-stack-main.ts <description file> <jest pid>`.
 * It starts the whole stack (the demo world, the sharing channels as `npm start` wires them), serves on
 * loopback what a test file cannot do over GraphQL (reread the channel tables, the statement counters),
 * writes where everything listens to the description file, and stops the stack on SIGTERM or SIGINT, or
 * once the Jest process that ran it is gone.
 */

const [descriptionFile, jestPid] = process.argv.slice(2);
if (!descriptionFile || !jestPid) throw new Error('usage: shared-stack-main.ts <description file> <jest pid>');

/**
 * Each answer closes its connection: the files of a worker share one fetch pool, and a connection kept
 * alive from one file's last call could be closed by this server just as the next file reuses it.
 */
function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(body));
}

async function main(): Promise<void> {
  const stack = await startStack({ demo: true });
  const control = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const [, action, name] = (request.url ?? '').split('/');
      try {
        if (request.method === 'POST' && action === 'refresh-channels')
          return reply(response, 200, await stack.refreshChannels().then(() => ({})));
        const queries = name ? stack.subgraphs.get(name)?.subgraph.queries : undefined;
        if (action === 'queries' && queries && request.method === 'POST') {
          queries.reset();
          return reply(response, 200, {});
        }
        if (action === 'queries' && queries && request.method === 'GET')
          return reply(response, 200, { count: queries.count, lastStatements: queries.lastStatements });
        return reply(response, 404, { error: `nothing at ${request.method} ${request.url}` });
      } catch (error) {
        return reply(response, 500, { error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(watch);
      control.closeAllConnections();
      await new Promise((resolve) => control.close(resolve));
      await stack.stop();
      process.exit(0);
    })();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Jest killed without its teardown (SIGKILL): the stack is nobody's any more.
  const watch = setInterval(() => {
    try {
      process.kill(Number(jestPid), 0);
    } catch {
      stop();
    }
  }, 2_000);

  const description: SharedStackDescription = {
    pid: process.pid,
    gatewayUrl: stack.gatewayUrl,
    controlUrl: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
    subgraphs: Object.fromEntries([...stack.subgraphs].map(([name, s]) => [name, { url: s.url, databaseUrl: s.databaseUrl }])),
  };
  // Written whole, then renamed: the waiting test file never reads half of it.
  writeFileSync(`${descriptionFile}.part`, JSON.stringify(description));
  renameSync(`${descriptionFile}.part`, descriptionFile);
}

main().catch((error: unknown) => {
  process.stderr.write(`shared stack: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
