import { Department, Role, staticGrantSource, type AccessEntry } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { hrBureauSubgraph } from './definition';

/**
 * hr-bureau's permission layer for real: the subgraph as main.ts builds it, demo data, real tokens, and
 * a fixed set of sharing-channel grants (the labour bureau shares its wage-arrears warnings, and the
 * names of workers, with the union; the court has no channel).
 */
const CHANNEL = 'ch-arrears-to-union';
const GRANTS = staticGrantSource({
  UNION: { 'WageArrearsAlert.amountOwed': CHANNEL, 'WageArrearsAlert.project': CHANNEL, 'Worker.name': CHANNEL },
});

const ENTERPRISE = STORY_ENTERPRISES.constructionArrears;
const FILE = /* GraphQL */ `
  query File($creditCode: String!) {
    enterprise(creditCode: $creditCode) {
      creditCode name version
      wageArrearsAlerts { alertNo level project amountOwed }
      workers { personRef name idNumber phone }
      arbitrationCases { caseNo status awardSummary applicants { personRef name idNumber } }
    }
  }
`;

interface Alert {
  alertNo: string;
  level: string;
  project: string | null;
  amountOwed: string | null;
}
interface WorkerView {
  personRef: string;
  name: string;
  idNumber: string;
  phone: string;
}
interface FileView {
  creditCode: string;
  name: string;
  version: number;
  wageArrearsAlerts: Alert[];
  workers: WorkerView[];
  arbitrationCases: Array<{
    caseNo: string;
    status: string;
    awardSummary: string | null;
    applicants: Array<{ personRef: string; name: string; idNumber: string }>;
  }>;
}

// The masks, written out: `张*`, `110105********0021`, `138****5678`.
const maskedName = (name: string) => `${Array.from(name)[0]}*`;
const maskedId = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;
const maskedPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
const forbidden = (field: string) => ({ message: `Not allowed for your department or role: ${field}`, code: 'FORBIDDEN' });

