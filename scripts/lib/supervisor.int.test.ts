import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeTempDir } from '@labour/testing/temp-dir';
import { launcherLog, PrefixedOutput } from './output';
import { findFreePort } from './ports';
import { isAlive } from './postmaster-pid';
import { Supervisor, type ChildExit, type Run, type ServiceSpec } from './supervisor';

// Tiny stand-ins for the services, written for this test run.
const temp = makeTempDir('supervisor');
const SCRIPTS: Record<string, string> = {
  'talker.js': `
    console.log('hello from ' + process.env.WHO);
    console.log('has ipc: ' + (typeof process.send === 'function'));
    process.stdout.write('split ');
    setTimeout(() => process.stdout.write('line\\n'), 50);
    console.error('warning on stderr');
    process.on('SIGTERM', () => { console.log('bye'); process.exit(0); });
    setInterval(() => undefined, 1000);`,
  'stubborn.js': `
    process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
    console.log('started');
    setInterval(() => undefined, 1000);`,
  // Stops only once the test lets it (the file RELEASE exists): a service that takes its time to stop.
  'slow-stopper.js': `
    process.on('SIGTERM', () => {
      console.log('stopping slowly');
      setInterval(() => { if (require('node:fs').existsSync(process.env.RELEASE)) process.exit(0); }, 20);
    });
    console.log('started');
    setInterval(() => undefined, 1000);`,
  'crasher.js': `
    console.log('about to crash');
    setTimeout(() => { console.error('Error: boom'); process.exit(3); }, 300);`,
  'ready-server.js': `
    const started = Date.now();
    require('node:http').createServer((req, res) => {
      res.statusCode = req.url === '/ready' && Date.now() - started > 300 ? 200 : 503;
      res.end();
    }).listen(Number(process.env.PORT), '127.0.0.1');
    process.on('SIGTERM', () => process.exit(0));`,
  // Ready at once, unless the file CRASH exists: then it crashes on start (a service broken after it ran well).
  'breakable.js': `
    if (require('node:fs').existsSync(process.env.CRASH)) { console.error('Error: broken'); process.exit(3); }
    console.log('serving as pid ' + process.pid);
    require('node:http').createServer((req, res) => res.end()).listen(Number(process.env.PORT), '127.0.0.1');
    process.on('SIGTERM', () => process.exit(0));`,
};
for (const [file, source] of Object.entries(SCRIPTS)) writeFileSync(join(temp.path, file), source);

afterAll(() => temp.remove());

function capture(stream: PassThrough): () => string {
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  return () => text;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

// Short delays, so that a test sees several restarts quickly; the cap is counted over a whole minute.
const QUICK_RESTARTS = { initialDelayMs: 50, maxDelayMs: 200, maxRestarts: 3, windowMs: 60_000 };

function harness(names: string[], stopTimeoutMs = 5_000) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = capture(stdout);
  const err = capture(stderr);
  const output = new PrefixedOutput(names, stdout, stderr, false);
  const exits: number[] = [];
  const supervisor = new Supervisor({
    output,
    log: launcherLog(output),
    stopTimeoutMs,
    exit: (code) => exits.push(code),
    restartLimits: QUICK_RESTARTS,
  });
  const spec = (name: string, script: string, env: NodeJS.ProcessEnv = {}): ServiceSpec => ({
    name,
    args: [join(temp.path, script)],
    cwd: temp.path,
    env: { ...process.env, WHO: name, ...env },
  });
  return { supervisor, out, err, exits, spec };
}

