import { Department, Role } from '@labour/shared';
import { DEMO_MEETING_IDS } from '@labour/demo-world';
import { MEETING_VIEW } from '../../bench/support/scenarios';
import { useStack } from '../support/stack';
import { asPrincipal } from '../support/tokens';

const { UNION, COURT } = Department;
const SUBGRAPHS = ['hr-bureau', 'union', 'court', 'justice'] as const;
const variables = { id: DEMO_MEETING_IDS.planned };

/** Each error as "path without list indices: code", sorted and without repeats. */
const errorPaths = (errors: Array<{ path?: unknown[]; extensions?: Record<string, unknown> }> = []) =>
  [...new Set(errors.map((e) => `${(e.path ?? []).filter((p) => typeof p === 'string').join('.')}: ${e.extensions?.['code']}`))].sort();

describe("the gateway's subgraph fetches", () => {
  // Fault proxies count the HTTP requests each subgraph receives from the gateway (and can hold them).
  const stack = useStack({ demo: true, faults: true, channels: { refreshMs: 600_000, staleAfterMs: 3_600_000 } });

  /** HTTP requests each subgraph receives from the gateway while `work` runs. */
  async function requestsDuring<T>(work: () => Promise<T>): Promise<{ result: T; requests: Record<string, number> }> {
    const before = Object.fromEntries(SUBGRAPHS.map((name) => [name, stack.faults.get(name)!.received()]));
    const result = await work();
    const requests = Object.fromEntries(SUBGRAPHS.map((name) => [name, stack.faults.get(name)!.received() - before[name]!]));
    return { result, requests };
  }
  /** An answer with its errors in a fixed order: parallel fetches answer in any order, and so do their errors. */
  const settled = (body: { errors?: unknown[] }) => ({
    ...body,
    ...(body.errors ? { errors: [...body.errors].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) } : {}),
  });
  const total = (requests: Record<string, number>) => Object.values(requests).reduce((a, b) => a + b, 0);

  /** The union answers the gateway's first fetch only after 300 ms, so that concurrent requests are in flight together. */
  async function withSlowUnion<T>(work: () => Promise<T>): Promise<T> {
    stack.faults.get('union')!.set({ kind: 'slow', delayMs: 300 });
    try {
      return await work();
    } finally {
      stack.faults.get('union')!.set({ kind: 'pass' });
    }
  }

  it("answers the joint meeting's view with one request to each subgraph it needs, 4 in all (7 fetches in the plan)", async () => {
    const { result, requests } = await requestsDuring(() => stack.query(MEETING_VIEW, variables, asPrincipal(UNION, Role.COORDINATOR)));
    expect(result.status).toBe(200);
    expect(result.body.data.jointMeeting.agenda).toHaveLength(4);
    // The union's root fetch, then one merged request each to hr-bureau, court and justice for their two entity fetches.
    expect(requests).toEqual({ 'hr-bureau': 1, union: 1, court: 1, justice: 1 });
    // This view asks for nothing the union's coordinator may not see.
    expect(result.body.errors).toBeUndefined();
  });

  it('sends 8 identical concurrent requests of one caller to the subgraphs once, and each gets the same answer', async () => {
    const caller = asPrincipal(UNION, Role.COORDINATOR);
    const alone = await requestsDuring(() => stack.query(MEETING_VIEW, variables, caller));
    const together = await requestsDuring(() =>
      withSlowUnion(() => Promise.all(Array.from({ length: 8 }, () => stack.query(MEETING_VIEW, variables, caller)))),
    );
    expect(together.requests).toEqual(alone.requests);
    expect(total(together.requests)).toBeLessThan(8);
    for (const answer of together.result) {
      expect(answer.status).toBe(200);
      expect(settled(answer.body)).toEqual(settled(alone.result.body));
    }
  });

  it("sends one caller's concurrent requests to a busy subgraph together, and the department's access log names each request", async () => {
    const caller = asPrincipal(UNION, Role.COORDINATOR);
    const hrBureau = () => stack.subgraphs.get('hr-bureau')!.subgraph.orm.em.fork();
    const withAlerts = await hrBureau().execute<Array<{ credit_code: string }>>(
      'select e.credit_code from enterprise e where exists (select 1 from wage_arrears_alert a where a.enterprise_id = e.id) order by e.credit_code limit 8',
    );
    const codes = withAlerts.map((row) => row.credit_code);
    expect(codes).toHaveLength(8);
    const query = (i: number) =>
      `query Arrears${i}($c: String!) { enterprise(creditCode: $c) { name wageArrearsAlerts { alertNo amountOwed } } }`;
    const send = (i: number) => stack.query(query(i), { c: codes[i] }, { ...caller, 'x-request-id': `merged-e2e-request-${i}` });
    const alone = [];
    for (let i = 0; i < 8; i += 1) alone.push((await send(i)).body);

    // hr-bureau answers slowly: the caller's requests pile up and travel together.
    stack.faults.get('hr-bureau')!.set({ kind: 'slow', delayMs: 300 });
    let together;
    try {
      together = await requestsDuring(() => Promise.all(Array.from({ length: 8 }, (_, i) => send(i))));
    } finally {
      stack.faults.get('hr-bureau')!.set({ kind: 'pass' });
    }
    expect(together.requests['hr-bureau']).toBeLessThan(8);
    expect(together.result.map((answer) => answer.body)).toEqual(alone);

    // Each client request has its own rows in hr-bureau's log: its request id, its operation, its enterprise's alerts.
    const rows = await hrBureau().execute<Array<{ request_id: string; operation_name: string; subject_keys: string[] }>>(
      `select request_id, operation_name, subject_keys from access_log where request_id like 'merged-e2e-request-%' and fields = '{WageArrearsAlert.amountOwed}' order by id`,
    );
    for (let i = 0; i < 8; i += 1) {
      const own = rows.filter((row) => row.request_id === `merged-e2e-request-${i}`);
      const alerts = (alone[i].data.enterprise.wageArrearsAlerts as Array<{ alertNo: string }>).map((a) => a.alertNo).sort();
      // Once sent alone, once with the others: the same row each time.
      expect(own.map((row) => [row.operation_name.split('__')[0], [...row.subject_keys].sort()])).toEqual([
        [`Arrears${i}`, alerts],
        [`Arrears${i}`, alerts],
      ]);
    }
  });

  it('never shares a fetch between two callers with different roles: each sees what their own permissions allow', async () => {
    const unionCoordinator = asPrincipal(UNION, Role.COORDINATOR);
    const courtCaseworker = asPrincipal(COURT, Role.CASEWORKER);
    const asUnion = await requestsDuring(() => stack.query(MEETING_VIEW, variables, unionCoordinator));
    const asCourt = await requestsDuring(() => stack.query(MEETING_VIEW, variables, courtCaseworker));
    const mixed = await requestsDuring(() =>
      withSlowUnion(() =>
        Promise.all(
          Array.from({ length: 8 }, (_, i) => stack.query(MEETING_VIEW, variables, i % 2 === 0 ? unionCoordinator : courtCaseworker)),
        ),
      ),
    );
    // Each caller's fetches once, and no fewer: the two callers' identical fetches are sent apart.
    for (const name of SUBGRAPHS) expect(mixed.requests[name]).toBe(asUnion.requests[name]! + asCourt.requests[name]!);
    mixed.result.forEach((answer, i) => expect(settled(answer.body)).toEqual(settled((i % 2 === 0 ? asUnion : asCourt).result.body)));
    // The court's caseworker still sees masked names and forbidden fields; the union's coordinator its own.
    expect(mixed.result[1]!.body.data.jointMeeting.participants[0].name).toBe('刘*');
    expect(mixed.result[0]!.body.data.jointMeeting.participants[0].name).toBe('刘建华');
    expect(errorPaths(mixed.result[1]!.body.errors)).toContain('jointMeeting.agenda.enterprise.wageArrearsAlerts.amountOwed: FORBIDDEN');
    expect(errorPaths(mixed.result[0]!.body.errors)).not.toContain(
      'jointMeeting.agenda.enterprise.wageArrearsAlerts.amountOwed: FORBIDDEN',
    );
  });

  it('answers each merged fetch with its own error paths when a department is down', async () => {
    stack.faults.get('court')!.set({ kind: 'down' });
    try {
      const { result, requests } = await requestsDuring(() => stack.query(MEETING_VIEW, variables, asPrincipal(UNION, Role.COORDINATOR)));
      expect(requests.court).toBe(1);
      expect((result.body as { extensions?: Record<string, unknown> }).extensions?.['missingDepartments']).toEqual([COURT]);
      const courtErrors = (result.body.errors as Array<{ path: unknown[]; extensions: Record<string, unknown> }>).filter(
        (e) => e.extensions['code'] === 'DEPARTMENT_UNAVAILABLE',
      );
      // The enterprise's and the dispute's court fields, each at its own place in the answer.
      expect([...new Set(courtErrors.map((e) => e.path.filter((p) => typeof p === 'string').join('.')))].sort()).toEqual([
        'jointMeeting.agenda.dispute.lawsuits',
        'jointMeeting.agenda.enterprise.enforcementCases',
        'jointMeeting.agenda.enterprise.lawsuits',
      ]);
      expect(result.body.data.jointMeeting.agenda[2].enterprise.name).toBe('北京京开建工集团有限公司');
    } finally {
      stack.faults.get('court')!.set({ kind: 'pass' });
    }
  });
});
