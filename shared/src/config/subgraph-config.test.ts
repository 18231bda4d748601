import { loadSubgraphConfig } from './subgraph-config';

/** The variables a subgraph cannot start without; everything else has a default. */
const REQUIRED = {
  PORT: '4001',
  DATABASE_URL: 'postgres://hr_bureau_svc:pw@127.0.0.1:5432/hr_bureau',
  LINKAGE_KEY: 'ab'.repeat(32),
  AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
};

describe('loadSubgraphConfig', () => {
  it('listens on 127.0.0.1 and sends answers of up to 8 MiB unless told otherwise', () => {
    const config = loadSubgraphConfig(REQUIRED);
    expect([config.host, config.maxResponseBytes]).toEqual(['127.0.0.1', 8 * 1024 * 1024]);
  });

  it('takes HOST and MAX_RESPONSE_BYTES from the environment', () => {
    const config = loadSubgraphConfig({ ...REQUIRED, HOST: '0.0.0.0', MAX_RESPONSE_BYTES: '2048' });
    expect([config.host, config.maxResponseBytes]).toEqual(['0.0.0.0', 2048]);
  });

  it('refuses a HOST that is no address and a limit under 1 KiB, naming both', () => {
    expect(() => loadSubgraphConfig({ ...REQUIRED, HOST: 'http://0.0.0.0', MAX_RESPONSE_BYTES: '100' })).toThrow(
      'Invalid configuration:\n  HOST: must be an IP address or a host name\n  MAX_RESPONSE_BYTES: Number must be greater than or equal to 1024',
    );
  });
});
