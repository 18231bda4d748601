import { buildSchema, graphql, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Department, Role, type Principal } from '../context/principal';
import { BadUserInputError } from '../errors';
import type { AccessEntry } from './access-recorder';
import { applyPermissions } from './apply-permissions';
import { DataClass, type FieldClassification } from './data-class';
import { staticGrantSource, type GrantSource } from './grants';
import { markStatistic } from './statistic';

/** A small subgraph-like schema of HR_BUREAU, with data classes put where the decorators would put them. */
function hrSchema(): GraphQLSchema {
  const schema = buildSchema(/* GraphQL */ `
    type Query { _service: _Service! alert(alertNo: String!): Alert cases: [Case!]! unclassified: String }
    type _Service { sdl: String }
    type Alert { alertNo: String! project: String amountOwed: String evidence: String contactName: String contactPhone: String workerCount: Int secret: String }
    type Case { caseNo: String! applicant: String }
    type Mutation { closeAlert(alertNo: String!): Alert proposeChannel(name: String!): String }
  `);
  const classes: Record<string, FieldClassification> = {
    'Query.alert': { dataClass: DataClass.PUBLIC },
    'Query.cases': { dataClass: DataClass.PUBLIC },
    'Alert.alertNo': { dataClass: DataClass.PUBLIC },
    'Alert.project': { dataClass: DataClass.PUBLIC },
    'Alert.amountOwed': { dataClass: DataClass.SHARED },
    'Alert.evidence': { dataClass: DataClass.RESTRICTED },
    'Alert.contactName': { dataClass: DataClass.PERSONAL, mask: 'name' },
    'Alert.contactPhone': { dataClass: DataClass.PERSONAL, mask: 'phone' },
    'Alert.workerCount': { dataClass: DataClass.PERSONAL, mask: 'text' },
    'Case.caseNo': { dataClass: DataClass.PUBLIC },
    'Case.applicant': { dataClass: DataClass.PERSONAL, mask: 'name' },
    // Alert.secret and Query.unclassified declare no class.
  };
  for (const [path, classification] of Object.entries(classes)) {
    const [type, field] = path.split('.') as [string, string];
    const target = (schema.getType(type) as GraphQLObjectType).getFields()[field]!;
    (target as { extensions: Record<string, unknown> }).extensions = { classification };
  }
  const crossDepartment = schema.getMutationType()!.getFields()['proposeChannel']!;
  (crossDepartment as { extensions: Record<string, unknown> }).extensions = { crossDepartment: true };
  return schema;
}

const ALERT = {
  alertNo: 'YJ-2026-001',
  project: '亦庄新城三期',
  amountOwed: '1280000.00',
  evidence: '举报人录音',
  contactName: '张三丰',
  contactPhone: '13812345678',
  workerCount: 37,
  secret: 'x',
};

let writes = 0;
const rootValue = {
  _service: { sdl: 'type Query { x: Int }' },
  // Async like a real loader, so masking is tested on promises too.
  alert: async ({ alertNo }: { alertNo: string }) => (alertNo === ALERT.alertNo ? ALERT : null),
  cases: () => [
    { caseNo: '京劳人仲字〔2026〕第1号', applicant: '李四' },
    { caseNo: '京劳人仲字〔2026〕第2号', applicant: null },
  ],
  unclassified: () => 'x',
  closeAlert: ({ alertNo }: { alertNo: string }) => {
    if (!alertNo.startsWith('YJ-')) throw new BadUserInputError({ field: 'alertNo', rule: 'must be a warning number (YJ-…)' });
    writes += 1;
    return ALERT;
  },
  proposeChannel: () => 'proposed',
};

const as = (department: Department, ...roles: Role[]): Principal => ({ subject: 'u-1', name: '测试', department, roles });
const GRANTS = staticGrantSource({ UNION: { 'Alert.amountOwed': 'ch-arrears', 'Alert.contactName': 'ch-arrears' } });

async function run(source: string, principal: Principal | null, grants: GrantSource = GRANTS) {
  const entries: AccessEntry[] = [];
  const schema = applyPermissions(hrSchema(), { provider: Department.HR_BUREAU, grants });
  const result = await graphql({
    schema,
    source,
    rootValue,
    contextValue: { principal, access: { record: (e: AccessEntry) => entries.push(e) } },
  });
  const errors = (result.errors ?? []).map((e) => ({ path: e.path?.join('.'), code: e.extensions['code'], message: e.message }));
  return { data: result.data, errors, entries };
}

