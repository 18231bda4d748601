import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What a department looks like from the gateway: `pass` answers as the department does; `down` drops
 * every connection (a crashed or unreachable service); `hang` takes requests and never answers (a
 * frozen process); `slow` answers after `delayMs`.
 */
export type FaultMode = { kind: 'pass' } | { kind: 'down' } | { kind: 'hang' } | { kind: 'slow'; delayMs: number };

export interface FaultProxy {
  /** Where the gateway is pointed instead of the department itself. */
  url: string;
  set(mode: FaultMode): void;
  /** Requests that reached the proxy, whatever became of them. */
  received(): number;
  close(): Promise<void>;
}

/** A loopback HTTP proxy in front of one subgraph that can play a fault, for fault tests and the fault bench. */
export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  let mode: FaultMode = { kind: 'pass' };
  let received = 0;
  const held = new Set<http.ServerResponse>();

  function forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  const server = http.createServer((req, res) => {
    received += 1;
    const now = mode;
    if (now.kind === 'down') return void req.socket.destroy();
    if (now.kind === 'hang') {
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    if (now.kind === 'slow') return void setTimeout(() => forward(req, res), now.delayMs);
    forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    set(next) {
      mode = next;
      // A frozen process that resumes does not answer what it dropped; the requests it held just fail.
      if (next.kind !== 'hang') for (const res of held) res.destroy();
    },
    received: () => received,
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
