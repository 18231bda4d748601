import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** How long a stopping server lets requests in flight finish unless told otherwise (SHUTDOWN_DRAIN_MS in a service). */
export const DEFAULT_DRAIN_MS = 2_000;

export interface ListenOptions {
  /**
   * How long `close()` waits for requests in flight before cutting their connections: a service passes
   * SHUTDOWN_DRAIN_MS, which must stay under the grace its supervisor gives it after SIGTERM (Kubernetes'
   * terminationGracePeriodSeconds, the launcher's 10 s).
   */
  readonly drainMs?: number;
}

/** What a drained close found: how many requests were in flight when it began, and how many it had to cut. */
export interface Drained {
  readonly inFlight: number;
  readonly cut: number;
}

export interface Listening {
  server: Server;
  port: number;
  url: string;
  /** True from the moment `close()` is called. */
  draining(): boolean;
  /**
   * Stops taking connections (a readiness probe is refused from then on) and lets the requests in flight
   * finish, for up to the drain time; then cuts what is left. Each of their answers closes its connection,
   * so that keep-alive clients (the gateway's pools) open their next one elsewhere.
   */
  close(): Promise<Drained>;
}

/** The host in a URL by which a client on the same machine reaches a server listening on `host`. */
export function reachableHost(host: string): string {
  // Listening on every address (0.0.0.0, ::) includes loopback; an IPv6 literal goes in brackets.
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
}

function localUrl(host: string, port: number): string {
  return `http://${reachableHost(host)}:${port}/graphql`;
}

/**
 * Listens on `host`:`port` (0 picks a free port): loopback unless told otherwise, so that a service is
 * not open to the network by accident (HOST). Keep-alive outlasts the gateway's idle sockets, so the
 * gateway's pooled connections are not cut under it.
 */
export function listen(app: Express, port: number, host = '127.0.0.1', options: ListenOptions = {}): Promise<Listening> {
  const drainMs = options.drainMs ?? DEFAULT_DRAIN_MS;
  let draining = false;
  let closing: Promise<Drained> | undefined;
  let settle: (() => void) | undefined;
  /** The answers not yet finished. */
  const inFlight = new Set<ServerResponse>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (draining && inFlight.size === 0) settle?.();
    });
    // While draining (a request pipelined behind one in flight): answered, then its connection closes.
    if (draining) res.setHeader('connection', 'close');
    app(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const close = (): Promise<Drained> => {
    closing ??= new Promise<Drained>((done) => {
      draining = true;
      const began = inFlight.size;
      let cut = 0;
      // Each answer still to come says `Connection: close`: its client opens the next connection elsewhere.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      const requestsDone = new Promise<void>((resolve) => {
        settle = resolve;
        if (inFlight.size === 0) resolve();
      });
      // No new connection from now on; idle keep-alive sockets close now, busy ones once their answer is out.
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const drainOver = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), drainMs)));
      void Promise.race([requestsDone, drainOver])
        .then((outcome) => {
          clearTimeout(timer);
          if (outcome === 'late') cut = inFlight.size;
          // What is left (requests past the drain time, sockets that never sent a request) is cut.
          server.closeAllConnections();
          return serverClosed;
        })
        .then(() => done({ inFlight: began, cut }));
    });
    return closing;
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({ server, port: actual, url: localUrl(host, actual), draining: () => draining, close });
    });
  });
}