const ALERT_QUERY = '{ alert(alertNo: "YJ-2026-001") { alertNo project amountOwed evidence contactName contactPhone workerCount } }';
const forbidden = (field: string) => ({
  path: `alert.${field.split('.')[1]}`,
  code: 'FORBIDDEN',
  message: `Not allowed for your department or role: ${field}`,
});

/** The alert as a reader with no channel sees it: PUBLIC in full, PERSONAL masked, SHARED and RESTRICTED refused. */
function expectPublicAndMasked({ data, errors }: Awaited<ReturnType<typeof run>>): void {
  expect(data).toEqual({
    alert: {
      alertNo: 'YJ-2026-001',
      project: '亦庄新城三期',
      amountOwed: null,
      evidence: null,
      contactName: '张*',
      contactPhone: '138****5678',
      workerCount: null,
    },
  });
  expect(errors).toEqual([forbidden('Alert.amountOwed'), forbidden('Alert.evidence')]);
}

describe('applyPermissions', () => {
  beforeEach(() => void (writes = 0));

  it('gives the own department everything, logging nothing', async () => {
    const { data, errors, entries } = await run(ALERT_QUERY, as(Department.HR_BUREAU, Role.CASEWORKER));
    expect(errors).toEqual([]);
    // Every classified field as stored (the unclassified `secret` is not asked for).
    const { secret: _secret, ...classified } = ALERT;
    expect(data).toEqual({ alert: classified });
    expect(entries).toEqual([]);
  });

  it('gives another department PUBLIC, granted SHARED and PERSONAL in clear, the rest masked or denied, and logs each read', async () => {
    const { data, errors, entries } = await run(ALERT_QUERY, as(Department.UNION, Role.COORDINATOR));
    expect(data).toEqual({
      alert: {
        alertNo: 'YJ-2026-001',
        project: '亦庄新城三期',
        amountOwed: '1280000.00',
        evidence: null,
        contactName: '张三丰',
        contactPhone: '138****5678',
        workerCount: null,
      },
    });
    expect(errors).toEqual([forbidden('Alert.evidence')]);
    const entry = (fieldName: string, dataClass: string, outcome: string, channelId: string | null = null) => ({
      typeName: 'Alert',
      fieldName,
      dataClass,
      subjectKey: 'YJ-2026-001',
      outcome,
      channelId,
    });
    expect(entries).toEqual(
      expect.arrayContaining([
        entry('amountOwed', 'SHARED', 'GRANTED', 'ch-arrears'),
        entry('evidence', 'RESTRICTED', 'DENIED'),
        entry('contactName', 'PERSONAL', 'GRANTED', 'ch-arrears'),
        entry('contactPhone', 'PERSONAL', 'MASKED'),
        entry('workerCount', 'PERSONAL', 'MASKED'),
      ]),
    );
    expect(entries).toHaveLength(5);
  });

  it('denies SHARED and masks PERSONAL for a department without a channel', async () => {
    expectPublicAndMasked(await run(ALERT_QUERY, as(Department.COURT, Role.CASEWORKER)));
  });

  it('fails closed when the grants cannot be had (UNAVAILABLE, or the source throws)', async () => {
    const throwing: GrantSource = {
      grantsFor: () => {
        throw new Error('registry down');
      },
    };
    for (const grants of [{ grantsFor: () => 'UNAVAILABLE' as const }, throwing]) {
      const { data, errors } = await run(ALERT_QUERY, as(Department.UNION, Role.COORDINATOR), grants);
      expect(data?.['alert']).toMatchObject({ amountOwed: null, contactName: '张*' });
      expect(errors.map((e) => e.path)).toEqual(['alert.amountOwed', 'alert.evidence']);
    }
    const own = await run(ALERT_QUERY, as(Department.HR_BUREAU, Role.CASEWORKER), throwing);
    expect(own.errors).toEqual([]);
  });

  it("shows analysts, even the own department's, PUBLIC in full and PERSONAL masked, and nothing else", async () => {
    for (const department of [Department.HR_BUREAU, Department.UNION]) {
      expectPublicAndMasked(await run(ALERT_QUERY, as(department, Role.ANALYST)));
    }
  });

  it('masks lists of records, keeps nulls, and logs one entry per record with its key', async () => {
    const { data, entries } = await run('{ cases { caseNo applicant } }', as(Department.COURT, Role.CASEWORKER));
    expect(data).toEqual({
      cases: [
        { caseNo: '京劳人仲字〔2026〕第1号', applicant: '李*' },
        { caseNo: '京劳人仲字〔2026〕第2号', applicant: null },
      ],
    });
    expect(entries.map((e) => [e.subjectKey, e.outcome])).toEqual([
      ['京劳人仲字〔2026〕第1号', 'MASKED'],
      ['京劳人仲字〔2026〕第2号', 'MASKED'],
    ]);
  });

  it('denies a field without a class to everyone, the own department included', async () => {
    const { data, errors } = await run('{ unclassified alert(alertNo: "YJ-2026-001") { secret } }', as(Department.HR_BUREAU, Role.ADMIN));
    expect(data).toEqual({ unclassified: null, alert: { secret: null } });
    expect(errors.map((e) => e.message)).toEqual([
      'Not allowed for your department or role: Query.unclassified',
      'Not allowed for your department or role: Alert.secret',
    ]);
  });

  it('without a principal, allows the federation fields only', async () => {
    const { data, errors } = await run('{ _service { sdl } alert(alertNo: "YJ-2026-001") { alertNo } }', null);
    expect(data).toEqual({ _service: { sdl: 'type Query { x: Int }' }, alert: null });
    expect(errors).toEqual([{ path: 'alert', code: 'FORBIDDEN', message: 'Not allowed for your department or role: Query.alert' }]);
  });

  describe('mutations', () => {
    const CLOSE = 'mutation { closeAlert(alertNo: "YJ-2026-001") { alertNo } }';

    it.each([Role.CASEWORKER, Role.SERVICE, Role.COORDINATOR, Role.ADMIN])("lets the own department's %s write", async (role) => {
      const { data, errors } = await run(CLOSE, as(Department.HR_BUREAU, role));
      expect(errors).toEqual([]);
      expect(data).toEqual({ closeAlert: { alertNo: 'YJ-2026-001' } });
      expect(writes).toBe(1);
    });

    it.each([
      ['another department', as(Department.UNION, Role.ADMIN, Role.CASEWORKER)],
      ['an analyst of the own department', as(Department.HR_BUREAU, Role.ANALYST)],
      ['no principal', null],
    ])('refuses %s before the resolver runs', async (_who, principal) => {
      const { data, errors } = await run(CLOSE, principal);
      expect(data).toEqual({ closeAlert: null });
      expect(errors).toEqual([
        { path: 'closeAlert', code: 'FORBIDDEN', message: 'Not allowed for your department or role: Mutation.closeAlert' },
      ]);
      expect(writes).toBe(0);
    });

    it("passes a resolver's own error through unchanged", async () => {
      const { errors } = await run('mutation { closeAlert(alertNo: "X-1") { alertNo } }', as(Department.HR_BUREAU, Role.CASEWORKER));
      expect(errors).toEqual([{ path: 'closeAlert', code: 'BAD_USER_INPUT', message: 'alertNo must be a warning number (YJ-…)' }]);
    });

    it("lets any department's writer call a @CrossDepartment() mutation, but no analyst", async () => {
      expect((await run('mutation { proposeChannel(name: "x") }', as(Department.COURT, Role.ADMIN))).data).toEqual({
        proposeChannel: 'proposed',
      });
      expect((await run('mutation { proposeChannel(name: "x") }', as(Department.COURT, Role.ANALYST))).errors[0]?.code).toBe('FORBIDDEN');
    });
  });

  it('asks the grant source once per request and decides each field once', async () => {
    let asked = 0;
    const counting: GrantSource = { grantsFor: (consumer) => (asked++, GRANTS.grantsFor(consumer)) };
    await run(
      '{ a: alert(alertNo: "YJ-2026-001") { amountOwed contactName } b: alert(alertNo: "YJ-2026-001") { amountOwed contactName } cases { applicant } }',
      as(Department.UNION, Role.CASEWORKER),
      counting,
    );
    expect(asked).toBe(1);
  });
});

