import { Department, Role, usccCheckCharacter } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { ArbitrationCase } from './arbitration/arbitration-case.entity';
import { hrBureauSubgraph } from './definition';
import { Enterprise, Ownership } from './enterprise/enterprise.entity';
import { Worker } from './worker/worker.entity';

const uscc = (body17: string) => body17 + usccCheckCharacter(body17);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** An enterprise with more workers than the default of `Enterprise.workers` (100), and one with three. */
const BIG = uscc('91110302MA0B00001');
const SMALL = uscc('91110302MA0C00001');
const BIG_WORKERS = 105;
/** More enterprises with a risk signal than the default `limit` of the signal queries (100). */
const SIGNALLING = 103;

const workerName = (i: number) => `职工${pad(i, 3)}`;
const WINDOW = { since: '2026-08-22', asOf: '2026-11-20' };
const SIGNALS = /* GraphQL */ `
  query ($since: Date!, $asOf: Date, $limit: Int) { hrBureauRiskSignals(since: $since, asOf: $asOf, limit: $limit) { creditCode } }
`;

const hr = useSubgraph(hrBureauSubgraph, { principal: { department: Department.HR_BUREAU, roles: [Role.COORDINATOR] } }, 60_000);
beforeAll(async () => {
  const em = hr.subgraph.orm.em.fork();
  const enterprise = (creditCode: string) =>
    em.create(Enterprise, {
      creditCode,
      name: `企业${creditCode.slice(-4)}`,
      industry: '制造业',
      district: '亦庄镇',
      address: '某路1号',
      ownership: Ownership.PRIVATE,
      employeeCount: 200,
      registeredOn: '2010-01-01',
    });
  const big = enterprise(BIG);
  const small = enterprise(SMALL);
  // Created in reverse, so that "by name" is the order the list is sorted in, not the order of insertion.
  for (let i = BIG_WORKERS; i >= 1; i--) {
    em.create(Worker, {
      personRef: `ref-big-${pad(i, 24)}`,
      name: workerName(i),
      idNumber: `1101011990010${pad(i, 5)}`,
      phone: `138${pad(i, 8)}`,
      employer: big,
    });
  }
  for (let i = 1; i <= 3; i++) {
    em.create(Worker, {
      personRef: `ref-small-${pad(i, 22)}`,
      name: workerName(i),
      idNumber: `1101011991010${pad(i, 5)}`,
      phone: `139${pad(i, 8)}`,
      employer: small,
    });
  }
  for (let i = 1; i <= SIGNALLING; i++) {
    const respondent = enterprise(uscc(`91110302MA1${pad(i, 6)}`));
    em.create(ArbitrationCase, {
      caseNo: `京开劳人仲字〔2026〕第${pad(i, 4)}号`,
      disputeNo: `LD-HR-2026-${pad(i, 6)}`,
      applicants: [],
      applicantRefs: [],
      respondent,
      claims: '工资',
      claimAmount: '1000.00',
      filedOn: '2026-10-01',
    });
  }
  await em.flush();
}, 60_000);

describe('Enterprise.workers: 100 unless `first` says otherwise, at most 1000', () => {
  const WORKERS = /* GraphQL */ `query ($creditCode: String!, $first: Int) { enterprise(creditCode: $creditCode) { workers(first: $first) { name } } }`;
  const DEFAULT = /* GraphQL */ `query ($creditCode: String!) { enterprise(creditCode: $creditCode) { workers { name } } }`;
  const names = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => ({ name: workerName(from + k) }));

  it('gives the first 100 by name by default', async () => {
    const { body } = await hr.query(DEFAULT, { creditCode: BIG });
    expect(body.errors).toBeUndefined();
    expect(body.data.enterprise.workers).toEqual(names(1, 100));
  });

  it('gives as many as `first` asks, and all of a list shorter than that', async () => {
    const few = await hr.query(WORKERS, { creditCode: BIG, first: 2 });
    expect(few.body.data.enterprise.workers).toEqual(names(1, 2));
    const all = await hr.query(WORKERS, { creditCode: BIG, first: 1000 });
    expect(all.body.data.enterprise.workers).toEqual(names(1, BIG_WORKERS));
  });

  it("cuts each enterprise's list on its own, from one SQL statement for the batch", async () => {
    hr.subgraph.queries.reset();
    const { body } = await hr.query(`{
      big: enterprise(creditCode: "${BIG}") { workers(first: 101) { name } }
      small: enterprise(creditCode: "${SMALL}") { workers(first: 2) { name } }
    }`);
    expect(body.errors).toBeUndefined();
    expect([body.data.big.workers.length, body.data.small.workers]).toEqual([101, names(1, 2)]);
    // One lookup of the two enterprises, one of their workers.
    expect(hr.subgraph.queries.count).toBe(2);
  });

  it('refuses more than 1000 with BAD_USER_INPUT naming `first`, at the list; the enterprise still answers', async () => {
    const { body } = await hr.query(
      `query ($creditCode: String!) { enterprise(creditCode: $creditCode) { name workers(first: 1001) { name } } }`,
      { creditCode: BIG },
    );
    expect(body.data).toEqual({ enterprise: { name: `企业${BIG.slice(-4)}`, workers: null } });
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['enterprise', 'workers'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first', rule: 'must be between 1 and 1000' }),
      }),
    ]);
  });
});

describe('hrBureauRiskSignals: the 100 heaviest enterprises unless `limit` says otherwise, at most 100000', () => {
  const enterprisesOf = (signals: Array<{ creditCode: string }>) => new Set(signals.map((s) => s.creditCode)).size;

  it('keeps 100 enterprises when limit is left out or null', async () => {
    const omitted = await hr.query(SIGNALS, WINDOW);
    const asNull = await hr.query(SIGNALS, { ...WINDOW, limit: null });
    expect(omitted.body.errors).toBeUndefined();
    expect(enterprisesOf(omitted.body.data.hrBureauRiskSignals)).toBe(100);
    expect(asNull.body.data).toEqual(omitted.body.data);
  });

  it('keeps as many as limit asks', async () => {
    const three = await hr.query(SIGNALS, { ...WINDOW, limit: 3 });
    expect(enterprisesOf(three.body.data.hrBureauRiskSignals)).toBe(3);
    const all = await hr.query(SIGNALS, { ...WINDOW, limit: 100_000 });
    expect(enterprisesOf(all.body.data.hrBureauRiskSignals)).toBe(SIGNALLING);
  });

  it('refuses a limit over 100000 with BAD_USER_INPUT naming `limit`', async () => {
    const { body } = await hr.query(SIGNALS, { ...WINDOW, limit: 100_001 });
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit', rule: 'must be between 1 and 100000' });
  });
});
