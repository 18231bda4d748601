import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeLaunch, pidsOf, SUBGRAPHS } from '@labour/testing/fake-launch';
import { isPortFree } from './lib/ports';
import { isAlive, postmasterPid } from './lib/postmaster-pid';

/**
 * `npm start` keeps what it started running: a service or PostgreSQL that dies is restarted, with
 * growing delays and a cap (scripts/lib/restart-policy.ts), while the rest run on. Real launcher, fake
 * services (see fake-launch.ts); every process is found and killed by its own pid.
 */

const { temp, dataDir, ports, run } = fakeLaunch('launcher-restarts');
const SERVICES = [...SUBGRAPHS, 'gateway'];

/** The launcher's own lines, without their prefix. */
function launcherLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('[launcher]'))
    .map((line) => line.replace(/^\[launcher\] +/, ''));
}

async function databaseOf(service: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${ports[`${service.replace('-', '_').toUpperCase()}_PORT`]}/db`);
  return { status: response.status, body: await response.json() };
}

describe('npm start keeps the services running', () => {
  it('restarts a killed service and leaves the others alone; a service that keeps crashing stays down at the cap; Ctrl-C stops everything', async () => {
    const breakDir = join(temp.path, 'broken');
    mkdirSync(breakDir);
    const launcher = run('start.ts', { FAKE_BREAK_DIR: breakDir });
    await launcher.waitFor('all services ready');
    const first = Object.fromEntries(SERVICES.map((name) => [name, pidsOf(launcher.output(), name)[0]]));

    process.kill(first.court, 'SIGKILL');
    await launcher.waitFor('court is ready again');
    const courtPids = pidsOf(launcher.output(), 'court');
    expect(courtPids).toHaveLength(2);
    expect(courtPids[1]).not.toBe(first.court);
    expect(isAlive(courtPids[1])).toBe(true);
    expect(launcherLines(launcher.output())).toEqual(
      expect.arrayContaining([
        'warning: court exited unexpectedly (killed by SIGKILL); restarting it in 0.5 s (restart 1 of at most 5 within 60 s)',
        `court restarted (pid ${courtPids[1]})`,
        expect.stringMatching(/^court is ready again, \d+(\.\d)? m?s after it stopped$/),
      ]),
    );
    for (const name of SERVICES.filter((service) => service !== 'court')) {
      expect(pidsOf(launcher.output(), name)).toEqual([first[name]]);
      expect(isAlive(first[name])).toBe(true);
    }

    // From now on justice crashes as it starts: five restarts, then it is left stopped.
    writeFileSync(join(breakDir, 'justice'), '');
    process.kill(first.justice, 'SIGTERM');
    await launcher.waitFor('justice exited unexpectedly (exit code 3) after 5 restarts', 120_000);
    const justiceLines = launcherLines(launcher.output()).filter((line) => line.includes('justice'));
    expect(justiceLines.filter((line) => line.startsWith('warning:'))).toEqual([
      'warning: justice exited unexpectedly (exit code 0); restarting it in 0.5 s (restart 1 of at most 5 within 60 s)',
      'warning: justice exited unexpectedly (exit code 3); restarting it in 1 s (restart 2 of at most 5 within 60 s)',
      'warning: justice exited unexpectedly (exit code 3); restarting it in 2 s (restart 3 of at most 5 within 60 s)',
      'warning: justice exited unexpectedly (exit code 3); restarting it in 4 s (restart 4 of at most 5 within 60 s)',
      'warning: justice exited unexpectedly (exit code 3); restarting it in 8 s (restart 5 of at most 5 within 60 s)',
    ]);
    expect(justiceLines.at(-1)).toBe(
      'error: justice exited unexpectedly (exit code 3) after 5 restarts within 60 s: it stays stopped, the rest keep running. ' +
        'Fix the cause its log shows above, then stop the launcher (Ctrl-C) and start it again.',
    );
    const justicePids = pidsOf(launcher.output(), 'justice');
    expect(justicePids).toHaveLength(6);
    expect(justicePids.filter(isAlive)).toEqual([]);
    expect(await isPortFree(Number(ports.JUSTICE_PORT))).toBe(true);

    // The launcher runs on, and so does everything else.
    expect(launcher.child.exitCode).toBeNull();
    const running = [first['hr-bureau'], first.union, courtPids[1], first.gateway];
    expect(running.filter(isAlive)).toEqual(running);
    const answer = await fetch(`http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`);
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });

    const postmaster = postmasterPid(join(dataDir, 'pg')) ?? 0;
    launcher.child.kill('SIGINT');
    expect(await launcher.exit).toBe(0);
    expect(launcher.output()).toContain('PostgreSQL stopped');
    expect(running.filter(isAlive)).toEqual([]);
    expect(isAlive(postmaster)).toBe(false);
  }, 180_000);

  it('restarts PostgreSQL killed with SIGKILL; the services run on and reach their databases again', async () => {
    const launcher = run('start.ts');
    await launcher.waitFor('all services ready');
    const servicePids = SERVICES.map((name) => pidsOf(launcher.output(), name)[0]);
    const pgData = join(dataDir, 'pg');
    const postmaster = postmasterPid(pgData) ?? 0;
    expect(await databaseOf('court')).toEqual({ status: 200, body: { user: 'court_svc', database: 'court' } });

    process.kill(postmaster, 'SIGKILL');
    await launcher.waitFor('postgres is ready again');
    const restarted = postmasterPid(pgData) ?? 0;
    expect(restarted).not.toBe(postmaster);
    expect(isAlive(restarted)).toBe(true);
    const lines = launcherLines(launcher.output());
    expect(lines).toEqual(
      expect.arrayContaining([
        'warning: postgres exited unexpectedly (killed by SIGKILL); restarting it in 0.5 s (restart 1 of at most 5 within 60 s)',
        `postgres restarted (pid ${restarted})`,
      ]),
    );
    // Its pid file was left behind by the kill, and is recognised as stale.
    expect(lines).toContain(`removing stale ${join(pgData, 'postmaster.pid')} (its server, pid ${postmaster}, no longer runs)`);

    // Every department's DATABASE_URL connects again, and no service was restarted for it.
    const databases = await Promise.all(SUBGRAPHS.map(databaseOf));
    expect(databases).toEqual([
      { status: 200, body: { user: 'hr_bureau_svc', database: 'hr_bureau' } },
      { status: 200, body: { user: 'union_svc', database: 'union_db' } },
      { status: 200, body: { user: 'court_svc', database: 'court' } },
      { status: 200, body: { user: 'justice_svc', database: 'justice' } },
    ]);
    expect(SERVICES.map((name) => pidsOf(launcher.output(), name))).toEqual(servicePids.map((pid) => [pid]));
    expect(servicePids.filter(isAlive)).toEqual(servicePids);

    launcher.child.kill('SIGINT');
    expect(await launcher.exit).toBe(0);
    expect(launcher.output()).toContain('PostgreSQL stopped');
    expect(isAlive(restarted)).toBe(false);
    expect(servicePids.filter(isAlive)).toEqual([]);
  }, 120_000);
});
