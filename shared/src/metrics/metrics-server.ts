import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { reachableHost } from '../server/http-server';
import type { ServiceMetrics } from './service-metrics';

export interface MetricsEndpoint {
  /** `http://<host>:<port>/metrics`, as a client on the same machine reaches it. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface MetricsEndpointOptions {
  port: number;
  host: string;
  /** When set, a scrape must carry `Authorization: Bearer <token>`; else it gets 401. */
  token?: string | undefined;
  logger: Logger;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Whether the request carries the bearer token (compared in constant time, over digests of equal length). */
function authorized(req: IncomingMessage, expected: Buffer | null): boolean {
  if (!expected) return true;
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return false;
  return timingSafeEqual(digest(header.slice('Bearer '.length)), expected);
}

function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(`${text}\n`);
}

/**
 * The service's metrics on a port of their own (METRICS_PORT), apart from the public one: `GET /metrics`
 * and nothing else, behind the bearer token when one is configured (METRICS_TOKEN). Not an express app:
 * none of the public port's routes, body parsing or token verification is here, nor any of its data.
 * Says where it listens in the service's log.
 */
export function serveMetrics(metrics: ServiceMetrics, options: MetricsEndpointOptions): Promise<MetricsEndpoint> {
  const expected = options.token ? digest(options.token) : null;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics') return answer(res, 404, 'Not found: the metrics are at /metrics');
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    if (!authorized(req, expected))
      return answer(res, 401, 'Unauthorized: a bearer token (METRICS_TOKEN) is required', { 'www-authenticate': 'Bearer realm="metrics"' });
    metrics.scrape().then(
      (text) => {
        res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        options.logger.error({ err: error }, 'metrics could not be collected');
        answer(res, 500, 'Metrics could not be collected');
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const port = (server.address() as AddressInfo).port;
      const url = `http://${reachableHost(options.host)}:${port}/metrics`;
      options.logger.info({ url, token: expected !== null }, 'metrics listening');
      resolve({
        url,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
