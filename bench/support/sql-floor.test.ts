import { capturedStatements, replayable } from './sql-floor';

describe('capturedStatements', () => {
  it('keeps the statements of requests, in order, and leaves out background ones', () => {
    const lines = [
      JSON.stringify({ sql: 'begin', background: false, failed: false }),
      JSON.stringify({ sql: 'select 1', background: false, failed: false }),
      JSON.stringify({ sql: 'select * from "provider_channel"', background: true, failed: false }),
      JSON.stringify({ sql: 'commit', background: false, failed: false }),
      '',
    ].join('\n');
    expect(capturedStatements(lines)).toEqual(['begin', 'select 1', 'commit']);
  });
});

describe('replayable', () => {
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);

  it('gives an access-log INSERT fresh hashes of the same length, and changes nothing else', () => {
    const sql = `insert into "access_log" ("subject", "prev_hash", "hash") values ('u1', '${a}', '${b}') returning "id"`;
    const replayed = replayable(sql);
    const hashes = replayed.match(/'[0-9a-f]{64}'/g)!;
    expect(hashes).toHaveLength(2);
    expect(hashes).not.toContain(`'${a}'`);
    expect(hashes).not.toContain(`'${b}'`);
    expect(replayed.replace(/'[0-9a-f]{64}'/g, "'H'")).toBe(
      `insert into "access_log" ("subject", "prev_hash", "hash") values ('u1', 'H', 'H') returning "id"`,
    );
    expect(replayable(sql)).not.toBe(replayed);
  });

  it("gives the hashes inside the JSON literal of the access log's batch INSERT fresh ones too", () => {
    const sql = `insert into "access_log" ("subject", "prev_hash", "hash") select e->>0, e->>1, e->>2 from jsonb_array_elements('[["u1","${a}","${b}"],["it''s","${b}","${a}"]]'::jsonb) r(e)`;
    const replayed = replayable(sql);
    const hashes = replayed.match(/"[0-9a-f]{64}"/g)!;
    expect(hashes).toHaveLength(4);
    expect(hashes.filter((hash) => hash === `"${a}"` || hash === `"${b}"`)).toEqual([]);
    expect(replayed.replace(/"[0-9a-f]{64}"/g, '"H"')).toBe(
      `insert into "access_log" ("subject", "prev_hash", "hash") select e->>0, e->>1, e->>2 from jsonb_array_elements('[["u1","H","H"],["it''s","H","H"]]'::jsonb) r(e)`,
    );
  });

  it('leaves every other statement as captured', () => {
    const sql = `select * from "enterprise" where "credit_code" = '${a}'`;
    expect(replayable(sql)).toBe(sql);
  });
});
