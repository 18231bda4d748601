import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { chainPagesOf, Department, entryHash, Role, type PublishedTo } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { useStack } from '../support/stack';
import { asPrincipal, testToken } from '../support/tokens';

/**
 * The witnessed access log through the real gateway: other departments' reads fill three logs, every
 * department publishes its signed head to the other three, which keep it; then the court's owner role
 * rewrites an entry and recomputes the whole chain, and the justice bureau's owner role removes its last
 * entries. `npm run audit:verify`, as an AUDITOR over HTTP, finds the labour bureau's log intact, the
 * court's rewritten and the justice bureau's truncated, where the owner-role check of the chain alone
 * sees nothing wrong with either.
 */
const REPO_ROOT = join(__dirname, '..', '..');
const runCli = promisify(execFile);

/** A read of one department's field that no channel opens to the reader: refused, and logged DENIED. */
const PROBES = {
  'hr-bureau': { reader: Department.COURT, list: 'wageArrearsAlerts', field: 'amountOwed' },
  court: { reader: Department.JUSTICE, list: 'lawsuits', field: 'judgmentSummary' },
  justice: { reader: Department.COURT, list: 'legalAidCases', field: 'hardshipEvidence' },
} as const;
type Provider = keyof typeof PROBES;
const CODE: Record<Provider, Department> = { 'hr-bureau': Department.HR_BUREAU, court: Department.COURT, justice: Department.JUSTICE };

