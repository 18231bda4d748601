import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Department, Role, type PeerUrls } from '@labour/shared';
import { startSubgraph, type RunningSubgraph } from '@labour/testing/subgraph-harness';
import { agendaItem, NO_UNION, rowsAsColumns, SUGGESTED_AGENDA as AGENDA, type Columns } from '@labour/testing/risk-columns';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';
import { recordRiskEnterprises, RISK_ENTERPRISES } from '../risk/risk-enterprises.fixtures';

// The union's records of the risk tests; E is signalled by no other department.
const { A, B, C, D, E } = RISK_ENTERPRISES;
const F = '91110302MA01ABCD38'; // not covered, one arbitration case
const AS_OF = '2026-11-20';

const columns = rowsAsColumns;

/** What each fake department answers (set per test) and what it was asked. */
const answers = new Map<Department, Columns>();
/** While `holding`, the fake departments keep their answers in `held` until a test sends them. */
let holding = false;
const held: Array<() => void> = [];
const asked: Array<{ department: Department; authorization: string | undefined; query: string; variables: Record<string, unknown> }> = [];

const HR = columns('HR_BUREAU', [
  [A, 'WAGE_ARREARS_OPEN', 7, '2 open wage-arrears warnings, highest RED, amount owed ≥ ¥1,000,000'],
  [C, 'LAYOFF_REPORTED', 5, '1 layoff report since 2026-08-22'],
  [F, 'ARBITRATION_FILED', 1, '1 arbitration case filed since 2026-08-22'],
]);
/** A court that claims to speak for the labour bureau: all of it is dropped, but the court answered. */
const COURT_AS_ANOTHER = columns('HR_BUREAU', [[B, 'LAWSUIT_FILED', 20, '10 labour lawsuits filed since 2026-08-22']]);
/** An unknown kind among the justice bureau's signals is dropped, the rest kept. */
const JUSTICE = columns('JUSTICE', [
  [D, 'LEGAL_AID_APPLIED', 4, '2 legal-aid applications since 2026-08-22'],
  [E, 'SOMETHING_ELSE', 50, 'not a kind the union knows'],
]);

function fakeDepartment(department: Department): Promise<Server> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
      asked.push({ department, authorization: request.headers.authorization, query, variables });
      const answer = () => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { signals: answers.get(department) } }));
      };
      if (holding) held.push(answer);
      else answer();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let running: RunningSubgraph;
const servers: Server[] = [];

