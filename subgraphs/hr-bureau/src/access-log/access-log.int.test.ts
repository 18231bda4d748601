import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import {
  canonicalEntryJson,
  Department,
  entryHash,
  idNumberCheckCharacter,
  personRefOf,
  Role,
  staticGrantSource,
  verifyAccessLog,
} from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { superuserUrlFor, type TestDatabase } from '@labour/testing/databases';
import { type LogLines, TEST_AS_OF, TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { hrBureauSubgraph } from '../definition';
import { forbiddenAnswer } from '@labour/testing/refusals';

/**
 * hr-bureau's access log for real: demo data, real tokens, the permission layer, one sharing channel
 * (worker names to the union), and the log written by the subgraph's own database role.
 */
const CHANNEL = 'ch-names-to-union';
const ENTERPRISE = STORY_ENTERPRISES.constructionArrears;
const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * One worker read as the gateway reads it for another department: by personRef, the federation key.
 * (`worker(idNumber:)` is not for departments that see the number masked; person-lookup.e2e.test.ts.)
 */
const WORKER = /* GraphQL */ `
  query WorkerFile($representations: [_Any!]!) { _entities(representations: $representations) { ... on Worker { personRef name idNumber phone } } }
`;
const workerRef = (personRef: string) => ({ representations: [{ __typename: 'Worker', personRef }] });
const WORKERS = /* GraphQL */ `
  query Workforce($creditCode: String!) { enterprise(creditCode: $creditCode) { workers { personRef name idNumber phone } } }
`;
const LOG = /* GraphQL */ `
  query Log($first: Int, $after: String, $since: DateTimeISO, $department: Department, $outcome: AccessOutcome) {
    hrBureauAccessLog(first: $first, after: $after, since: $since, department: $department, outcome: $outcome) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id at subject subjectName department roles operationName purpose subjectKeys fields channelId outcome requestId prevHash hash }
    }
  }
`;

interface StoredRow {
  id: string;
  at: Date;
  prev_hash: string;
  hash: string;
  subject: string;
  subject_name: string | null;
  department: string;
  roles: string[];
  operation_name: string | null;
  purpose: string | null;
  subject_keys: string[];
  fields: string[];
  channel_id: string | null;
  outcome: string;
  request_id: string;
}

async function withConnection<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Runs statements as the superuser with triggers off (`replica`): tampering, as a DBA could. */
function tamper(url: string, ...statements: string[]): Promise<void> {
  return withConnection(url, async (client) => {
    await client.query('begin');
    await client.query('set local session_replication_role = replica');
    for (const statement of statements) await client.query(statement);
    await client.query('commit');
  });
}

const runCli = promisify(execFile);
async function auditVerify(databaseUrl: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await runCli(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/verify-access-log.ts', 'hr-bureau', '--owner-database'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl },
      },
    );
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('hr-bureau access log', () => {
  const logs: LogLines = [];
  let ownUrl: string;
  let superUrl: string;
  let role: string;
  let someWorker: { idNumber: string; personRef: string };

  /** The log as the subgraph's own role reads it, oldest first. */
  const stored = () =>
    withConnection(ownUrl, async (client) => (await client.query<StoredRow>('select * from access_log order by id')).rows);
  const union = (...roles: Role[]) => asPrincipal(Department.UNION, ...(roles.length ? roles : [Role.CASEWORKER]));
  const hrAdmin = () => asPrincipal(Department.HR_BUREAU, Role.ADMIN);
  /** Reads one worker as a union caseworker: two entries (name GRANTED, idNumber and phone MASKED). */
  async function unionReads(times: number, headers: Record<string, string> = union()): Promise<void> {
    for (let i = 0; i < times; i += 1)
      expect((await hr.query(WORKER, workerRef(someWorker.personRef), headers)).body.errors).toBeUndefined();
  }

  const hr = useSubgraph(hrBureauSubgraph, { demo: true, logs, grants: staticGrantSource({ UNION: { 'Worker.name': CHANNEL } }) });
  beforeAll(async () => {
    ownUrl = hr.subgraph.orm.config.get('clientUrl')!;
    superUrl = superuserUrlFor({ url: ownUrl } as TestDatabase);
    role = decodeURIComponent(new URL(ownUrl).username);
    const { body } = await hr.query(`query ($c: String!) { enterprise(creditCode: $c) { workers { idNumber personRef } } }`, {
      c: ENTERPRISE,
    });
    someWorker = body.data.enterprise.workers[0];
  }, 120_000);

  it('records nothing when the own department reads', async () => {
    const before = await stored();
    const { body } = await hr.query(WORKERS, { creditCode: ENTERPRISE }, asPrincipal(Department.HR_BUREAU, Role.CASEWORKER));
    expect(body.errors).toBeUndefined();
    expect(await stored()).toEqual(before);
  });

  it("records another department's read: who, what for, which fields of which records, the channel, the outcome", async () => {
    const headers = { ...union(), 'x-purpose': 'mediation of LD-UN-2026-000123', 'x-request-id': 'req-access-log-1' };
    const before = (await stored()).length;
    const { body } = await hr.query(WORKER, workerRef(someWorker.personRef), headers);
    expect(body.errors).toBeUndefined();
    expect(body.data._entities[0].idNumber).not.toBe(someWorker.idNumber); // masked: no channel grants it

    const who = { subject: 'test:union:caseworker', subject_name: '测试 UNION caseworker', department: 'UNION', roles: ['CASEWORKER'] };
    const request = { operation_name: 'WorkerFile', purpose: 'mediation of LD-UN-2026-000123', request_id: 'req-access-log-1' };
    expect((await stored()).slice(before)).toEqual([
      expect.objectContaining({
        ...who,
        ...request,
        subject_keys: [someWorker.personRef],
        fields: ['Worker.name'],
        channel_id: CHANNEL,
        outcome: 'GRANTED',
      }),
      expect.objectContaining({
        ...who,
        ...request,
        subject_keys: [someWorker.personRef],
        fields: ['Worker.idNumber', 'Worker.phone'],
        channel_id: null,
        outcome: 'MASKED',
      }),
    ]);
  });

  it('writes one INSERT per request, however many records and fields were read', async () => {
    const before = (await stored()).length;
    hr.subgraph.queries.reset();
    const { body } = await hr.query(WORKERS, { creditCode: ENTERPRISE }, union());
    expect(body.errors).toBeUndefined();
    const workers = body.data.enterprise.workers as Array<{ personRef: string }>;
    expect(workers.length).toBeGreaterThan(10);

    const inserts = hr.subgraph.queries.lastStatements.filter((sql) => /^insert into "access_log"/i.test(sql));
    expect(inserts).toHaveLength(1);
    // The insert alone: no lock, no transaction around it, and the writer knows the head from its last insert.
    expect(hr.subgraph.queries.lastStatements.filter((sql) => /access_log|advisory|^(begin|commit)/i.test(sql))).toEqual([inserts[0]]);
    const added = (await stored()).slice(before);
    expect(added.map((row) => [row.outcome, row.fields, row.subject_keys.length])).toEqual([
      ['GRANTED', ['Worker.name'], workers.length],
      ['MASKED', ['Worker.idNumber', 'Worker.phone'], workers.length],
    ]);
    expect(added[0]!.subject_keys).toEqual(workers.map((w) => w.personRef).sort());
  });

  it("lets the own department's ADMIN alone read the log, newest first, filtered and a page at a time", async () => {
    // This test's own entries: the ones since it began (`at` is the service's timestamp, in this process).
    const since = new Date(Date.now() - 1).toISOString();
    await unionReads(2, { ...union(), 'x-purpose': 'mediation of LD-UN-2026-000123' });
    const all = await hr.query(LOG, { first: 100, since }, hrAdmin());
    expect(all.body.errors).toBeUndefined();
    const log = all.body.data.hrBureauAccessLog;
    expect(log.totalCount).toBe(4);
    expect(log.nodes.map((n: { outcome: string }) => n.outcome)).toEqual(['MASKED', 'GRANTED', 'MASKED', 'GRANTED']);
    expect(log.nodes[3]).toMatchObject({
      subject: 'test:union:caseworker',
      department: 'UNION',
      roles: ['CASEWORKER'],
      purpose: 'mediation of LD-UN-2026-000123',
    });
    expect(log.nodes[2].prevHash).toBe(log.nodes[3].hash);
    expect((await stored())[0]!.prev_hash).toBe('0'.repeat(64)); // the chain starts from zeros

    const first = await hr.query(LOG, { first: 3, since }, hrAdmin());
    expect(first.body.data.hrBureauAccessLog.pageInfo.hasNextPage).toBe(true);
    const rest = await hr.query(LOG, { first: 3, since, after: first.body.data.hrBureauAccessLog.pageInfo.endCursor }, hrAdmin());
    expect(rest.body.data.hrBureauAccessLog.nodes.map((n: { id: string }) => n.id)).toEqual([log.nodes[3].id]);
    expect(rest.body.data.hrBureauAccessLog.pageInfo.hasNextPage).toBe(false);

    const granted = await hr.query(LOG, { first: 100, since, outcome: 'GRANTED', department: 'UNION' }, hrAdmin());
    expect(granted.body.data.hrBureauAccessLog.totalCount).toBe(2);
    expect((await hr.query(LOG, { first: 100, department: 'COURT' }, hrAdmin())).body.data.hrBureauAccessLog.totalCount).toBe(0);
    expect((await hr.query(LOG, { first: 100, since: '2999-01-01T00:00:00.000Z' }, hrAdmin())).body.data.hrBureauAccessLog.totalCount).toBe(
      0,
    );

    for (const headers of [asPrincipal(Department.HR_BUREAU, Role.CASEWORKER), union(Role.ADMIN)]) {
      const refused = await hr.query(LOG, { first: 10 }, headers);
      expect(refused.body).toEqual(forbiddenAnswer(null, 'Only an ADMIN or AUDITOR of HR_BUREAU may read its access log'));
    }
  });

  it("answers who has read a worker's data", async () => {
    const query = `query ($id: String!) { workerAccessLog(idNumber: $id, first: 100) { totalCount nodes { department outcome fields subjectKeys } } }`;
    const countBefore = (await hr.query(query, { id: someWorker.idNumber }, hrAdmin())).body.data.workerAccessLog.totalCount as number;
    await unionReads(1);
    const read = await hr.query(query, { id: someWorker.idNumber }, hrAdmin());
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.workerAccessLog.totalCount).toBe(countBefore + 2);
    expect(read.body.data.workerAccessLog.nodes.every((n: { subjectKeys: string[] }) => n.subjectKeys.includes(someWorker.personRef))).toBe(
      true,
    );

    const unread = `11010519491231002${idNumberCheckCharacter('11010519491231002')}`;
    expect(personRefOf(unread, TEST_LINKAGE_KEY)).not.toBe(someWorker.personRef);
    expect((await hr.query(query, { id: unread }, hrAdmin())).body.data.workerAccessLog.totalCount).toBe(0);
    expect((await hr.query(query, { id: someWorker.idNumber }, union(Role.ADMIN))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("refuses UPDATE, DELETE and TRUNCATE of the log to the subgraph's own role, and to anyone while the triggers are on", async () => {
    await unionReads(1);
    const before = await stored();
    await withConnection(ownUrl, async (client) => {
      await expect(client.query(`update access_log set purpose = 'x'`)).rejects.toThrow(/permission denied for table access_log/);
      await expect(client.query(`delete from access_log`)).rejects.toThrow(/permission denied for table access_log/);
      await expect(client.query(`truncate access_log`)).rejects.toThrow(/permission denied for table access_log/);
    });
    await withConnection(superUrl, async (client) => {
      await expect(client.query(`update access_log set purpose = 'x'`)).rejects.toThrow('access_log is append-only: UPDATE refused');
      await expect(client.query(`delete from access_log`)).rejects.toThrow('access_log is append-only: DELETE refused');
      await expect(client.query(`truncate access_log`)).rejects.toThrow('access_log is append-only: TRUNCATE refused');
    });
    expect(await stored()).toEqual(before);
  });

  it('keeps the chain intact when requests write at the same time', async () => {
    const before = (await stored()).length;
    const responses = await Promise.all(Array.from({ length: 20 }, () => hr.query(WORKER, workerRef(someWorker.personRef), union())));
    expect(responses.every((r) => r.status === 200 && !r.body.errors)).toBe(true);
    expect(await verifyAccessLog(hr.subgraph.orm.em.fork())).toEqual({ entries: before + 40, firstBrokenId: null, reason: null });
  });

  it('shows an entry changed behind the triggers, in verifyAccessLog and in npm run audit:verify', async () => {
    await unionReads(2, { ...union(), 'x-purpose': 'tamper test' });
    const rows = await stored();
    const victim = rows[rows.length - 3]!;
    await tamper(superUrl, `update access_log set purpose = '统计分析' where id = ${victim.id}`);
    expect(await verifyAccessLog(hr.subgraph.orm.em.fork())).toEqual({
      entries: rows.length,
      firstBrokenId: victim.id,
      reason: 'its contents do not match its hash: the entry was changed after it was written',
    });
    const broken = await auditVerify(ownUrl);
    expect(broken).toEqual({
      code: 1,
      stdout: `access log of hr-bureau: ${rows.length} entries, chain BROKEN at entry ${victim.id}: its contents do not match its hash: the entry was changed after it was written\n`,
    });

    await tamper(
      superUrl,
      `update access_log set purpose = ${victim.purpose === null ? 'null' : `'${victim.purpose}'`} where id = ${victim.id}`,
    );
    expect(await auditVerify(ownUrl)).toEqual({ code: 0, stdout: `access log of hr-bureau: ${rows.length} entries, chain intact\n` });
  }, 60_000);

  it('shows an entry removed from the middle, and one rehashed after a change, at the entry after it', async () => {
    await unionReads(3);
    const all = await stored();
    // This test's six entries, and the one before them.
    const rows = all.slice(all.length - 7);
    const [victim, next] = [rows[2]!, rows[3]!];
    await tamper(superUrl, `delete from access_log where id = ${victim.id}`);
    expect(await verifyAccessLog(hr.subgraph.orm.em.fork())).toEqual({
      entries: all.length - 1,
      firstBrokenId: next.id,
      reason: `its prevHash is not the hash of entry ${rows[1]!.id}: entries between them were removed or added, or entry ${rows[1]!.id} was changed and rehashed`,
    });
    // Put it back as it was (an INSERT, which the triggers allow): the chain holds again.
    await withConnection(superUrl, (client) =>
      client.query(`insert into access_log select * from json_populate_record(null::access_log, $1)`, [JSON.stringify(victim)]),
    );
    expect((await verifyAccessLog(hr.subgraph.orm.em.fork())).firstBrokenId).toBeNull();

    // A careful forger rehashes the entry it changed: the entry itself checks out, the link after it does not.
    expect(rows[5]!.purpose).toBeNull(); // a read that declared no purpose
    const changed = { ...rows[5]!, purpose: 'statistics' };
    const rehashed = entryHash(changed.prev_hash, canonicalEntryJson(rowContents(changed)));
    await tamper(superUrl, `update access_log set purpose = 'statistics', hash = '${rehashed}' where id = ${changed.id}`);
    expect(await verifyAccessLog(hr.subgraph.orm.em.fork())).toMatchObject({
      firstBrokenId: rows[6]!.id,
      reason: expect.stringContaining(`entry ${changed.id} was changed and rehashed`),
    });
    await tamper(superUrl, `update access_log set purpose = null, hash = '${rows[5]!.hash}' where id = ${changed.id}`);
    expect((await verifyAccessLog(hr.subgraph.orm.em.fork())).firstBrokenId).toBeNull();
  });

  it('withholds the data, and logs the lost rows at error level, when the log cannot be written', async () => {
    const before = (await stored()).length;
    await withConnection(superUrl, (client) => client.query(`revoke insert on access_log from "${role}"`));
    try {
      logs.length = 0;
      const { status, body } = await hr.query(WORKER, workerRef(someWorker.personRef), { ...union(), 'x-request-id': 'req-lost' });
      expect(status).toBe(200);
      expect(body).toEqual({
        data: null,
        errors: [
          {
            message:
              'The access log could not be written, so the data read is withheld; the service log has the details under request id req-lost.',
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      });
      const alarm = logs.find((line) => line['level'] === 50 && String(line['msg']).startsWith('ACCESS LOG NOT WRITTEN'));
      expect(alarm).toMatchObject({
        requestId: 'req-lost',
        accessLog: [expect.objectContaining({ outcome: 'GRANTED' }), expect.objectContaining({ outcome: 'MASKED' })],
      });
    } finally {
      await withConnection(superUrl, (client) => client.query(`grant insert on access_log to "${role}"`));
    }
    expect(await stored()).toHaveLength(before);
  });

  it('keeps the log when the demo data is reset', async () => {
    const before = await verifyAccessLog(hr.subgraph.orm.em.fork());
    await hr.subgraph.prepare({ mode: 'reset', scale: 1, asOf: TEST_AS_OF });
    expect(await verifyAccessLog(hr.subgraph.orm.em.fork())).toEqual(before);
  }, 120_000);
});

/** What the hash of a stored row covers, in the entity's terms. */
function rowContents(row: StoredRow) {
  return {
    at: row.at,
    subject: row.subject,
    subjectName: row.subject_name,
    department: row.department,
    roles: row.roles,
    operationName: row.operation_name,
    purpose: row.purpose,
    subjectKeys: row.subject_keys,
    fields: row.fields,
    channelId: row.channel_id,
    outcome: row.outcome,
    requestId: row.request_id,
  };
}
