import { Department } from '../context/principal';
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

  it("knows the other departments' URLs, the witnesses of its access-log heads, leaving its own out", () => {
    const urls = {
      HR_BUREAU_URL: 'http://hr:4000/graphql',
      UNION_URL: 'http://union:4000/graphql',
      COURT_URL: 'http://court:4000/graphql',
    };
    expect(loadSubgraphConfig({ ...REQUIRED, ...urls }, Department.HR_BUREAU).peerUrls).toEqual({
      UNION: urls.UNION_URL,
      COURT: urls.COURT_URL,
    });
    expect(loadSubgraphConfig({ ...REQUIRED, ...urls }).peerUrls).toEqual({
      HR_BUREAU: urls.HR_BUREAU_URL,
      UNION: urls.UNION_URL,
      COURT: urls.COURT_URL,
    });
  });

  it('publishes its access-log head every minute unless LOG_HEAD_PUBLISH_MS says otherwise, at least every hour', () => {
    expect(loadSubgraphConfig(REQUIRED).logHeadPublishMs).toBe(60_000);
    expect(loadSubgraphConfig({ ...REQUIRED, LOG_HEAD_PUBLISH_MS: '5000' }).logHeadPublishMs).toBe(5_000);
    expect(() => loadSubgraphConfig({ ...REQUIRED, LOG_HEAD_PUBLISH_MS: '7200000', UNION_URL: 'ftp://union' })).toThrow(
      'Invalid configuration:\n  UNION_URL: must be an http:// or https:// URL\n  LOG_HEAD_PUBLISH_MS: Number must be less than or equal to 3600000',
    );
  });
});