describe('hr-bureau permission layer', () => {
  const recorded: Array<AccessEntry & { department: Department }> = [];

  async function fileAs(headers: Record<string, string>) {
    recorded.length = 0;
    const { status, body } = await hr.query<{ enterprise: FileView }>(FILE, { creditCode: ENTERPRISE }, headers);
    expect(status).toBe(200);
    const errors = (body.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.['code'] }));
    return { file: body.data!.enterprise, errors, paths: (body.errors ?? []).map((e) => e.path?.join('.')) };
  }

  /** The file as its own department sees it (everything in clear), read afresh by each test. */
  async function clearFile(): Promise<FileView> {
    const { file, errors } = await fileAs(asPrincipal(Department.HR_BUREAU, Role.CASEWORKER));
    expect(errors).toEqual([]);
    return file;
  }

  /** The file as a reader with no channel sees it: SHARED fields null, PERSONAL ones masked, PUBLIC ones in clear. */
  const sharedDeniedPersonalMasked = (clear: FileView): FileView => ({
    ...clear,
    wageArrearsAlerts: clear.wageArrearsAlerts.map((a) => ({ ...a, project: null, amountOwed: null })),
    workers: clear.workers.map((w) => ({ ...w, name: maskedName(w.name), idNumber: maskedId(w.idNumber), phone: maskedPhone(w.phone) })),
    arbitrationCases: clear.arbitrationCases.map((c) => ({
      ...c,
      awardSummary: null,
      applicants: c.applicants.map((a) => ({ ...a, name: maskedName(a.name), idNumber: maskedId(a.idNumber) })),
    })),
  });

  const hr = useSubgraph(hrBureauSubgraph, {
    demo: true,
    grants: GRANTS,
    accessRecorder: (ctx) => ({ record: (entry) => void recorded.push({ ...entry, department: ctx.principal.department }) }),
  });

  it('shows the own department everything, and logs nothing', async () => {
    const { file, errors } = await fileAs(asPrincipal(Department.HR_BUREAU, Role.CASEWORKER));
    expect(errors).toEqual([]);
    const clear = file;
    // The story's enterprise has all of it, so that every case below shows something.
    expect(clear.wageArrearsAlerts.length).toBeGreaterThan(0);
    expect(clear.wageArrearsAlerts.every((a) => a.project && a.amountOwed)).toBe(true);
    expect(clear.workers.length).toBeGreaterThan(0);
    expect(clear.workers[0]!.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(clear.arbitrationCases.length).toBeGreaterThan(0);
    expect(recorded).toEqual([]);
  });

  it('shows another department with a channel the granted fields in clear, the other PERSONAL ones masked, and logs each read', async () => {
    const clear = await clearFile();
    const { file, errors } = await fileAs(asPrincipal(Department.UNION, Role.COORDINATOR));
    expect(file).toEqual({
      ...clear,
      wageArrearsAlerts: clear.wageArrearsAlerts, // project and amountOwed granted
      workers: clear.workers.map((w) => ({ ...w, idNumber: maskedId(w.idNumber), phone: maskedPhone(w.phone) })),
      arbitrationCases: clear.arbitrationCases.map((c) => ({
        ...c,
        awardSummary: null,
        applicants: c.applicants.map((a) => ({ ...a, name: maskedName(a.name), idNumber: maskedId(a.idNumber) })),
      })),
    });
    expect(errors).toEqual(clear.arbitrationCases.map(() => forbidden('ArbitrationCase.awardSummary')));

    const alert = clear.wageArrearsAlerts[0]!;
    const worker = clear.workers[0]!;
    const entry = (
      typeName: string,
      fieldName: string,
      dataClass: string,
      subjectKey: string,
      outcome: string,
      channelId: string | null,
    ) => ({ typeName, fieldName, dataClass, subjectKey, outcome, channelId, department: Department.UNION });
    expect(recorded).toEqual(
      expect.arrayContaining([
        entry('WageArrearsAlert', 'amountOwed', 'SHARED', alert.alertNo, 'GRANTED', CHANNEL),
        entry('WageArrearsAlert', 'project', 'SHARED', alert.alertNo, 'GRANTED', CHANNEL),
        entry('Worker', 'name', 'PERSONAL', worker.personRef, 'GRANTED', CHANNEL),
        entry('Worker', 'idNumber', 'PERSONAL', worker.personRef, 'MASKED', null),
        entry('Worker', 'phone', 'PERSONAL', worker.personRef, 'MASKED', null),
        entry('ArbitrationCase', 'awardSummary', 'SHARED', clear.arbitrationCases[0]!.caseNo, 'DENIED', null),
      ]),
    );
    // Nothing PUBLIC is logged: only the non-public fields, once per record read.
    const perRecord =
      2 * clear.wageArrearsAlerts.length +
      3 * clear.workers.length +
      clear.arbitrationCases.reduce((n, c) => n + 1 + 2 * c.applicants.length, 0);
    expect(recorded).toHaveLength(perRecord);
  });

  it('denies SHARED fields and masks PERSONAL ones for a department without a channel', async () => {
    const clear = await clearFile();
    const { file, errors, paths } = await fileAs(asPrincipal(Department.COURT, Role.CASEWORKER));
    expect(file).toEqual(sharedDeniedPersonalMasked(clear));
    expect(errors).toEqual(expect.arrayContaining([forbidden('WageArrearsAlert.project'), forbidden('WageArrearsAlert.amountOwed')]));
    expect(paths).toEqual(expect.arrayContaining(['enterprise.wageArrearsAlerts.0.amountOwed', 'enterprise.wageArrearsAlerts.0.project']));
    expect(errors).toHaveLength(2 * clear.wageArrearsAlerts.length + clear.arbitrationCases.length);
    expect(recorded.filter((e) => e.outcome === 'DENIED')).toHaveLength(errors.length);
  });

  it.each([
    ['another department', Department.UNION],
    ['the own department', Department.HR_BUREAU],
  ])('shows an ANALYST of %s PUBLIC fields, masked PERSONAL ones and no SHARED ones, channel or not', async (_who, department) => {
    const clear = await clearFile();
    const { file, errors } = await fileAs(asPrincipal(department, Role.ANALYST));
    expect(file).toEqual(sharedDeniedPersonalMasked(clear));
    expect(errors.every((e) => e.code === 'FORBIDDEN')).toBe(true);
    expect(errors).toHaveLength(2 * clear.wageArrearsAlerts.length + clear.arbitrationCases.length);
  });

  it('answers _entities for another department by the same rules', async () => {
    const clear = await clearFile();
    const { body } = await hr.query(
      /* GraphQL */ `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Enterprise { creditCode name wageArrearsAlerts { alertNo amountOwed } }
        ... on Worker { personRef name phone }
      } }`,
      {
        representations: [
          { __typename: 'Enterprise', creditCode: ENTERPRISE },
          { __typename: 'Worker', personRef: clear.workers[0]!.personRef },
        ],
      },
      asPrincipal(Department.UNION, Role.SERVICE),
    );
    expect(body.errors).toBeUndefined();
    const worker = clear.workers[0]!;
    expect(body.data._entities).toEqual([
      {
        creditCode: ENTERPRISE,
        name: clear.name,
        wageArrearsAlerts: clear.wageArrearsAlerts.map((a) => ({ alertNo: a.alertNo, amountOwed: a.amountOwed })),
      },
      { personRef: worker.personRef, name: worker.name, phone: maskedPhone(worker.phone) },
    ]);
  });

  describe('writes', () => {
    const UPDATE = /* GraphQL */ `mutation ($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { employeeCount version } }`;
    const current = async () =>
      (await hr.query(`{ enterprise(creditCode: "${ENTERPRISE}") { employeeCount version } }`)).body.data.enterprise as {
        employeeCount: number;
        version: number;
      };

    it.each([
      ["another department's ADMIN", asPrincipal(Department.UNION, Role.ADMIN)],
      ["another department's CASEWORKER", asPrincipal(Department.COURT, Role.CASEWORKER)],
      ["the own department's ANALYST", asPrincipal(Department.HR_BUREAU, Role.ANALYST)],
    ])('refuses %s with FORBIDDEN and writes nothing', async (_who, headers) => {
      const before = await current();
      const { body } = await hr.query(
        UPDATE,
        { input: { creditCode: ENTERPRISE, version: before.version, employeeCount: before.employeeCount + 1 } },
        headers,
      );
      expect(body).toEqual({
        data: null,
        errors: [
          {
            message: 'Not allowed for your department or role: Mutation.updateEnterprise',
            path: ['updateEnterprise'],
            locations: expect.any(Array),
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
      expect(await current()).toEqual(before);
    });

    it("lets the resolver's own errors through unchanged for the own department", async () => {
      const before = await current();
      const { body } = await hr.query(
        UPDATE,
        { input: { creditCode: ENTERPRISE, version: before.version, employeeCount: -5 } },
        asPrincipal(Department.HR_BUREAU, Role.CASEWORKER),
      );
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'employeeCount', rule: 'must not be negative' });
      const stale = await hr.query(
        UPDATE,
        { input: { creditCode: ENTERPRISE, version: before.version - 1 || 999, employeeCount: 1 } },
        asPrincipal(Department.HR_BUREAU, Role.SERVICE),
      );
      expect(stale.body.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
      expect(await current()).toEqual(before);
    });

    it('lets the own department write', async () => {
      const before = await current();
      const { body } = await hr.query(
        UPDATE,
        { input: { creditCode: ENTERPRISE, version: before.version, employeeCount: before.employeeCount + 1 } },
        asPrincipal(Department.HR_BUREAU, Role.CASEWORKER),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.updateEnterprise).toEqual({ employeeCount: before.employeeCount + 1, version: before.version + 1 });
    });
  });
});
