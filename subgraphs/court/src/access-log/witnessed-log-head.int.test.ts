import { generateKeyPairSync } from 'node:crypto';
import { Client } from 'pg';
import { Department, Role, signLogHead, type LogHead } from '@labour/shared';
import type { JWK } from 'jose';
import { type LogLines, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal, testServiceKey } from '@labour/testing/tokens';
import { courtSubgraph } from '../definition';

/**
 * The court as a witness of the union's access log, for real: heads signed with the key the court
 * trusts, published by a union SERVICE over HTTP, kept in the court's database by its own role.
 */
const PUBLISH = `mutation Publish($head: String!) { courtWitnessLogHead(head: $head) { outcome reason } }`;
const HEADS = `query Heads($provider: Department!) { courtWitnessedLogHeads(provider: $provider) { provider entries lastHash lastId status reason signedHead } }`;
const hash = (c: string) => c.repeat(64);
const minute = (m: number) => new Date(Date.UTC(2026, 10, 20, 4, m));
const unionHead = (entries: number, lastHash: string, signedMinute: number): LogHead => ({
  department: Department.UNION,
  entries,
  lastHash,
  lastId: String(entries + 10),
  signedAt: minute(signedMinute),
});

describe("court witnessing the other departments' access-log heads", () => {
  const logs: LogLines = [];
  const unionService = () => asPrincipal(Department.UNION, Role.SERVICE);
  const publish = async (head: LogHead, headers: Record<string, string> = unionService(), key: JWK = testServiceKey('union')) =>
    (await court.query(PUBLISH, { head: await signLogHead(key, head) }, headers)).body;
  const heads = async (headers: Record<string, string>, provider = Department.UNION) =>
    (await court.query(HEADS, { provider }, headers)).body;

  const court = useSubgraph(courtSubgraph, { logs });

  it('keeps a new head, has nothing to keep while the log stands still, and keeps it again when it grows', async () => {
    expect(await publish(unionHead(3, hash('a'), 0))).toEqual({ data: { courtWitnessLogHead: { outcome: 'WITNESSED', reason: null } } });
    expect(await publish(unionHead(3, hash('a'), 1))).toEqual({ data: { courtWitnessLogHead: { outcome: 'UNCHANGED', reason: null } } });
    expect(await publish(unionHead(5, hash('b'), 2))).toEqual({ data: { courtWitnessLogHead: { outcome: 'WITNESSED', reason: null } } });

    const { data } = await heads(asPrincipal(Department.UNION, Role.AUDITOR));
    expect(
      data.courtWitnessedLogHeads.map((h: { entries: number; lastHash: string; lastId: string; status: string }) => [
        h.entries,
        h.lastHash,
        h.lastId,
        h.status,
      ]),
    ).toEqual([
      [3, hash('a'), '13', 'WITNESSED'],
      [5, hash('b'), '15', 'WITNESSED'],
    ]);
    // The JWS is kept whole, as evidence anyone with the union's public key can check.
    expect(data.courtWitnessedLogHeads[0].signedHead.split('.')).toHaveLength(3);
  });

  it('refuses, keeps as evidence and logs loudly a rewrite: another hash at a witnessed count, or fewer entries later', async () => {
    logs.length = 0;
    const rewritten = await publish(unionHead(5, hash('c'), 3));
    expect(rewritten.data.courtWitnessLogHead).toEqual({
      outcome: 'REFUSED',
      reason: `the hash at entry count 5 changed: ${hash('b')} was witnessed (signed 2026-11-20T04:02:00.000Z), now ${hash('c')}: the log was rewritten`,
    });
    const truncated = await publish(unionHead(4, hash('d'), 4));
    expect(truncated.data.courtWitnessLogHead).toEqual({
      outcome: 'REFUSED',
      reason: 'the entry count went backwards: 5 entries were witnessed (signed 2026-11-20T04:02:00.000Z), now 4: entries were removed',
    });
    // An older head arriving late is no rewrite: ignored, not kept.
    expect((await publish(unionHead(3, hash('a'), 0))).data.courtWitnessLogHead.outcome).toBe('UNCHANGED');
    expect((await publish(unionHead(2, hash('e'), 1))).data.courtWitnessLogHead.outcome).toBe('STALE');

    const alarms = logs.filter((line) => line['level'] === 50 && String(line['msg']).startsWith('ACCESS LOG REWRITTEN'));
    expect(alarms.map((line) => [line['provider'], line['entries']])).toEqual([
      ['UNION', 5],
      ['UNION', 4],
    ]);
    const { data } = await heads(asPrincipal(Department.COURT, Role.AUDITOR));
    expect(data.courtWitnessedLogHeads.map((h: { entries: number; status: string }) => [h.entries, h.status])).toEqual([
      [3, 'WITNESSED'],
      [5, 'WITNESSED'],
      [5, 'REFUSED'],
      [4, 'REFUSED'],
    ]);
  });

  it('refuses a head signed by a key it does not trust, naming the field and the rule, and keeps nothing', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const stranger: JWK = { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: 'stranger', alg: 'ES256' };
    const body = await publish(unionHead(9, hash('f'), 9), unionService(), stranger);
    expect(body.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['field'], e.extensions?.['rule']])).toEqual([
      ['BAD_USER_INPUT', 'head', 'is signed by a key that is not in the trusted key set'],
    ]);
    expect((await heads(asPrincipal(Department.COURT, Role.ADMIN))).data.courtWitnessedLogHeads).toHaveLength(4);
  });

  it('takes a head only from a SERVICE of the department it speaks for, never its own', async () => {
    const codes = async (head: LogHead, headers: Record<string, string>, key?: JWK) =>
      (await publish(head, headers, key)).errors?.map((e) => e.extensions?.['code']);
    expect(await codes(unionHead(20, hash('a'), 20), asPrincipal(Department.UNION, Role.CASEWORKER))).toEqual(['FORBIDDEN']);
    expect(await codes(unionHead(20, hash('a'), 20), asPrincipal(Department.UNION, Role.AUDITOR))).toEqual(['FORBIDDEN']);
    expect(await codes(unionHead(20, hash('a'), 20), asPrincipal(Department.JUSTICE, Role.SERVICE))).toEqual(['FORBIDDEN']);
    expect(
      await codes(
        { ...unionHead(20, hash('a'), 20), department: Department.COURT },
        asPrincipal(Department.COURT, Role.SERVICE),
        testServiceKey('court'),
      ),
    ).toEqual(['FORBIDDEN']);
    // A head of one department signed with another's service key is no head at all.
    expect(
      await codes({ ...unionHead(20, hash('a'), 20), department: Department.COURT }, asPrincipal(Department.COURT, Role.SERVICE)),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it("lets the ADMIN and AUDITOR of the witness and of the head's department read the heads, and no one else", async () => {
    for (const [department, role, allowed] of [
      [Department.COURT, Role.AUDITOR, true],
      [Department.COURT, Role.ADMIN, true],
      [Department.UNION, Role.AUDITOR, true],
      [Department.JUSTICE, Role.AUDITOR, false],
      [Department.UNION, Role.CASEWORKER, false],
      [Department.COURT, Role.ANALYST, false],
    ] as const) {
      const body = await heads(asPrincipal(department, role));
      expect([department, role, body.errors?.map((e) => e.extensions?.['code']) ?? 'read']).toEqual([
        department,
        role,
        allowed ? 'read' : ['FORBIDDEN'],
      ]);
    }
  });

  it('keeps the witnessed heads append-only, even for its own database role', async () => {
    const client = new Client({ connectionString: court.databaseUrl });
    await client.connect();
    try {
      await expect(client.query(`update witnessed_log_head set last_hash = '${hash('0')}'`)).rejects.toThrow(
        /permission denied|append-only/,
      );
      await expect(client.query('delete from witnessed_log_head')).rejects.toThrow(/permission denied|append-only/);
      await expect(client.query('truncate witnessed_log_head')).rejects.toThrow(/permission denied|append-only/);
    } finally {
      await client.end();
    }
  });

  it('keeps the witnessed heads when the demo data is reset', async () => {
    const before = (await heads(asPrincipal(Department.COURT, Role.AUDITOR))).data.courtWitnessedLogHeads;
    await court.subgraph.prepare({ mode: 'reset', scale: 1, asOf: '2026-11-20' });
    expect((await heads(asPrincipal(Department.COURT, Role.AUDITOR))).data.courtWitnessedLogHeads).toEqual(before);
  }, 120_000);
});