describe('the access log, witnessed', () => {
  async function read(provider: Provider, times: number): Promise<void> {
    const { reader, list, field } = PROBES[provider];
    for (let i = 0; i < times; i += 1) {
      const { body } = await stack.query(
        `query Probe($c: String!) { enterprise(creditCode: $c) { ${list} { ${field} } } }`,
        { c: STORY_ENTERPRISES.constructionArrears },
        asPrincipal(reader, Role.CASEWORKER),
      );
      expect(body.errors?.map((e) => e.extensions?.['code'])).toContain('FORBIDDEN');
    }
  }

  /** Each publisher's receipts, as [witness, outcome], by subgraph name. */
  async function publish(): Promise<Record<string, Array<[string, string]>>> {
    const rounds = await stack.publishLogHeads();
    return Object.fromEntries(
      [...rounds].map(([name, receipts]: [string, PublishedTo[]]) => [
        name,
        receipts.map((r) => [r.witness, r.outcome] as [string, string]),
      ]),
    );
  }

  async function auditVerify(
    provider: Provider,
    token = testToken({ department: CODE[provider], roles: [Role.AUDITOR] }),
    ...extra: string[]
  ): Promise<{ code: number; stdout: string }> {
    try {
      const { stdout, stderr } = await runCli(
        process.execPath,
        ['-r', '@swc-node/register', 'scripts/verify-access-log.ts', provider, ...extra],
        {
          cwd: REPO_ROOT,
          env: {
            ...process.env,
            AUDIT_TOKEN: token,
            AUDIT_URL: stack.gatewayUrl,
            DATABASE_URL: stack.subgraphs.get(provider)!.databaseUrl,
          },
        },
      );
      return { code: 0, stdout: stdout + stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
    }
  }

  /** Runs statements as the department's own database role, the owner of its tables: what the review feared. */
  async function asOwner<T>(provider: Provider, use: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: stack.subgraphs.get(provider)!.databaseUrl });
    await client.connect();
    try {
      await client.query('begin');
      // The owner may take back what the migration revoked and switch the triggers off.
      await client.query('grant update, delete on access_log to current_user');
      await client.query('alter table access_log disable trigger user');
      const result = await use(client);
      await client.query('alter table access_log enable trigger user');
      await client.query('commit');
      return result;
    } finally {
      await client.end();
    }
  }

  const stack = useStack({ demo: true });

  it('has every department witness the heads of the others', async () => {
    for (const provider of Object.keys(PROBES) as Provider[]) await read(provider, 3);
    const all = (except: string) => ['HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'].filter((d) => d !== except).map((d) => [d, 'WITNESSED']);
    expect(await publish()).toEqual({ 'hr-bureau': all('HR_BUREAU'), union: all('UNION'), court: all('COURT'), justice: all('JUSTICE') });
    for (const provider of Object.keys(PROBES) as Provider[]) await read(provider, 2);
    expect(await publish()).toMatchObject({ 'hr-bureau': all('HR_BUREAU'), court: all('COURT'), justice: all('JUSTICE') });

    // The heads are there for the court's AUDITOR to read, through the gateway, from each witness.
    const { body } = await stack.query(
      `{ hrBureauWitnessedLogHeads(provider: COURT) { entries status } unionWitnessedLogHeads(provider: COURT) { entries status } }`,
      {},
      asPrincipal(Department.COURT, Role.AUDITOR),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.hrBureauWitnessedLogHeads.map((h: { status: string }) => h.status)).toEqual(['WITNESSED', 'WITNESSED']);
    expect(body.data.unionWitnessedLogHeads).toEqual(body.data.hrBureauWitnessedLogHeads);
  }, 60_000);

  it('audit:verify, as an AUDITOR over HTTP, finds an intact log intact (exit code 0)', async () => {
    const entries = (
      await stack.query(`{ hrBureauAccessLog(first: 1) { totalCount } }`, {}, asPrincipal(Department.HR_BUREAU, Role.AUDITOR))
    ).body.data.hrBureauAccessLog.totalCount;
    expect(await auditVerify('hr-bureau')).toEqual({
      code: 0,
      stdout: `access log of hr-bureau: ${entries} entries, chain intact, consistent with the 6 heads witnessed by UNION, COURT, JUSTICE\n`,
    });
  }, 60_000);

  it('shows a rewritten and rehashed log (exit code 1), which the owner-role chain check cannot see', async () => {
    // The court's owner changes its second entry and recomputes every hash from there.
    const rewritten = await asOwner('court', async (client) => {
      const links = await chainPagesOf(client)('0', 1000);
      let prevHash = links[0]!.prevHash;
      for (const [index, link] of links.entries()) {
        const contents = JSON.parse(link.contents) as unknown[];
        if (index === 1) {
          contents[6] = '统计分析'; // the purpose
          await client.query('update access_log set purpose = $1 where id = $2', [contents[6], link.id]);
        }
        const hash = entryHash(prevHash, JSON.stringify(contents));
        await client.query('update access_log set prev_hash = $1, hash = $2 where id = $3', [prevHash, hash, link.id]);
        prevHash = hash;
      }
      return links.length;
    });
    expect(rewritten).toBe(5);

    expect(await auditVerify('court', undefined, '--owner-database')).toEqual({
      code: 0,
      stdout: 'access log of court: 5 entries, chain intact\n',
    });
    const { code, stdout } = await auditVerify('court');
    const lines = stdout.trim().split('\n');
    expect([code, lines[0]]).toEqual([
      1,
      'access log of court: 5 entries, BROKEN (checked against the 6 heads witnessed by HR_BUREAU, UNION, JUSTICE):',
    ]);
    // Each witness saw 3 entries, then 5: both heads of each contradict the recomputed chain.
    expect(lines.slice(1).map((line) => line.replace(/: entry (\d) .*/, ': entry $1'))).toEqual([
      '  REWRITE: entry 3',
      '  REWRITE: entry 3',
      '  REWRITE: entry 3',
      '  REWRITE: entry 5',
      '  REWRITE: entry 5',
      '  REWRITE: entry 5',
    ]);

    // The next head the court publishes is refused by every witness, and the audit shows those refusals too.
    expect((await publish())['court']).toEqual([
      ['HR_BUREAU', 'REFUSED'],
      ['UNION', 'REFUSED'],
      ['JUSTICE', 'REFUSED'],
    ]);
    const after = await auditVerify('court');
    expect([after.code, after.stdout.match(/ {2}REFUSED: /g)?.length]).toEqual([1, 3]);
  }, 60_000);

  it('shows entries removed at the end (exit code 1)', async () => {
    await asOwner('justice', (client) =>
      client.query('delete from access_log where id in (select id from access_log order by id desc limit 2)'),
    );
    expect(await auditVerify('justice', undefined, '--owner-database')).toEqual({
      code: 0,
      stdout: 'access log of justice: 3 entries, chain intact\n',
    });
    const { code, stdout } = await auditVerify('justice');
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      'access log of justice: 3 entries, BROKEN (checked against the 6 heads witnessed by HR_BUREAU, UNION, COURT):',
      ...['HR_BUREAU', 'UNION', 'COURT'].map((witness) =>
        expect.stringMatching(
          new RegExp(
            `^ {2}TRUNCATION: the log holds 3 entries, but ${witness} witnessed 5 \\(signed .*\\): entries at the end were removed$`,
          ),
        ),
      ),
    ]);
  }, 60_000);

  it('cannot read a log without an AUDITOR or ADMIN token of its department (exit code 2)', async () => {
    const { code, stdout } = await auditVerify('hr-bureau', testToken({ department: Department.UNION, roles: [Role.AUDITOR] }));
    expect(code).toBe(2);
    expect(stdout).toContain('the access log of hr-bureau could not be audited: ');
    expect(stdout).toContain('FORBIDDEN');
  }, 60_000);
});
