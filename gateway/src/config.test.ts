import { loadGatewayConfig } from './config';

const REQUIRED = { AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json' };

describe('loadGatewayConfig', () => {
  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadGatewayConfig(REQUIRED).host).toBe('127.0.0.1');
    expect(loadGatewayConfig({ ...REQUIRED, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
