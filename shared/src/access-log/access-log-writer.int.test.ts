import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '@labour/testing/databases';
import { Department, Role } from '../context';
import { createOrm } from '../db';
import { AccessLogEntry, AccessLogOutcome } from './access-log-entry.entity';
import { AccessLogWriter } from './access-log-writer';
import { AccessLogHeadMoved, appendAccessLog, readAccessLogHead } from './append-access-log';
import type { NewAccessLogRow } from './buffered-access-recorder';
import { GENESIS_HASH } from './hash-chain';
import { verifyAccessLog } from './verify-access-log';

/** A request's rows: `count` rows tagged with the request id, so each request's rows can be found in the log. */
function rowsOf(requestId: string, count = 2, purpose: string | null = 'test'): NewAccessLogRow[] {
  return Array.from({ length: count }, (_, i) => ({
    at: new Date('2026-11-20T08:30:00.123Z'),
    subject: 'u-1',
    subjectName: null,
    department: Department.UNION,
    roles: [Role.CASEWORKER],
    operationName: 'Op',
    purpose,
    subjectKeys: [`ref-${i}`],
    fields: [`Worker.field${i}`],
    channelId: null,
    outcome: AccessLogOutcome.MASKED,
    requestId,
  }));
}

describe('AccessLogWriter (group commit)', () => {
  let database: TestDatabase;
  let orm: MikroORM;
  /** A second ORM on the same database: another process of the same service. */
  let other: MikroORM;

  const stored = async () =>
    await orm.em
      .fork()
      .execute<Array<{ request_id: string; prev_hash: string; hash: string }>>(
        'select "request_id", "prev_hash", "hash" from "access_log" order by "id"',
      );
  const intact = async (entries: number) =>
    expect(await verifyAccessLog(orm.em.fork())).toEqual({ entries, firstBrokenId: null, reason: null });

  beforeAll(async () => {
    database = await createTestDatabase('access_log_writer');
    const options = { databaseUrl: database.url, entities: [AccessLogEntry], migrations: [], logger: pino({ level: 'silent' }) };
    ({ orm } = await createOrm(options));
    ({ orm: other } = await createOrm(options));
    await orm.schema.create(); // with the unique prev_hash the migrations declare (access_log_prev_hash_unique)
  });
  afterAll(async () => {
    await orm?.close();
    await other?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await orm.em.fork().execute('truncate "access_log" restart identity');
  });

  it('puts the rows of requests that arrive during an INSERT into the next one, in the order they came', async () => {
    const writer = new AccessLogWriter(orm.em);
    const requests = Array.from({ length: 50 }, (_, i) => `req-${String(i).padStart(2, '0')}`);
    await Promise.all(requests.map((id) => writer.append(rowsOf(id))));
    // The first request finds the writer idle and goes alone; the other 49 queue behind it and share one INSERT.
    expect(writer.counts).toEqual({ batches: 2, requests: 50, headReloads: 0 });
    expect((await stored()).map((row) => row.request_id)).toEqual(requests.flatMap((id) => [id, id]));
    expect((await stored())[0]!.prev_hash).toBe(GENESIS_HASH);
    await intact(100);
  });

  it('keeps each INSERT within maxBatchRows, whole requests only', async () => {
    const writer = new AccessLogWriter(orm.em, { maxBatchRows: 10 });
    await Promise.all(Array.from({ length: 31 }, (_, i) => writer.append(rowsOf(`req-${i}`, 3))));
    // 1 alone, then 30 requests of 3 rows, three to an INSERT (9 rows; a fourth would make 12).
    expect(writer.counts).toEqual({ batches: 11, requests: 31, headReloads: 0 });
    await intact(93);
  });

  it('re-chains onto the new head when another process appended after the head it knew', async () => {
    const writer = new AccessLogWriter(orm.em);
    const elsewhere = new AccessLogWriter(other.em);
    await writer.append(rowsOf('a-1'));
    await elsewhere.append(rowsOf('b-1'));
    // `writer` still knows a-1's last hash as the head: its claim on it collides with b-1's first entry.
    await writer.append(rowsOf('a-2'));
    expect(writer.counts).toEqual({ batches: 2, requests: 2, headReloads: 1 });
    expect((await stored()).map((row) => row.request_id)).toEqual(['a-1', 'a-1', 'b-1', 'b-1', 'a-2', 'a-2']);
    await intact(6);
  });

  it('refuses a second claim on the same predecessor, writing nothing of the refused rows', async () => {
    const head = await readAccessLogHead(orm.em.fork());
    await appendAccessLog(orm.em, rowsOf('first'), head);
    await expect(appendAccessLog(orm.em, rowsOf('second', 3), head)).rejects.toBeInstanceOf(AccessLogHeadMoved);
    expect((await stored()).map((row) => row.request_id)).toEqual(['first', 'first']);
    await intact(2);
  });

  it('keeps one chain while two processes write many requests at once', async () => {
    // Each conflict means the other one committed; enough attempts that neither gives up while the other keeps winning.
    const writers = [new AccessLogWriter(orm.em, { maxAttempts: 100 }), new AccessLogWriter(other.em, { maxAttempts: 100 })];
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        await new Promise((resolve) => setImmediate(resolve));
        await writers[i % 2]!.append(rowsOf(`req-${i}`, 1 + (i % 3)));
      }),
    );
    const expected = Array.from({ length: 60 }, (_, i) => 1 + (i % 3)).reduce((a, b) => a + b, 0);
    await intact(expected);
    expect(writers[0]!.counts.requests + writers[1]!.counts.requests).toBe(60);
  });

  it('fails only the request whose rows the database refuses, not the others of its INSERT', async () => {
    const writer = new AccessLogWriter(orm.em);
    await writer.append(rowsOf('before'));
    // PostgreSQL text cannot hold NUL (the server refuses the batch's \u0000): the INSERT of the three queued requests fails as a whole.
    const results = await Promise.allSettled([
      writer.append(rowsOf('good-1')),
      writer.append(rowsOf('bad', 2, 'nul \u0000')),
      writer.append(rowsOf('good-2')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toBe('error: unsupported Unicode escape sequence');
    expect((await stored()).map((row) => row.request_id)).toEqual(['before', 'before', 'good-1', 'good-1', 'good-2', 'good-2']);
    await intact(6);
  });

  it('stores every value exactly as it was hashed, whatever characters it holds', async () => {
    const awkward = [
      '',
      ' padded ',
      'NULL',
      'null',
      'a,b',
      '{brace}',
      'quote "q"',
      'back\\slash',
      'line\nbreak\ttab\r',
      '\u0001\u001f',
      '调解 李四',
      '😀 emoji',
      '[1,2]',
      '\\u0041',
    ];
    const at = new Date('2026-11-20T08:30:00.987Z');
    const rows: NewAccessLogRow[] = awkward.map((value, i) => ({
      ...rowsOf(`odd-${i}`, 1, value)[0]!,
      at,
      subject: value,
      subjectName: value,
      operationName: value,
      subjectKeys: [value, `${value}-2`],
      fields: awkward,
      channelId: value,
      requestId: value,
    }));
    const writer = new AccessLogWriter(orm.em);
    await writer.append(rows);
    const read = await orm.em
      .fork()
      .execute<Array<Record<string, unknown>>>(
        'select to_char("at" at time zone \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.US"Z"\') as "at", "subject", "subject_name", "purpose", "operation_name", "subject_keys", "fields", "channel_id", "request_id", "roles", "department", "outcome" from "access_log" order by "id"',
      );
    expect(read).toEqual(
      awkward.map((value) => ({
        at: '2026-11-20T08:30:00.987000Z',
        subject: value,
        subject_name: value,
        purpose: value,
        operation_name: value,
        subject_keys: [value, `${value}-2`],
        fields: awkward,
        channel_id: value,
        request_id: value,
        roles: [Role.CASEWORKER],
        department: Department.UNION,
        outcome: AccessLogOutcome.MASKED,
      })),
    );
    await intact(awkward.length);
  });

  it('chains entries as before: the same rows give the same hashes', async () => {
    const writer = new AccessLogWriter(orm.em);
    await writer.append([
      {
        ...rowsOf('pinned', 1)[0]!,
        subjectKeys: ['ref-a'],
        fields: ['Worker.name'],
        purpose: '调解',
        operationName: null,
        subject: 'u-17',
        requestId: 'req-1',
        at: new Date('2026-11-20T08:30:00.123Z'),
      },
    ]);
    // The entry of the hash-chain unit test (access-log.test.ts), written through the database: the same hash.
    expect(await stored()).toEqual([
      { request_id: 'req-1', prev_hash: GENESIS_HASH, hash: '7bf0ce3339804e87a14c7ac4056b8a736b272f3366d0e19cc89cf7f712863bca' },
    ]);
    await intact(1);
  });

  it('logs its INSERT as MikroORM logs its own statements, the batch written in, as PostgreSQL runs it', async () => {
    const captureDir = mkdtempSync(join(tmpdir(), 'access-log-capture-'));
    const captureFile = join(captureDir, 'sql.jsonl');
    const { orm: capturing } = await createOrm({
      databaseUrl: database.url,
      entities: [AccessLogEntry],
      migrations: [],
      logger: pino({ level: 'silent' }),
      sqlCaptureFile: captureFile,
    });
    try {
      await new AccessLogWriter(capturing.em).append(rowsOf("it's", 2, 'l\'œuvre "q" \\ $& $\' $$'));
    } finally {
      await capturing.close();
    }
    const lines = readFileSync(captureFile, 'utf8');
    rmSync(captureDir, { recursive: true, force: true });
    const captured = lines
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { sql: string; background: boolean; failed: boolean });
    const inserts = captured.filter((entry) => /^insert into "access_log"/.test(entry.sql));
    expect(inserts).toHaveLength(1);
    expect(inserts[0]).toEqual({ sql: expect.not.stringContaining('$1'), background: false, failed: false });
    const written = await stored();
    // Run as captured on an empty log, it writes the same entries: the same contents under the same hashes.
    await orm.em.fork().execute('truncate "access_log" restart identity');
    await orm.em.fork().execute(inserts[0]!.sql);
    expect(await stored()).toEqual(written);
    await intact(2);
  });

  it('writes what is queued before it closes, and refuses rows after', async () => {
    const writer = new AccessLogWriter(orm.em);
    const queued = [writer.append(rowsOf('q-1')), writer.append(rowsOf('q-2'))];
    await writer.close();
    await Promise.all(queued);
    expect((await stored()).map((row) => row.request_id)).toEqual(['q-1', 'q-1', 'q-2', 'q-2']);
    await expect(writer.append(rowsOf('late'))).rejects.toThrow('the access-log writer is closed: the service is stopping');
    expect(() => new AccessLogWriter(orm.em, { maxBatchRows: 0 })).toThrow(
      'AccessLogWriter: maxBatchRows and maxAttempts must be at least 1',
    );
  });
});
