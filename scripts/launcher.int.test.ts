import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fakeLaunch, logged, SUBGRAPHS } from '@labour/testing/fake-launch';
import { waitFor } from '@labour/testing/wait-for';
import { isPortFree } from './lib/ports';
import { isAlive, postmasterPid } from './lib/postmaster-pid';

/**
 * `npm start` and `npm run demo:reset` end to end, as real processes, on a throwaway copy of the
 * repository whose five services are tiny fakes (see fake-launch.ts). Restarts: launcher-restarts.int.test.ts.
 */

const { temp, dataDir, ports, run } = fakeLaunch('launcher');

describe('npm start', () => {
  it('starts PostgreSQL, then the subgraphs with the gateway beside them; Ctrl-C stops everything and exits 0', async () => {
    const launcher = run('start.ts');
    // The banner's last line: the lines before it may reach the pipe in more than one piece.
    await launcher.waitFor('Ctrl-C stops the services, then PostgreSQL.');
    const out = launcher.output();

    expect(out).toContain(`gateway: http://localhost:${ports.GATEWAY_PORT}/graphql`);
    expect(out).toContain(`console: http://localhost:${ports.GATEWAY_PORT}/ (the web console, in a browser)`);
    expect(out).toMatch(/try: +curl -s http:\/\/localhost:\d+\/graphql/);
    expect(out).toContain('(new cluster)');
    const response = await fetch(`http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });

    const linkageKeys = new Set<unknown>();
    for (const name of SUBGRAPHS) {
      const [env] = logged(out, name, 'env');
      expect(env).toMatchObject({ demoData: 'if-empty', demoScale: '1', telemetry: '1', ipc: true, otherUrls: [] });
      linkageKeys.add(env.linkageKey);
      expect(logged(out, name, 'database')[0]).toMatchObject({ user: expect.stringMatching(/_svc$/) });
    }
    expect(linkageKeys.size).toBe(1); // one shared key, 64 hex characters
    expect([...linkageKeys][0]).toMatch(/^[0-9a-f]{64}$/);
    const [gatewayEnv] = logged(out, 'gateway', 'env');
    expect(gatewayEnv).toMatchObject({ hrBureauUrl: `http://127.0.0.1:${ports.HR_BUREAU_PORT}/graphql`, telemetry: '1' });
    expect(gatewayEnv.linkageKey).toBeUndefined(); // the gateway has no business with the linkage key

    // The first start made the development keys: every service verifies with the public set, in which
    // each key is bound to one department; each subgraph got its own service key, and the gateway none.
    const jwksPath = join(dataDir, 'auth', 'jwks.json');
    const jwks = JSON.parse(readFileSync(jwksPath, 'utf8')) as { keys: Array<Record<string, unknown>> };
    const audience = 'labour-dispute-federation';
    const serviceKeys = SUBGRAPHS.map((name) => {
      const env = logged(out, name, 'env')[0]!;
      expect(env).toMatchObject({
        authJwksPath: jwksPath,
        authServiceKeyPath: join(dataDir, 'auth', `${name}-service-key.json`),
        authAudience: audience,
      });
      const path = String(env.authServiceKeyPath);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const { kid } = JSON.parse(readFileSync(path, 'utf8')) as { kid: string };
      const { department, roles, iss } = jwks.keys.find((key) => key.kid === kid)!;
      return { name, kid, department, roles, iss };
    });
    expect(new Set(serviceKeys.map((key) => key.kid)).size).toBe(4);
    expect(serviceKeys.map(({ kid: _kid, ...key }) => key)).toEqual(
      ['HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'].map((department, i) => ({
        name: SUBGRAPHS[i],
        department,
        roles: ['SERVICE'],
        iss: `labour-federation:service:${SUBGRAPHS[i]}`,
      })),
    );
    // Eight public keys: those four and one identity-provider key per department, for `npm run token`.
    expect(jwks.keys.map((key) => [key.department, key.roles ?? 'any role'])).toEqual([
      ...['HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'].map((department) => [department, 'any role']),
      ...['HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'].map((department) => [department, ['SERVICE']]),
    ]);
    for (const key of jwks.keys) expect(key).not.toHaveProperty('d');
    expect(gatewayEnv).toMatchObject({ authJwksPath: jwksPath, authAudience: audience });
    expect(gatewayEnv.authServiceKeyPath).toBeUndefined();
    expect(out).toContain('created the development keys in');
    expect(out).toContain('token:   TOKEN=$(DATA_DIR='); // the test's own data directory, so the command finds its key
    expect(out).toContain('npm run -s token -- --department UNION --role COORDINATOR)');
    // The gateway loads beside the subgraphs; the launch is ready once they are, and then the gateway.
    expect(out.indexOf('[gateway]')).toBeGreaterThan(-1);
    expect(out.indexOf('subgraphs ready')).toBeLessThan(out.indexOf('all services ready'));

    const postmaster = postmasterPid(join(dataDir, 'pg')) ?? 0;
    expect(isAlive(postmaster)).toBe(true);

    // A second launcher on the same data directory is refused.
    const second = run('start.ts');
    expect(await second.exit).toBe(1);
    expect(second.output()).toMatch(/Another npm start \(pid \d+, since .*\) is running for/);

    launcher.child.kill('SIGINT');
    expect(await launcher.exit).toBe(0);
    expect(launcher.output()).toContain('PostgreSQL stopped');
    expect(isAlive(postmaster)).toBe(false);
    expect(await isPortFree(Number(ports.GATEWAY_PORT))).toBe(true);
    expect(existsSync(join(dataDir, 'launcher.pid'))).toBe(false);
  }, 120_000);

  it('recovers after the launcher was killed with SIGKILL: its services exit, its PostgreSQL is stopped and restarted', async () => {
    const killed = run('start.ts');
    await killed.waitFor('all services ready');
    const servicePids = [...SUBGRAPHS, 'gateway'].map((name) => Number(logged(killed.output(), name, 'env')[0].pid));
    const postmaster = postmasterPid(join(dataDir, 'pg')) ?? 0;
    expect(killed.output()).not.toContain('(new cluster)');

    killed.child.kill('SIGKILL');
    await killed.exit;
    // The services see their IPC channel close and exit; PostgreSQL, detached, keeps running.
    await waitFor(
      () => servicePids.filter(isAlive),
      (alive) => alive.length === 0,
      { what: 'the services to exit once their IPC channel closed' },
    );
    expect(isAlive(postmaster)).toBe(true);

    const next = run('start.ts');
    await next.waitFor('all services ready');
    expect(next.output()).toContain(`PostgreSQL (pid ${postmaster}) from an earlier run still serves`);
    next.child.kill('SIGTERM');
    expect(await next.exit).toBe(0);
  }, 120_000);

  it('stops everything with exit code 1 when a service crashes before it was ever ready', async () => {
    const launcher = run('start.ts', { FAKE_CRASH: 'court' });
    expect(await launcher.exit).toBe(1);
    const out = launcher.output();
    expect(out).toContain('[court]     Error: court crashed');
    expect(out).toContain('court exited unexpectedly (exit code 3) before it was ready');
    expect(out).not.toContain('restarting');
    expect(out).toContain('PostgreSQL stopped');
    expect(postmasterPid(join(dataDir, 'pg'))).toBeUndefined();
  }, 120_000);

  it('names a port another program holds', async () => {
    const blocker = run('start.ts'); // holds every port while it runs
    await blocker.waitFor('all services ready');
    const launcher = run('start.ts', { DATA_DIR: join(temp.path, 'other-data') });
    expect(await launcher.exit).toBe(1);
    expect(launcher.output()).toContain(
      `port ${ports.GATEWAY_PORT} (gateway) is already in use: stop what listens there or set GATEWAY_PORT`,
    );
    blocker.child.kill('SIGINT');
    expect(await blocker.exit).toBe(0);
  }, 120_000);
});

describe('npm run demo:reset', () => {
  it('runs every subgraph once with --prepare-only, DEMO_DATA=reset and DEMO_SCALE, then stops PostgreSQL', async () => {
    const reset = run('reset-demo.ts', { DEMO_SCALE: '2' });
    expect(await reset.exit).toBe(0);
    const out = reset.output();
    for (const name of SUBGRAPHS) {
      expect(logged(out, name, 'env')[0]).toMatchObject({
        demoData: 'reset',
        demoScale: '2',
        authJwksPath: join(dataDir, 'auth', 'jwks.json'),
      });
      expect(logged(out, name, 'prepared')).toHaveLength(1);
      expect(out).toMatch(new RegExp(`\\[launcher\\] +${name} +reset `));
    }
    expect(out).not.toContain('[gateway]');
    expect(out).toMatch(/demo data reset in \d/);
    expect(postmasterPid(join(dataDir, 'pg'))).toBeUndefined();
  }, 120_000);

  it('resets only the departments named, and refuses unknown ones', async () => {
    const some = run('reset-demo.ts', {}, ['union']);
    expect(await some.exit).toBe(0);
    expect(logged(some.output(), 'union', 'prepared')).toHaveLength(1);
    expect(some.output()).not.toContain('[court]');

    const wrong = run('reset-demo.ts', {}, ['unions']);
    expect(await wrong.exit).toBe(1);
    expect(wrong.output()).toContain('Unknown department(s): unions (choose from hr-bureau, union, court, justice)');
  }, 120_000);
});