describe('applyPermissions: a SHARED statistic (@Shared({ statistic: true }))', () => {
  /** HR's figures: `openArrears` disclosure-controlled by its resolver, `leaky` a resolver that forgets to. */
  function figuresSchema(): GraphQLSchema {
    const schema = buildSchema(/* GraphQL */ `
      type Query { figures: Figures }
      type Figures { period: String openArrears: Amount leaky: Amount }
      type Amount { amount: String }
    `);
    const classify = (type: string, field: string, classification: FieldClassification) => {
      const target = (schema.getType(type) as GraphQLObjectType).getFields()[field]!;
      (target as { extensions: Record<string, unknown> }).extensions = { classification };
    };
    classify('Query', 'figures', { dataClass: DataClass.PUBLIC });
    classify('Figures', 'period', { dataClass: DataClass.PUBLIC });
    classify('Figures', 'openArrears', { dataClass: DataClass.SHARED, statistic: true });
    classify('Figures', 'leaky', { dataClass: DataClass.SHARED, statistic: true });
    classify('Amount', 'amount', { dataClass: DataClass.PUBLIC });
    return schema;
  }
  const exactFor = (p: Principal) => p.department === Department.HR_BUREAU && p.roles.some((r) => r !== Role.ANALYST);
  const figures = {
    period: '2025',
    openArrears: (_args: unknown, ctx: { principal: Principal }) =>
      exactFor(ctx.principal) ? markStatistic({ amount: '1684756.77' }, 'exact') : markStatistic({ amount: '1680000.00' }, 'controlled'),
    leaky: () => markStatistic({ amount: '1684756.77' }, 'exact'),
  };
  const GRANTED = staticGrantSource({ UNION: { 'Figures.openArrears': 'ch-figures', 'Figures.leaky': 'ch-figures' } });

  async function read(principal: Principal, fields = 'openArrears { amount }') {
    const entries: AccessEntry[] = [];
    const schema = applyPermissions(figuresSchema(), { provider: Department.HR_BUREAU, grants: GRANTED });
    const result = await graphql({
      schema,
      source: `{ figures { period ${fields} } }`,
      rootValue: { figures: () => figures },
      contextValue: { principal, access: { record: (e: AccessEntry) => entries.push(e) } },
    });
    const errors = (result.errors ?? []).map((e) => ({ path: e.path?.join('.'), code: e.extensions['code'] ?? null, message: e.message }));
    return { data: result.data, errors, entries: entries.map((e) => [e.typeName, e.fieldName, e.outcome, e.channelId]) };
  }

  it("gives the owning department's staff the exact figure and its analysts the controlled one, logging nothing", async () => {
    expect(await read(as(Department.HR_BUREAU, Role.CASEWORKER))).toEqual({
      data: { figures: { period: '2025', openArrears: { amount: '1684756.77' } } },
      errors: [],
      entries: [],
    });
    expect(await read(as(Department.HR_BUREAU, Role.ANALYST))).toEqual({
      data: { figures: { period: '2025', openArrears: { amount: '1680000.00' } } },
      errors: [],
      entries: [],
    });
  });

  it('gives another department the controlled figure through a channel granting it, and logs the read', async () => {
    expect(await read(as(Department.UNION, Role.COORDINATOR))).toEqual({
      data: { figures: { period: '2025', openArrears: { amount: '1680000.00' } } },
      errors: [],
      entries: [['Figures', 'openArrears', 'GRANTED', 'ch-figures']],
    });
  });

  it("denies it to another department without a channel, and to another department's analyst", async () => {
    for (const principal of [as(Department.COURT, Role.CASEWORKER), as(Department.UNION, Role.ANALYST)]) {
      expect(await read(principal)).toEqual({
        data: { figures: { period: '2025', openArrears: null } },
        errors: [
          { path: 'figures.openArrears', code: 'FORBIDDEN', message: 'Not allowed for your department or role: Figures.openArrears' },
        ],
        entries: [['Figures', 'openArrears', 'DENIED', null]],
      });
    }
  });

  it('fails the field rather than let an exact figure reach a reader who may have it only controlled', async () => {
    expect((await read(as(Department.HR_BUREAU, Role.CASEWORKER), 'leaky { amount }')).data).toEqual({
      figures: { period: '2025', leaky: { amount: '1684756.77' } },
    });
    for (const principal of [as(Department.HR_BUREAU, Role.ANALYST), as(Department.UNION, Role.CASEWORKER)]) {
      const { data, errors } = await read(principal, 'leaky { amount }');
      expect(data).toEqual({ figures: { period: '2025', leaky: null } });
      expect(errors).toEqual([
        {
          path: 'figures.leaky',
          code: null,
          message: 'Figures.leaky is a SHARED statistic, but its resolver returned a figure that is not disclosure-controlled',
        },
      ]);
    }
  });
});
