import express from 'express';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSubgraphConfig } from '../config';
import { listen } from './http-server';
import { waitFor } from '@labour/testing/wait-for';

const REQUIRED = {
  PORT: '0',
  DATABASE_URL: 'postgres://hr_bureau_svc:pw@127.0.0.1:5432/hr_bureau',
  LINKAGE_KEY: 'ab'.repeat(32),
  AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
};

function app() {
  const served = express();
  served.get('/health', (_req, res) => void res.json({ status: 'ok' }));
  return served;
}

describe('listen', () => {
  it('binds loopback only with the default configuration, and says where it answers', async () => {
    const config = loadSubgraphConfig(REQUIRED);
    const listening = await listen(app(), config.port, config.host);
    try {
      const address = listening.server.address() as AddressInfo;
      expect(address.address).toBe('127.0.0.1');
      expect(listening.url).toBe(`http://127.0.0.1:${address.port}/graphql`);
      const health = await fetch(`http://127.0.0.1:${address.port}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
    } finally {
      await listening.close();
    }
  });

  it('binds loopback when no address is given at all', async () => {
    const listening = await listen(app(), 0);
    try {
      expect((listening.server.address() as AddressInfo).address).toBe('127.0.0.1');
    } finally {
      await listening.close();
    }
  });
});

/** A GET over its own connection (no pooling), with what the server said and whether it closed the connection. */
function get(port: number, path: string): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: new Agent({ keepAlive: true }) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** An app whose `/slow/<n>` answers only when the test releases it, and says when each request arrived. */
function heldApp() {
  const arrived = new Set<string>();
  const release = new Map<string, () => void>();
  const served = express();
  served.get('/slow/:n', (req, res) => {
    arrived.add(req.params.n);
    release.set(req.params.n, () => void res.json({ n: req.params.n }));
  });
  return { served, arrived, release: (n: string) => release.get(n)!() };
}

describe('listen: draining on close', () => {
  it('lets requests in flight finish and close their connections, refuses new ones, and says how many it waited for', async () => {
    const held = heldApp();
    const listening = await listen(held.served, 0, '127.0.0.1', { drainMs: 60_000 });
    const first = get(listening.port, '/slow/1');
    const second = get(listening.port, '/slow/2');
    await waitFor(
      () => held.arrived.size,
      (size) => size === 2,
    );

    const closed = listening.close();
    expect(listening.draining()).toBe(true);
    await expect(get(listening.port, '/slow/3')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    let closeSettled = false;
    void closed.then(() => (closeSettled = true));
    held.release('1');
    expect(await first).toEqual({ status: 200, connection: 'close', body: '{"n":"1"}' });
    expect(closeSettled).toBe(false);
    held.release('2');
    expect(await second).toEqual({ status: 200, connection: 'close', body: '{"n":"2"}' });
    expect(await closed).toEqual({ inFlight: 2, cut: 0 });
    expect(listening.server.listening).toBe(false);
  });

  it('cuts a request still in flight once the drain time is over', async () => {
    const held = heldApp();
    const listening = await listen(held.served, 0, '127.0.0.1', { drainMs: 200 });
    const stuck = get(listening.port, '/slow/1');
    await waitFor(
      () => held.arrived.size,
      (size) => size === 1,
    );
    const outcome = stuck.then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect(await listening.close()).toEqual({ inFlight: 1, cut: 1 });
    expect(await outcome).toBe('ECONNRESET');
  });

  it('closes at once with nothing in flight, whatever the drain time', async () => {
    const listening = await listen(app(), 0, '127.0.0.1', { drainMs: 300_000 });
    expect((await get(listening.port, '/health')).status).toBe(200);
    expect(await listening.close()).toEqual({ inFlight: 0, cut: 0 });
  });
});
