import { baseServiceEnv, DEPARTMENTS, GATEWAY, GATEWAY_NODE_FLAGS, nodeArgs, SUBGRAPH_NODE_FLAGS } from './services';

describe('baseServiceEnv', () => {
  it("never hands a service another department's database URL", () => {
    const env = baseServiceEnv({
      PATH: '/bin',
      HR_BUREAU_DATABASE_URL: 'postgres://hr',
      UNION_DATABASE_URL: 'postgres://union',
      COURT_DATABASE_URL: 'postgres://court',
      JUSTICE_DATABASE_URL: 'postgres://justice',
      DATABASE_URL: 'postgres://stray',
    });
    expect(Object.keys(env).filter((key) => key.endsWith('DATABASE_URL'))).toEqual([]);
    expect(env).toMatchObject({ PATH: '/bin', APOLLO_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'info', NODE_ENV: 'development' });
  });

  it('keeps LOG_LEVEL and NODE_ENV when set', () => {
    expect(baseServiceEnv({ LOG_LEVEL: 'debug', NODE_ENV: 'production' })).toMatchObject({ LOG_LEVEL: 'debug', NODE_ENV: 'production' });
  });

  it('gives each department a distinct database, role and port; no database is named union', () => {
    for (const key of ['database', 'role', 'defaultPort'] as const) {
      expect(new Set(DEPARTMENTS.map((department) => department[key])).size).toBe(DEPARTMENTS.length);
    }
    expect(DEPARTMENTS.map((department) => department.database)).not.toContain('union');
  });
});

describe('nodeArgs', () => {
  it('runs a service from its compiled entry point in dist/, with source maps and no loader', () => {
    expect(nodeArgs(GATEWAY)).toEqual([...GATEWAY_NODE_FLAGS, 'dist/gateway/src/main.js']);
    expect(nodeArgs(DEPARTMENTS[1]!, ['--prepare-only'], 'dist')).toEqual([
      ...SUBGRAPH_NODE_FLAGS,
      'dist/subgraphs/union/src/main.js',
      '--prepare-only',
    ]);
    for (const flags of [GATEWAY_NODE_FLAGS, SUBGRAPH_NODE_FLAGS]) {
      expect(flags.slice(0, 4)).toEqual(['--require', './dist/source-maps.js', '--require', './dist/shared/src/telemetry/preload.js']);
      expect(flags.join(' ')).not.toMatch(/register|-r\b/);
    }
    expect(DEPARTMENTS.map((department) => department.nodeFlags)).toEqual(DEPARTMENTS.map(() => SUBGRAPH_NODE_FLAGS));
  });

  it('runs the TypeScript through @swc-node/register with SERVICE_RUNTIME=ts', () => {
    expect(nodeArgs(DEPARTMENTS[2]!, ['--prepare-only'], 'ts')).toEqual([
      '-r',
      '@swc-node/register',
      '-r',
      './shared/src/telemetry/preload.ts',
      'subgraphs/court/src/main.ts',
      '--prepare-only',
    ]);
  });
});
