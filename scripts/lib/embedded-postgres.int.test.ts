import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { makeTempDir } from '@labour/testing/temp-dir';
import { waitFor } from '@labour/testing/wait-for';
import { runSql, startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';
import { findFreePort } from './ports';
import { isAlive, isPostmasterFor, postmasterPid, recoverStalePostmaster, serverProcessesFor, stopPostmaster } from './postmaster-pid';

const REPO_ROOT = resolve(__dirname, '..', '..');
const temp = makeTempDir('embedded-pg');
const dataDir = join(temp.path, 'pg');
const password = randomBytes(12).toString('hex');
let port: number;

function options(extra: Partial<EmbeddedPostgresOptions> = {}): EmbeddedPostgresOptions {
  return { dataDir, port, password, ...extra };
}

async function start(extra: Partial<EmbeddedPostgresOptions> = {}): Promise<EmbeddedPostgres> {
  const server = await startEmbeddedPostgres(options(extra));
  postmasters.add(server.pid);
  return server;
}

/** Runs a separate Node process that starts the cluster and prints the postmaster's pid. */
async function startInChildProcess(): Promise<{ childPid: number; postmaster: number; kill9(): Promise<void> }> {
  const script = join(temp.path, 'start-cluster.ts');
  writeFileSync(
    script,
    `import { startEmbeddedPostgres } from ${JSON.stringify(join(__dirname, 'embedded-postgres'))};
startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, password: ${JSON.stringify(password)} })
  .then((server) => { console.log(JSON.stringify({ postmaster: server.pid })); setInterval(() => undefined, 1 << 30); })
  .catch((error) => { console.error(error); process.exit(1); });
`,
  );
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const postmaster = await new Promise<number>((resolvePid, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /\{"postmaster":(\d+)\}/.exec(stdout);
      if (match) resolvePid(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before PostgreSQL was ready:\n${stderr}`)));
  });
  postmasters.add(postmaster);
  return {
    childPid: child.pid ?? 0,
    postmaster,
    kill9: async () => {
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}

beforeAll(async () => {
  port = await findFreePort();
});

// Every server a test started, so a failed test (which may have overwritten postmaster.pid) leaves none behind.
const postmasters = new Set<number>();

afterAll(async () => {
  // Whatever still works in this test's data directory: a backend a failed test left spinning outlives its
  // killed postmaster (and its open connection would keep Jest waiting).
  for (const pid of serverProcessesFor(dataDir)) process.kill(pid, 'SIGKILL');
  await recoverStalePostmaster(dataDir, () => undefined);
  for (const pid of postmasters) if (isAlive(pid) && isPostmasterFor(pid, dataDir)) await stopPostmaster(pid, () => undefined);
  temp.remove();
});

describe('embedded PostgreSQL', () => {
  it('recovers a cluster whose starting process was killed with SIGKILL', async () => {
    const first = await startInChildProcess();
    await first.kill9();
    // The server outlives the process that started it, holding the port and postmaster.pid.
    expect(isAlive(first.childPid)).toBe(false);
    expect(isAlive(first.postmaster)).toBe(true);
    expect(postmasterPid(dataDir)).toBe(first.postmaster);

    const messages: string[] = [];
    const server = await start({ log: (message) => messages.push(message) });
    try {
      expect(server.initialised).toBe(false);
      expect(server.pid).not.toBe(first.postmaster);
      expect(isAlive(first.postmaster)).toBe(false);
      expect(messages.join('\n')).toContain(`PostgreSQL (pid ${first.postmaster}) from an earlier run still serves`);
      const { rows } = await runSql(server.url(), 'SELECT current_user AS "user"');
      expect(rows).toEqual([{ user: 'postgres' }]);
    } finally {
      await server.stop();
    }
    expect(isAlive(server.pid)).toBe(false);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 60_000);

  it('starts again after its postmaster was killed with SIGKILL, once the children it left behind are gone', async () => {
    const first = await start();
    // A backend busy with an endless statement outlives its postmaster: it checks for the postmaster's
    // death only when it waits, and it keeps the old server's shared memory attached.
    const busy = new Client({ connectionString: first.url() });
    busy.on('error', () => undefined);
    await busy.connect();
    const backend = (await busy.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const endless = busy.query('DO $$ BEGIN LOOP PERFORM 1; END LOOP; END $$').catch((error: Error) => error);
    await waitFor(
      () => runSql(first.url(), 'SELECT state FROM pg_stat_activity WHERE pid = $1', [backend]),
      (result) => result.rows[0]?.state === 'active',
      { what: 'the endless statement to run' },
    );

    process.kill(first.pid, 'SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(postmasterPid(dataDir)).toBe(first.pid); // left behind
    expect(serverProcessesFor(dataDir)).toContain(backend);

    const messages: string[] = [];
    await recoverStalePostmaster(dataDir, (message) => messages.push(message), 1_000);
    expect(messages.join('\n')).toMatch(
      new RegExp(`killing \\d+ process\\(es\\) of the earlier PostgreSQL server still running: (\\d+, )*${backend}\\b`),
    );
    expect(isAlive(backend)).toBe(false);
    expect(serverProcessesFor(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(await endless).toBeInstanceOf(Error);
    await busy.end().catch(() => undefined);

    const second = await start();
    try {
      expect((await runSql(second.url(), 'SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it('removes a postmaster.pid whose process is gone', async () => {
    const dead = spawnSync('true').pid;
    writeFileSync(join(dataDir, 'postmaster.pid'), `${dead}\n${dataDir}\n`);
    const messages: string[] = [];
    const server = await start({ log: (message) => messages.push(message) });
    await server.stop();
    expect(messages.join('\n')).toContain(`(its server, pid ${dead}, no longer runs)`);
  }, 30_000);

  it('leaves alone a live process that merely got the recycled pid', async () => {
    writeFileSync(join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n`);
    const messages: string[] = [];
    const server = await start({ log: (message) => messages.push(message) });
    await server.stop();
    expect(isAlive(process.pid)).toBe(true); // this very test process was not signalled
    expect(messages.join('\n')).toContain(`(pid ${process.pid} is not a PostgreSQL server for this directory)`);
  }, 30_000);

  it('keeps its data across restarts and initialises only a new directory', async () => {
    const first = await start();
    await runSql(first.url(), 'CREATE TABLE IF NOT EXISTS kept (id int); INSERT INTO kept VALUES (7)');
    await first.stop();
    const second = await start();
    try {
      expect(second.initialised).toBe(false);
      expect((await runSql(second.url(), 'SELECT id FROM kept')).rows).toContainEqual({ id: 7 });
    } finally {
      await second.stop();
    }
  }, 30_000);

  it('names the port when it is taken, instead of failing with undefined', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((done) => blocker.listen(port, '127.0.0.1', done));
    try {
      await expect(startEmbeddedPostgres(options())).rejects.toThrow(`Port ${port} for PostgreSQL is already in use`);
    } finally {
      blocker.close();
    }
  }, 30_000);

  it("reports PostgreSQL's own reason when the server refuses to start", async () => {
    await expect(startEmbeddedPostgres(options({ settings: { shared_buffers: 'plenty' } }))).rejects.toThrow(
      /PostgreSQL failed to start on port \d+ \(exit 1\):[\s\S]*invalid value for parameter "shared_buffers": "plenty"/,
    );
  }, 30_000);

  it('refuses a non-empty directory that holds no cluster', async () => {
    const other = join(temp.path, 'not-a-cluster');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'notes.txt'), 'mine');
    await expect(startEmbeddedPostgres(options({ dataDir: other }))).rejects.toThrow(
      `${other} is not empty but holds no PostgreSQL cluster`,
    );
  });
});
