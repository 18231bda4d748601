import pino from 'pino';
import { serveMetrics, type MetricsEndpoint } from './metrics-server';
import { ServiceMetrics } from './service-metrics';

const TOKEN = 'a-metrics-token-of-at-least-thirty-two-characters';

describe('the metrics endpoint, on a port of its own', () => {
  let endpoint: MetricsEndpoint;
  let open: MetricsEndpoint;
  beforeAll(async () => {
    const metrics = new ServiceMetrics({ service: 'court', processMetrics: false });
    metrics.requests.observe('Dossier', undefined, 5);
    endpoint = await serveMetrics(metrics, { port: 0, host: '127.0.0.1', token: TOKEN, logger: pino({ level: 'silent' }) });
    open = await serveMetrics(metrics, { port: 0, host: '127.0.0.1', logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await endpoint?.close();
    await open?.close();
  });

  it('answers GET /metrics with the bearer token, in Prometheus text, every series labelled with the service', async () => {
    const response = await fetch(endpoint.url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect([response.status, response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual([
      200,
      'text/plain; version=0.0.4; charset=utf-8',
      'no-store',
    ]);
    expect(await response.text()).toContain('graphql_requests_total{operation="Dossier",outcome="ok",service="court"} 1\n');
  });

  it('refuses a scrape without the token, with another token, or with another scheme: 401', async () => {
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`, `Bearer`]) {
      const response = await fetch(endpoint.url, authorization ? { headers: { authorization } } : {});
      expect([authorization, response.status, response.headers.get('www-authenticate')]).toEqual([
        authorization,
        401,
        'Bearer realm="metrics"',
      ]);
      expect(await response.text()).not.toContain('graphql_requests_total');
    }
  });

  it('has nothing but /metrics, and only for GET and HEAD', async () => {
    const base = new URL(endpoint.url);
    for (const path of ['/', '/graphql', '/health', '/metrics/x']) {
      const response = await fetch(new URL(path, base), { headers: { authorization: `Bearer ${TOKEN}` } });
      expect([path, response.status]).toEqual([path, 404]);
    }
    const post = await fetch(endpoint.url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{}' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    const head = await fetch(endpoint.url, { method: 'HEAD', headers: { authorization: `Bearer ${TOKEN}` } });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('without a token configured, answers anyone who reaches the port', async () => {
    const response = await fetch(open.url);
    expect(response.status).toBe(200);
    expect(new URL(open.url).port).not.toBe(new URL(endpoint.url).port);
  });
});