describe('Supervisor', () => {
  it('prefixes every line with its aligned service name, stdout and stderr apart, over an IPC channel', async () => {
    const { supervisor, out, err, spec } = harness(['alpha', 'hr-bureau']);
    supervisor.start(spec('alpha', 'talker.js'));
    supervisor.start(spec('hr-bureau', 'talker.js'));
    await waitFor(() => (out().match(/split line/g) ?? []).length === 2, 'both talkers');

    expect(out()).toContain('[alpha]     hello from alpha\n');
    expect(out()).toContain('[hr-bureau] hello from hr-bureau\n');
    expect(out()).toContain('[alpha]     has ipc: true\n');
    expect(out()).toContain('[alpha]     split line\n'); // one line although written in two pieces
    expect(err()).toContain('[hr-bureau] warning on stderr\n');
    expect(out()).not.toContain('warning on stderr');
    await supervisor.shutdown(0);
  });

  it('stops every child with SIGTERM, then runs the hooks newest first, then exits 0', async () => {
    const { supervisor, out, exits, spec } = harness(['alpha', 'beta']);
    const children = [supervisor.start(spec('alpha', 'talker.js')), supervisor.start(spec('beta', 'talker.js'))];
    await waitFor(() => (out().match(/split line/g) ?? []).length === 2, 'both children');

    const order: string[] = [];
    supervisor.onShutdown(() => void order.push('release lock'));
    supervisor.onShutdown(async () => {
      order.push(`stop postgres (children alive: ${children.some((child) => isAlive(child.pid ?? 0))})`);
    });
    await supervisor.shutdown(0, 'test over');

    expect(order).toEqual(['stop postgres (children alive: false)', 'release lock']);
    expect(out()).toContain('[alpha]    bye');
    expect(out()).toContain('[launcher] test over');
    expect(exits).toEqual([0]);
  });

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    const { supervisor, out, err, exits, spec } = harness(['stubborn'], 300);
    const child = supervisor.start(spec('stubborn', 'stubborn.js'));
    await waitFor(() => out().includes('started'), 'the stubborn child');
    await supervisor.shutdown(0);
    // It was asked first (and said no), then killed.
    expect(out()).toContain('[stubborn] ignoring SIGTERM');
    expect(err()).toContain('stubborn did not stop within 0.3 s; killing it');
    expect(child.signalCode).toBe('SIGKILL');
    expect(exits).toEqual([0]);
  });

  it('waits through the grace period for a child that stops slowly, without killing it', async () => {
    const { supervisor, out, err, exits, spec } = harness(['slow'], 120_000);
    const release = join(temp.path, 'release-slow');
    const child = supervisor.start(spec('slow', 'slow-stopper.js', { RELEASE: release }));
    await waitFor(() => out().includes('started'), 'the slow child');
    const stopped = supervisor.shutdown(0);
    await waitFor(() => out().includes('stopping slowly'), 'SIGTERM to reach the slow child');
    expect(exits).toEqual([]); // the shutdown waits for it
    writeFileSync(release, '');
    await stopped;
    expect({ code: child.exitCode, signal: child.signalCode }).toEqual({ code: 0, signal: null });
    expect(err()).not.toContain('did not stop');
    expect(exits).toEqual([0]);
  });

  it('shuts everything down with exit code 1 when a service exits before it was ever ready', async () => {
    const { supervisor, err, exits, spec } = harness(['talker', 'crasher']);
    const talker = supervisor.start(spec('talker', 'talker.js'));
    supervisor.start(spec('crasher', 'crasher.js'));
    await waitFor(() => exits.length > 0, 'the shutdown');

    expect(err()).toContain('[crasher]  Error: boom');
    expect(err()).toContain('[launcher] error: crasher exited unexpectedly (exit code 3)');
    // The crash's last output comes before the launcher's report of it.
    expect(err().indexOf('Error: boom')).toBeLessThan(err().indexOf('exited unexpectedly'));
    expect(talker.exitCode ?? talker.signalCode).not.toBeNull();
    expect(exits).toEqual([1]);
  });

  it('waits for /ready, and gives up at once when the service dies first', async () => {
    const { supervisor, spec } = harness(['web', 'crasher']);
    const port = await findFreePort();
    supervisor.start(spec('web', 'ready-server.js', { PORT: String(port) }));
    await supervisor.waitReady('web', `http://127.0.0.1:${port}/ready`, 10_000);

    supervisor.start(spec('crasher', 'crasher.js'));
    // The message says why it gave up: the death (a wait that ran out would say "was not ready after 60 s"),
    // and a wait longer than the test's own timeout would fail the test.
    await expect(supervisor.waitReady('crasher', 'http://127.0.0.1:1/ready', 60_000)).rejects.toThrow(
      'crasher exited before it was ready (exit code 3)',
    );
    await supervisor.shutdown(1);
  });

  it('times out a service that never becomes ready, naming the last answer', async () => {
    const { supervisor, spec } = harness(['web']);
    const port = await findFreePort();
    supervisor.start(spec('web', 'ready-server.js', { PORT: String(port) }));
    await expect(supervisor.waitReady('web', `http://127.0.0.1:${port}/not-ready`, 800)).rejects.toThrow(
      /\/not-ready was not ready after 1 s \(last answer: HTTP 503\)/,
    );
    await supervisor.shutdown(0);
  });

  it('runs one-shot tasks to their end, without an IPC channel that would keep them alive', async () => {
    const { supervisor, out, spec } = harness(['task']);
    writeFileSync(
      join(temp.path, 'one-shot.js'),
      `process.on('disconnect', () => process.exit(0)); console.log('has ipc: ' + Boolean(process.channel));`,
    );
    expect(await supervisor.run(spec('task', 'one-shot.js'))).toEqual({ code: 0, signal: null });
    expect(out()).toContain('[task]     has ipc: false');
  });

  it('runs one-shot tasks to their end without treating their exit as a failure', async () => {
    const { supervisor, exits, spec } = harness(['task']);
    const result = await supervisor.run(spec('task', 'crasher.js'));
    expect(result).toEqual({ code: 3, signal: null });
    // A service's exit starts the shutdown in a handler that runs before this await returns, and only a
    // shutdown calls exit: `stopping` still false shows neither happened, with no pause to guess.
    expect(supervisor.stopping).toBe(false);
    expect(exits).toEqual([]);
  });
});

