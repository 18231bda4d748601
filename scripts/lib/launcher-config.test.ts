import { ConfigError, readLauncherConfig } from './launcher-config';

const ROOT = '/repo';
const KEY = 'ab'.repeat(32);
const URLS = {
  HR_BUREAU_DATABASE_URL: 'postgres://hr:pw@db.hr.example:5432/hr',
  UNION_DATABASE_URL: 'postgres://un:pw@db.union.example:5432/union',
  COURT_DATABASE_URL: 'postgres://co:pw@db.court.example:5432/court',
  JUSTICE_DATABASE_URL: 'postgresql://ju:pw@db.justice.example:5432/justice',
};

describe('readLauncherConfig', () => {
  it('defaults to the embedded cluster in .data on 54329 and the standard ports', () => {
    const config = readLauncherConfig({}, ROOT);
    expect(config).toMatchObject({
      dataDir: '/repo/.data',
      pgPort: 54329,
      gatewayPort: 4000,
      demoScale: '1',
      external: undefined,
      serviceRuntime: 'dist',
    });
    expect(config.auth).toEqual({ fromEnvironment: false, audience: 'labour-dispute-federation' });
    expect(config.departmentPorts).toEqual({ 'hr-bureau': 4001, union: 4002, court: 4003, justice: 4004 });
  });

  it('runs the services from the compiled build unless SERVICE_RUNTIME=ts; refuses anything else, naming the variable', () => {
    expect(readLauncherConfig({ SERVICE_RUNTIME: 'ts' }, ROOT).serviceRuntime).toBe('ts');
    expect(readLauncherConfig({ SERVICE_RUNTIME: 'dist' }, ROOT).serviceRuntime).toBe('dist');
    expect(() => readLauncherConfig({ SERVICE_RUNTIME: 'js' }, ROOT)).toThrow(
      'Invalid launcher configuration:\n  SERVICE_RUNTIME: "js" must be "dist" (the compiled build) or "ts" (TypeScript through swc)',
    );
  });

  it('gives each service a metrics port from METRICS_BASE_PORT (gateway first), none without it', () => {
    expect(readLauncherConfig({}, ROOT).metricsPorts).toBeUndefined();
    expect(readLauncherConfig({ METRICS_BASE_PORT: '9400' }, ROOT).metricsPorts).toEqual({
      gateway: 9400,
      'hr-bureau': 9401,
      union: 9402,
      court: 9403,
      justice: 9404,
    });
    expect(() => readLauncherConfig({ METRICS_BASE_PORT: '65533' }, ROOT)).toThrow(
      'METRICS_BASE_PORT: "65533" leaves no room for the 4 ports after it',
    );
    expect(() => readLauncherConfig({ METRICS_TOKEN: 'x'.repeat(40) }, ROOT)).toThrow(
      'Invalid launcher configuration:\n  METRICS_TOKEN: set METRICS_BASE_PORT too (the services serve metrics only on ports of their own)',
    );
  });

  it('takes overrides, with DATA_DIR relative to the repository root', () => {
    const config = readLauncherConfig(
      { DATA_DIR: 'tmp/d', PG_PORT: '6000', UNION_PORT: '5002', GATEWAY_PORT: '5000', DEMO_SCALE: '3' },
      ROOT,
    );
    expect(config).toMatchObject({ dataDir: '/repo/tmp/d', pgPort: 6000, gatewayPort: 5000, demoScale: '3' });
    expect(config.departmentPorts.union).toBe(5002);
  });

  it('uses the four database URLs and the linkage key from the environment when all are set', () => {
    const config = readLauncherConfig({ ...URLS, LINKAGE_KEY: KEY, AUTH_JWKS_PATH: '/etc/labour/jwks.json' }, ROOT);
    expect(config.external).toEqual({
      linkageKey: KEY,
      urls: {
        'hr-bureau': URLS.HR_BUREAU_DATABASE_URL,
        union: URLS.UNION_DATABASE_URL,
        court: URLS.COURT_DATABASE_URL,
        justice: URLS.JUSTICE_DATABASE_URL,
      },
    });
  });

  it('requires LINKAGE_KEY with external URLs', () => {
    expect(() => readLauncherConfig(URLS, ROOT)).toThrow(/LINKAGE_KEY: required with external database URLs/);
    expect(() => readLauncherConfig({ ...URLS, LINKAGE_KEY: 'short' }, ROOT)).toThrow(ConfigError);
  });

  it('requires the keys that verify tokens with external URLs: a development key is only for the embedded cluster', () => {
    expect(() => readLauncherConfig({ ...URLS, LINKAGE_KEY: KEY }, ROOT)).toThrow(
      /AUTH_JWKS_PATH or AUTH_JWKS_URL: required with external database URLs/,
    );
    const config = readLauncherConfig(
      { ...URLS, LINKAGE_KEY: KEY, AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_AUDIENCE: 'zone' },
      ROOT,
    );
    expect(config.auth).toEqual({ fromEnvironment: true, audience: 'zone' });
  });

  it('uses keys from the environment with the embedded cluster too, when given', () => {
    expect(readLauncherConfig({ AUTH_JWKS_PATH: '/etc/labour/jwks.json' }, ROOT).auth.fromEnvironment).toBe(true);
  });

  it('refuses a partial set of URLs, naming the missing ones', () => {
    expect(() => readLauncherConfig({ HR_BUREAU_DATABASE_URL: URLS.HR_BUREAU_DATABASE_URL, LINKAGE_KEY: KEY }, ROOT)).toThrow(
      /missing: UNION_DATABASE_URL, COURT_DATABASE_URL, JUSTICE_DATABASE_URL/,
    );
  });

  it('lets HOST through only where the launcher still reaches the services on 127.0.0.1', () => {
    for (const host of ['127.0.0.1', '0.0.0.0', '::']) expect(() => readLauncherConfig({ HOST: host }, ROOT)).not.toThrow();
    expect(() => readLauncherConfig({ HOST: 'build-host.example' }, ROOT)).toThrow(
      'HOST: "build-host.example" is not an address npm start can reach its services on (127.0.0.1, 0.0.0.0, ::)',
    );
  });

  it('reports every bad variable at once', () => {
    let message = '';
    try {
      readLauncherConfig({ PG_PORT: '70000', COURT_PORT: 'x', DEMO_SCALE: '0' }, ROOT);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PG_PORT: "70000" is not a port number');
    expect(message).toContain('COURT_PORT: "x" is not a port number');
    expect(message).toContain('DEMO_SCALE: "0" is not a positive whole number');
  });
});
