import { join } from 'node:path';
import { systemClock } from '@labour/shared';
import { loadGatewayConfig } from './config';

const REQUIRED = { AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json' };

describe('loadGatewayConfig', () => {
  it('listens on 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadGatewayConfig(REQUIRED).host).toBe('127.0.0.1');
    expect(loadGatewayConfig({ ...REQUIRED, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});

describe('loadGatewayConfig: the console', () => {
  it('serves the console from CONSOLE_DIR, with neither development sign-in nor OIDC unless configured', () => {
    const { console } = loadGatewayConfig({ ...REQUIRED, CONSOLE_DIR: '/srv/console' });
    expect(console).toEqual({ staticDir: '/srv/console', clock: systemClock });
  });

  it('serves the console from where the build puts it (dist/console) unless CONSOLE_DIR says otherwise', () => {
    expect(loadGatewayConfig(REQUIRED).console.staticDir).toBe(join(__dirname, '..', '..', 'dist', 'console'));
  });

  it("hands the console the services' pinned day (CLOCK_TODAY), refused in production as the subgraphs refuse it", () => {
    expect(loadGatewayConfig({ ...REQUIRED, NODE_ENV: 'development', CLOCK_TODAY: '2026-11-20' }).console.clock.today()).toBe('2026-11-20');
    expect(() => loadGatewayConfig({ ...REQUIRED, NODE_ENV: 'production', CLOCK_TODAY: '2026-11-20' })).toThrow(
      'CLOCK_TODAY: must not be set in production: deadlines count on the real calendar',
    );
    expect(() => loadGatewayConfig({ ...REQUIRED, NODE_ENV: 'development', CLOCK_TODAY: '2026-02-30' })).toThrow(
      /CLOCK_TODAY: is not a real date/,
    );
  });

  it("reads each department's development key from CONSOLE_DEV_KEYS_DIR", () => {
    expect(loadGatewayConfig({ ...REQUIRED, NODE_ENV: 'development', CONSOLE_DEV_KEYS_DIR: '/data/auth' }).console.devKeyFiles).toEqual({
      HR_BUREAU: '/data/auth/hr-bureau-idp-key.json',
      UNION: '/data/auth/union-idp-key.json',
      COURT: '/data/auth/court-idp-key.json',
      JUSTICE: '/data/auth/justice-idp-key.json',
    });
  });

  it('refuses development sign-in (CONSOLE_DEV_KEYS_DIR) with NODE_ENV=production, which is also what an unset NODE_ENV means', () => {
    for (const env of [{ NODE_ENV: 'production' }, {}]) {
      expect(() => loadGatewayConfig({ ...REQUIRED, ...env, CONSOLE_DEV_KEYS_DIR: '/data/auth' })).toThrow(
        'CONSOLE_DEV_KEYS_DIR: development sign-in is refused with NODE_ENV=production',
      );
    }
    expect(loadGatewayConfig({ ...REQUIRED, NODE_ENV: 'production' }).console.devKeyFiles).toBeUndefined();
  });

  it('takes the identity provider with its client id, the scope defaulting to "openid profile"', () => {
    expect(
      loadGatewayConfig({ ...REQUIRED, CONSOLE_OIDC_ISSUER: 'https://idp.example/realms/labour', CONSOLE_OIDC_CLIENT_ID: 'labour-console' })
        .console.oidc,
    ).toEqual({
      issuer: 'https://idp.example/realms/labour',
      clientId: 'labour-console',
      scope: 'openid profile',
    });
    expect(() => loadGatewayConfig({ ...REQUIRED, CONSOLE_OIDC_ISSUER: 'https://idp.example/realms/labour' })).toThrow(
      'CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID: set both or neither',
    );
    expect(() => loadGatewayConfig({ ...REQUIRED, CONSOLE_OIDC_ISSUER: 'not a url', CONSOLE_OIDC_CLIENT_ID: 'x' })).toThrow(
      /CONSOLE_OIDC_ISSUER/,
    );
    expect(() =>
      loadGatewayConfig({
        ...REQUIRED,
        CONSOLE_OIDC_ISSUER: 'https://idp.example/realms/labour',
        CONSOLE_OIDC_CLIENT_ID: 'x',
        CONSOLE_OIDC_SCOPE: 'profile email',
      }),
    ).toThrow('CONSOLE_OIDC_SCOPE: must include openid (an OpenID Connect sign-in)');
  });
});

describe('loadGatewayConfig: metrics', () => {
  it('serves metrics on METRICS_PORT only, never on the public port, behind METRICS_TOKEN when given', () => {
    expect(loadGatewayConfig(REQUIRED).metrics).toBeNull();
    expect(loadGatewayConfig({ ...REQUIRED, METRICS_PORT: '9400', METRICS_TOKEN: 'k'.repeat(40) }).metrics).toEqual({
      port: 9400,
      token: 'k'.repeat(40),
    });
    expect(() => loadGatewayConfig({ ...REQUIRED, METRICS_PORT: '4000' })).toThrow(
      'Invalid configuration:\n  METRICS_PORT: must differ from PORT: the metrics are never served on the public port',
    );
    expect(() => loadGatewayConfig({ ...REQUIRED, HOST: '0.0.0.0', METRICS_PORT: '9400' })).toThrow(
      'METRICS_TOKEN: is required in production when METRICS_PORT is set and HOST (0.0.0.0) is not a loopback address',
    );
  });
});

describe('loadGatewayConfig: trusted documents', () => {
  it('reads the registry from gateway/trusted-documents and exempts no key unless told', () => {
    expect(loadGatewayConfig(REQUIRED).trustedDocuments).toEqual({ dir: join(__dirname, '..', 'trusted-documents'), exemptKids: [] });
    expect(
      loadGatewayConfig({
        ...REQUIRED,
        TRUSTED_DOCUMENTS_DIR: '/srv/documents',
        TRUSTED_DOCUMENTS_EXEMPT_KIDS: ' court-service, union-batch ,',
      }).trustedDocuments,
    ).toEqual({ dir: '/srv/documents', exemptKids: ['court-service', 'union-batch'] });
  });
});