describe('Supervisor keeping services running', () => {
  async function twoReadyServices(crash: string) {
    const setup = harness(['web', 'other']);
    const ports = [await findFreePort(), await findFreePort()];
    const [web, other] = ['web', 'other'].map((name, i) =>
      setup.supervisor.start(setup.spec(name, 'breakable.js', { PORT: String(ports[i]), CRASH: crash })),
    );
    await setup.supervisor.waitReady('web', `http://127.0.0.1:${ports[0]}/ready`, 10_000);
    await setup.supervisor.waitReady('other', `http://127.0.0.1:${ports[1]}/ready`, 10_000);
    return { ...setup, web, other };
  }

  it('restarts a service that ends after it was ready, awaits it again, and leaves the others alone', async () => {
    const { supervisor, out, err, exits, web, other } = await twoReadyServices(join(temp.path, 'never-crash'));
    process.kill(web.pid ?? 0, 'SIGKILL');
    await waitFor(() => out().includes('[launcher] web is ready again'), 'web to be ready again');

    expect(err()).toContain(
      '[launcher] warning: web exited unexpectedly (killed by SIGKILL); restarting it in 0.05 s (restart 1 of at most 3 within 60 s)\n',
    );
    const restarted = Number(/\[launcher\] web restarted \(pid (\d+)\)/.exec(out())?.[1]);
    expect(restarted).not.toBe(web.pid);
    expect(out()).toContain(`[web]      serving as pid ${restarted}\n`);
    expect(isAlive(restarted)).toBe(true);
    expect(out()).toMatch(/\[launcher\] web is ready again, \d+(\.\d)? m?s after it stopped\n/);
    expect(isAlive(other.pid ?? 0)).toBe(true);
    expect(out()).not.toContain('other restarted');
    expect(exits).toEqual([]);

    await supervisor.shutdown(0);
    expect(isAlive(restarted)).toBe(false);
    expect(exits).toEqual([0]);
  });

  it('leaves a service stopped once the cap of restarts is reached, while the rest keep running', async () => {
    const crash = join(temp.path, 'crash-web');
    const { supervisor, out, err, exits, web, other } = await twoReadyServices(crash);
    writeFileSync(crash, ''); // from now on web crashes as it starts (other, started already, is not affected)
    process.kill(web.pid ?? 0, 'SIGTERM');
    await waitFor(() => err().includes('stays stopped'), 'the launcher to give up on web');

    const launcherLines = err()
      .split('\n')
      .filter((line) => line.startsWith('[launcher]'));
    expect(launcherLines).toEqual([
      '[launcher] warning: web exited unexpectedly (exit code 0); restarting it in 0.05 s (restart 1 of at most 3 within 60 s)',
      '[launcher] warning: web exited unexpectedly (exit code 3); restarting it in 0.1 s (restart 2 of at most 3 within 60 s)',
      '[launcher] warning: web exited unexpectedly (exit code 3); restarting it in 0.2 s (restart 3 of at most 3 within 60 s)',
      '[launcher] error: web exited unexpectedly (exit code 3) after 3 restarts within 60 s: it stays stopped, the rest keep running. ' +
        'Fix the cause its log shows above, then stop the launcher (Ctrl-C) and start it again.',
    ]);
    expect(err().match(/\[web\] +Error: broken\n/g)).toHaveLength(3);
    expect(out().match(/\[launcher\] web restarted/g)).toHaveLength(3);
    expect(out()).not.toContain('web is ready again');
    expect(isAlive(other.pid ?? 0)).toBe(true);
    expect(supervisor.stopping).toBe(false);
    expect(exits).toEqual([]);
    await supervisor.shutdown(0);
    expect(isAlive(other.pid ?? 0)).toBe(false);
  });

  it('restarts a watched server with its own start function; a failed start counts as another end', async () => {
    const { supervisor, out, err, exits } = harness(['db']);
    // Stand-ins for the runs of a server started outside the supervisor (as PostgreSQL is): the test ends them.
    const ends: ((exit: ChildExit) => void)[] = [];
    const runOf = (pid: number): Run => ({ pid, exited: new Promise<ChildExit>((end) => ends.push(end)) });
    let starts = 0;
    supervisor.watch('db', runOf(100).exited, async () => {
      starts += 1;
      if (starts === 1) throw new Error('port 5432 is taken');
      return runOf(100 + starts);
    });
    ends[0]({ code: null, signal: 'SIGKILL' });
    await waitFor(() => out().includes('[launcher] db is ready again'), 'db to run again');

    expect(err()).toContain(
      '[launcher] warning: db exited unexpectedly (killed by SIGKILL); restarting it in 0.05 s (restart 1 of at most 3 within 60 s)\n',
    );
    expect(err()).toContain(
      '[launcher] warning: db exited unexpectedly (could not start: port 5432 is taken); restarting it in 0.1 s (restart 2 of at most 3 within 60 s)\n',
    );
    expect(out()).toContain('[launcher] db restarted (pid 102)\n');
    expect(starts).toBe(2);

    // Its end during shutdown is the shutdown's doing: no restart.
    const stopped = supervisor.shutdown(0);
    ends[1]({ code: 0, signal: null });
    await stopped;
    expect(starts).toBe(2);
    expect(exits).toEqual([0]);
  });
});