beforeAll(async () => {
  const peerUrls: PeerUrls = {};
  for (const department of [Department.HR_BUREAU, Department.COURT, Department.JUSTICE]) {
    const server = await fakeDepartment(department);
    servers.push(server);
    peerUrls[department] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  running = await startSubgraph(unionSubgraph, { principal: { department: Department.UNION, roles: [Role.COORDINATOR] }, peerUrls });
  await recordRiskEnterprises(running.subgraph.orm.em.fork());
}, 60_000);
afterAll(async () => {
  await running?.stop();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});
beforeEach(() => {
  answers.clear();
  answers.set(Department.HR_BUREAU, HR);
  answers.set(Department.COURT, COURT_AS_ANOTHER);
  answers.set(Department.JUSTICE, JUSTICE);
  asked.length = 0;
  holding = false;
});

/** Waits (within the test's timeout) until `condition` holds: the fake departments and the union work on their own. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

const A_ITEM = agendaItem(A, 10, [
  ['HR_BUREAU', 'WAGE_ARREARS_OPEN', 7, '2 open wage-arrears warnings, highest RED, amount owed ≥ ¥1,000,000'],
  ['UNION', 'CONTRACT_EXPIRED', 2, 'latest collective contract expired on 2026-06-30'],
  ['UNION', 'MEDIATION_APPLIED', 1, '1 union mediation case since 2026-08-22'],
]);
const C_ITEM = agendaItem(C, 9, [
  ['HR_BUREAU', 'LAYOFF_REPORTED', 5, '1 layoff report since 2026-08-22'],
  ['UNION', 'MEDIATION_APPLIED', 2, '2 union mediation cases since 2026-08-22'],
  NO_UNION,
]);

describe("suggestedAgenda over the other departments' signal columns", () => {
  it('asks each department for its columns as the caller, for every enterprise, over the 90 days up to asOf', async () => {
    const caller = asPrincipal(Department.UNION, Role.COORDINATOR);
    await running.query(AGENDA, { limit: 2, asOf: AS_OF }, caller);
    expect(asked.map((a) => a.department).sort()).toEqual([Department.COURT, Department.HR_BUREAU, Department.JUSTICE]);
    for (const request of asked) {
      const name = {
        [Department.HR_BUREAU]: 'hrBureauRiskSignalColumns',
        [Department.COURT]: 'courtRiskSignalColumns',
        [Department.JUSTICE]: 'justiceRiskSignalColumns',
      }[request.department as string];
      expect(request.query).toContain(
        `signals: ${name}(since: $since, asOf: $asOf, limit: $limit) { source creditCodes kinds weights details }`,
      );
      expect(request.variables).toEqual({ since: '2026-08-22', asOf: AS_OF, limit: 100_000 });
      expect(request.authorization).toBe(caller['authorization']);
    }
  });

  it("ranks them with the union's signals; membership only for the enterprises that can reach the first `limit`; drops another source's and unknown kinds", async () => {
    running.subgraph.queries.reset();
    const result = await running.query(AGENDA, { limit: 2, asOf: AS_OF });
    // Before membership: A 8, C 7, D 4, F 1; the 2nd is 7, so D (4 + 2 < 7) and F are not asked about.
    expect(result.body).toEqual({ data: { suggestedAgenda: { asOf: AS_OF, missingSources: [], items: [A_ITEM, C_ITEM] } } });
    // The mediation cases, then the membership of A and C: two statements.
    expect(running.subgraph.queries.count).toBe(2);
  });

  it('asks about every covered enterprise when one signalled by nobody else could rank', async () => {
    // Four enterprises signalled for a limit of 5: E, covered and never a contract, ranks on its union signal alone.
    const result = await running.query(AGENDA, { limit: 5, asOf: AS_OF });
    expect(result.body.data.suggestedAgenda.missingSources).toEqual([]);
    expect(result.body.data.suggestedAgenda.items).toEqual([
      A_ITEM,
      C_ITEM,
      agendaItem(D, 6, [['JUSTICE', 'LEGAL_AID_APPLIED', 4, '2 legal-aid applications since 2026-08-22'], NO_UNION]),
      agendaItem(F, 3, [NO_UNION, ['HR_BUREAU', 'ARBITRATION_FILED', 1, '1 arbitration case filed since 2026-08-22']]),
      agendaItem(E, 2, [['UNION', 'CONTRACT_MISSING', 2, 'union organisation but no collective contract']]),
    ]);
  });

  it('names a department whose columns differ in length as missing, and ranks the rest', async () => {
    answers.set(Department.HR_BUREAU, { ...HR, weights: HR.weights.slice(1) });
    const result = await running.query(AGENDA, { limit: 2, asOf: AS_OF });
    expect(result.body.data.suggestedAgenda.missingSources).toEqual(['HR_BUREAU']);
    expect(
      result.body.data.suggestedAgenda.items.map((item: { enterprise: { creditCode: string }; score: number }) => [
        item.enterprise.creditCode,
        item.score,
      ]),
    ).toEqual([
      [D, 6],
      [C, 4],
    ]);
  });

  it("shares a department's answer in flight between identical asks of one caller, never between callers", async () => {
    holding = true;
    const coordinator = asPrincipal(Department.UNION, Role.COORDINATOR);
    running.subgraph.queries.reset();
    const first = running.query(AGENDA, { limit: 2, asOf: AS_OF }, coordinator);
    await until(() => asked.length === 3);
    const second = running.query(AGENDA, { limit: 2, asOf: AS_OF }, coordinator);
    // The second has read its mediation cases: it has asked for the departments' signals too.
    await until(() => running.subgraph.queries.count === 2);
    const admin = running.query(AGENDA, { limit: 2, asOf: AS_OF }, asPrincipal(Department.UNION, Role.ADMIN));
    await until(() => asked.length === 6);
    holding = false;
    for (const answer of held.splice(0)) answer();
    const answers = await Promise.all([first, second, admin]);
    for (const answer of answers)
      expect(answer.body).toEqual({ data: { suggestedAgenda: { asOf: AS_OF, missingSources: [], items: [A_ITEM, C_ITEM] } } });
    expect(asked.map((a) => a.authorization)).toEqual([
      ...Array(3).fill(coordinator.authorization),
      ...Array(3).fill(asked[3]!.authorization),
    ]);
    expect(asked[3]!.authorization).not.toBe(coordinator.authorization);
    // Asked again once answered: nothing is kept.
    await running.query(AGENDA, { limit: 2, asOf: AS_OF }, coordinator);
    expect(asked).toHaveLength(9);
  });
});
