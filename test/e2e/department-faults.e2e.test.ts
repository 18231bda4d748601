import { Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import type { FaultMode } from '../support/fault-proxy';
import { startStack, type RunningStack } from '../support/stack';
import { asPrincipal } from '../support/tokens';
import { waitFor } from '../support/wait-for';

/**
 * One department's fault costs only that department's part of an answer: each department down in turn
 * behind a fault proxy, then frozen (timeout), then failing until its breaker opens and, once it is back,
 * closes again after a probe. The joint meeting's coordinator asks, through the real gateway.
 */

const CONSTRUCTION = STORY_ENTERPRISES.constructionArrears;
/** Each department's fields on the enterprise dossier. */
const FIELDS: Record<Department, string[]> = {
  [Department.HR_BUREAU]: ['name', 'wageArrearsAlerts'],
  [Department.UNION]: ['unionOrganization', 'mediationCases'],
  [Department.COURT]: ['lawsuits', 'enforcementCases'],
  [Department.JUSTICE]: ['legalAidCases', 'peopleMediationCases'],
};
const SUBGRAPH: Record<Department, string> = { HR_BUREAU: 'hr-bureau', UNION: 'union', COURT: 'court', JUSTICE: 'justice' };
const DOSSIER = /* GraphQL */ `
  query Dossier($creditCode: String!) {
    enterprise(creditCode: $creditCode) {
      creditCode name wageArrearsAlerts { project }
      unionOrganization { name } mediationCases { caseNo }
      lawsuits { caseNo } enforcementCases { caseNo }
      legalAidCases { caseNo } peopleMediationCases { caseNo }
    }
  }
`;
const MEETING = /* GraphQL */ `
  query MeetingView {
    jointMeetings(status: PLANNED) { id agenda { position enterprise { creditCode name lawsuits { caseNo } mediationCases { caseNo } legalAidCases { caseNo } } } }
  }
`;

interface Answer {
  data?: any;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: { missingDepartments?: string[] };
}

describe('each department its own failure domain', () => {
  let stack: RunningStack;
  let full: Record<string, unknown>;
  const coordinator = asPrincipal(Department.UNION, Role.COORDINATOR);
  const ask = async (query: string, variables?: Record<string, unknown>): Promise<Answer> =>
    (await stack.query(query, variables, coordinator)).body as Answer;
  const fault = (department: Department, mode: FaultMode) => stack.faults.get(SUBGRAPH[department])!.set(mode);

  beforeAll(async () => {
    // Short settings so that the test sees timeouts, breakers and probes without long waits.
    stack = await startStack({ faults: true, guard: { timeoutMs: 1_500, failuresToOpen: 3, halfOpenAfterMs: 500 } });
    const answer = await ask(DOSSIER, { creditCode: CONSTRUCTION });
    expect(answer.errors).toBeUndefined();
    full = answer.data.enterprise;
  }, 180_000);
  afterAll(() => stack?.stop());
  afterEach(async () => {
    for (const department of Object.values(Department)) fault(department, { kind: 'pass' });
    // Whatever a test left open closes at its next probe: wait until every department answers again.
    await waitFor(
      () => ask(DOSSIER, { creditCode: CONSTRUCTION }),
      (answer) => answer.errors === undefined,
      { what: 'full answers again', timeoutMs: 20_000 },
    );
  });

  it.each([Department.UNION, Department.COURT, Department.JUSTICE])(
    "keeps the others' data when %s is down, and names it",
    async (down) => {
      fault(down, { kind: 'down' });
      const answer = await ask(DOSSIER, { creditCode: CONSTRUCTION });
      const expected = { ...full };
      for (const field of FIELDS[down]) expected[field] = null;
      expect(answer.data).toEqual({ enterprise: expected });
      expect(answer.extensions).toEqual({ missingDepartments: [down] });
      expect(answer.errors!.map((e) => [e.path, e.extensions])).toEqual(
        FIELDS[down].map((field) => [['enterprise', field], { code: 'DEPARTMENT_UNAVAILABLE', department: down }]),
      );
      expect(answer.errors!.map((e) => e.message)).toEqual(
        FIELDS[down].map(() => `${down} is unavailable (not reachable): its part of the answer is missing`),
      );
    },
  );

  it('answers the dossier with an error naming HR_BUREAU when the bureau that keeps the enterprise register is down', async () => {
    fault(Department.HR_BUREAU, { kind: 'down' });
    const answer = await ask(DOSSIER, { creditCode: CONSTRUCTION });
    expect(answer).toEqual({
      data: { enterprise: null },
      errors: [expect.objectContaining({ path: ['enterprise'], extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'HR_BUREAU' } })],
      extensions: { missingDepartments: ['HR_BUREAU'] },
    });
  });

  it("keeps the union's agenda and the other departments' cases in the meeting view when HR_BUREAU is down", async () => {
    const before = await ask(MEETING);
    expect(before.errors).toBeUndefined();
    fault(Department.HR_BUREAU, { kind: 'down' });
    const answer = await ask(MEETING);
    const items = before.data.jointMeetings.flatMap((m: { agenda: Array<{ enterprise: Record<string, unknown> | null }> }) => m.agenda);
    const withEnterprise = items.filter((item: { enterprise: unknown }) => item.enterprise !== null);
    expect(withEnterprise.length).toBeGreaterThan(0);
    // Only the bureau's own field (name) is missing; the court's, union's and justice's cases are all there.
    const expected = {
      jointMeetings: before.data.jointMeetings.map((m: { agenda: Array<{ enterprise: Record<string, unknown> | null }> }) => ({
        ...m,
        agenda: m.agenda.map((item) => ({ ...item, enterprise: item.enterprise && { ...item.enterprise, name: null } })),
      })),
    };
    expect(answer.data).toEqual(expected);
    expect(answer.extensions).toEqual({ missingDepartments: ['HR_BUREAU'] });
    expect(new Set(answer.errors!.map((e) => e.extensions?.['code']))).toEqual(new Set(['DEPARTMENT_UNAVAILABLE']));
  });

  it('answers within the timeout when a department hangs, naming it DEPARTMENT_TIMEOUT', async () => {
    fault(Department.COURT, { kind: 'hang' });
    const answer = await ask(DOSSIER, { creditCode: CONSTRUCTION });
    expect(answer.data).toEqual({ enterprise: { ...full, lawsuits: null, enforcementCases: null } });
    expect(answer.errors!.map((e) => [e.path, e.extensions, e.message])).toEqual(
      FIELDS.COURT.map((field) => [
        ['enterprise', field],
        { code: 'DEPARTMENT_TIMEOUT', department: 'COURT' },
        'COURT did not answer within 1500 ms: its part of the answer is missing',
      ]),
    );
  });

  it('opens the breaker after repeated failures (no more calls), and closes it after a successful probe', async () => {
    const proxy = stack.faults.get('justice')!;
    fault(Department.JUSTICE, { kind: 'down' });
    for (let i = 0; i < 3; i += 1)
      expect((await ask(DOSSIER, { creditCode: CONSTRUCTION })).extensions).toEqual({ missingDepartments: ['JUSTICE'] });
    // Open: the gateway fails fast and the department is not called at all.
    const calls = proxy.received();
    const fast = await ask(DOSSIER, { creditCode: CONSTRUCTION });
    expect(proxy.received()).toBe(calls);
    expect(fast.errors![0]).toMatchObject({
      message: 'JUSTICE is unavailable (failing fast after 3 failures in a row; next try within 500 ms): its part of the answer is missing',
      extensions: { code: 'DEPARTMENT_UNAVAILABLE', department: 'JUSTICE' },
    });
    expect(fast.data.enterprise).toEqual({ ...full, legalAidCases: null, peopleMediationCases: null });

    // Back again: a probe goes through once the breaker half-opens, and the answers are whole again.
    fault(Department.JUSTICE, { kind: 'pass' });
    const healed = await waitFor(
      () => ask(DOSSIER, { creditCode: CONSTRUCTION }),
      (answer) => answer.errors === undefined,
      { what: 'the breaker to close', timeoutMs: 20_000 },
    );
    expect(healed.data.enterprise).toEqual(full);
    expect(proxy.received()).toBeGreaterThan(calls);
  });

  it('keeps a probe that fails from closing the breaker', async () => {
    const proxy = stack.faults.get('union')!;
    fault(Department.UNION, { kind: 'down' });
    for (let i = 0; i < 3; i += 1) await ask(DOSSIER, { creditCode: CONSTRUCTION });
    const calls = proxy.received();
    // Still down: the probe after the half-open wait fails, so the breaker opens again for another wait.
    const probed = await waitFor(
      () => ask(DOSSIER, { creditCode: CONSTRUCTION }),
      () => proxy.received() > calls,
      { what: 'a probe', timeoutMs: 20_000 },
    );
    expect(probed.extensions).toEqual({ missingDepartments: ['UNION'] });
    expect(proxy.received()).toBe(calls + 1);
    const after = await ask(DOSSIER, { creditCode: CONSTRUCTION });
    expect(after.errors![0]!.message).toMatch(/failing fast/);
  });
});
