import { loadSubgraphConfig } from '../config/subgraph-config';

/** The variables a subgraph cannot start without. */
const REQUIRED = {
  PORT: '4001',
  DATABASE_URL: 'postgres://hr_bureau_svc:pw@127.0.0.1:5432/hr_bureau',
  LINKAGE_KEY: 'ab'.repeat(32),
  AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
};
const TOKEN = 'f'.repeat(64);

describe('metrics configuration (METRICS_PORT, METRICS_TOKEN)', () => {
  it('serves no metrics unless METRICS_PORT is set; an empty one is unset', () => {
    expect(loadSubgraphConfig(REQUIRED).metrics).toBeNull();
    expect(loadSubgraphConfig({ ...REQUIRED, METRICS_PORT: '' }).metrics).toBeNull();
  });

  it('takes the port, and the token when given', () => {
    expect(loadSubgraphConfig({ ...REQUIRED, METRICS_PORT: '9401' }).metrics).toEqual({ port: 9401 });
    expect(loadSubgraphConfig({ ...REQUIRED, METRICS_PORT: '9401', METRICS_TOKEN: TOKEN }).metrics).toEqual({ port: 9401, token: TOKEN });
  });

  it('refuses the public port, a token without a port, and a short token, naming each', () => {
    expect(() => loadSubgraphConfig({ ...REQUIRED, METRICS_PORT: '4001' })).toThrow(
      'Invalid configuration:\n  METRICS_PORT: must differ from PORT: the metrics are never served on the public port',
    );
    expect(() => loadSubgraphConfig({ ...REQUIRED, METRICS_TOKEN: TOKEN })).toThrow(
      'Invalid configuration:\n  METRICS_TOKEN: is set but METRICS_PORT is not: the metrics are served only on a port of their own',
    );
    expect(() => loadSubgraphConfig({ ...REQUIRED, METRICS_PORT: '70000', METRICS_TOKEN: 'short' })).toThrow(
      'Invalid configuration:\n  METRICS_PORT: Number must be less than or equal to 65535\n  METRICS_TOKEN: must be at least 32 characters (e.g. openssl rand -hex 32)',
    );
  });

  it('in production, requires the token when the metrics port is open beyond loopback', () => {
    const production = { ...REQUIRED, NODE_ENV: 'production', METRICS_PORT: '9401' };
    expect(loadSubgraphConfig(production).metrics).toEqual({ port: 9401 });
    expect(() => loadSubgraphConfig({ ...production, HOST: '0.0.0.0' })).toThrow(
      'Invalid configuration:\n  METRICS_TOKEN: is required in production when METRICS_PORT is set and HOST (0.0.0.0) is not a loopback address: the metrics port would be open to anyone who reaches the service',
    );
    expect(loadSubgraphConfig({ ...production, HOST: '0.0.0.0', METRICS_TOKEN: TOKEN }).metrics).toEqual({ port: 9401, token: TOKEN });
    expect(loadSubgraphConfig({ ...REQUIRED, NODE_ENV: 'development', HOST: '0.0.0.0', METRICS_PORT: '9401' }).metrics).toEqual({
      port: 9401,
    });
  });
});
