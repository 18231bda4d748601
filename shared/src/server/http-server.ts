import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** How long a stopping server lets requests in flight finish. */
const GRACE_MS = 2_000;

export interface Listening {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Where a client on the same machine reaches a server listening on `host`. */
function localUrl(host: string, port: number): string {
  // Listening on every address (0.0.0.0, ::) includes loopback; an IPv6 literal goes in brackets.
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}/graphql`;
}

/**
 * Listens on `host`:`port` (0 picks a free port): loopback unless told otherwise, so that a service is
 * not open to the network by accident (HOST). Keep-alive outlasts the gateway's idle sockets, so the
 * gateway's pooled connections are not cut under it.
 */
export function listen(app: Express, port: number, host = '127.0.0.1'): Promise<Listening> {
  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: actual,
        url: localUrl(host, actual),
        close: () =>
          new Promise<void>((done) => {
            // Idle keep-alive sockets close now; a request still in flight gets a moment to finish, then
            // its socket is cut too (otherwise a keep-alive socket that turns idle later holds the close
            // for the whole keep-alive timeout).
            const cut = setTimeout(() => server.closeAllConnections(), GRACE_MS);
            server.close(() => {
              clearTimeout(cut);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
