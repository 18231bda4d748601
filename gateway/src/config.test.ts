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

  it("hands the console the services' pinned day (CLOCK_TODAY), refused in production as the subgraphs refuse it", () => {
    expect(loadGatewayConfig({ ...REQUIRED, NODE_ENV: 'development', CLOCK_TODAY: '2026-11-20' }).console.clock.today()).toBe('2026-11-20');
    expect(() => loadGatewayConfig({ ...REQUIRED, NODE_ENV: 'production', CLOCK_TODAY: '2026-11-20' })).toThrow(
      'CLOCK_TODAY: must not be set in production: deadlines count on the real calendar',
    );
    expect(() => loadGatewayConfig({ ...REQUIRED, NODE_ENV: 'development', CLOCK_TODAY: '2026-02-30' })).toThrow(/CLOCK_TODAY: is not a real date/);
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
    expect(loadGatewayConfig({ ...REQUIRED, CONSOLE_OIDC_ISSUER: 'https://idp.example/realms/labour', CONSOLE_OIDC_CLIENT_ID: 'labour-console' }).console.oidc).toEqual({
      issuer: 'https://idp.example/realms/labour',
      clientId: 'labour-console',
      scope: 'openid profile',
    });
    expect(() => loadGatewayConfig({ ...REQUIRED, CONSOLE_OIDC_ISSUER: 'https://idp.example/realms/labour' })).toThrow(
      'CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID: set both or neither',
    );
    expect(() => loadGatewayConfig({ ...REQUIRED, CONSOLE_OIDC_ISSUER: 'not a url', CONSOLE_OIDC_CLIENT_ID: 'x' })).toThrow(/CONSOLE_OIDC_ISSUER/);
    expect(() =>
      loadGatewayConfig({ ...REQUIRED, CONSOLE_OIDC_ISSUER: 'https://idp.example/realms/labour', CONSOLE_OIDC_CLIENT_ID: 'x', CONSOLE_OIDC_SCOPE: 'profile email' }),
    ).toThrow('CONSOLE_OIDC_SCOPE: must include openid (an OpenID Connect sign-in)');
  });
});
