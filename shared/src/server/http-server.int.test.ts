import express from 'express';
import type { AddressInfo } from 'node:net';
import { loadSubgraphConfig } from '../config';
import { listen } from './http-server';

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
