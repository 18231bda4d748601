import { addDays, Department, ProviderChannel, Role } from '@labour/shared';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { forgeActiveChannel } from '../../subgraphs/union/src/channel/forged-channel.fixtures';
import { SharingChannel } from '../../subgraphs/union/src/channel/sharing-channel.entity';
import type { GraphQLResponse } from '../support/graphql-client';
import { useStack } from '../support/stack';
import { asPrincipal } from '../support/tokens';
import { waitFor } from '../support/wait-for';

const { HR_BUREAU, UNION } = Department;
const { ADMIN, CASEWORKER } = Role;

/**
 * The 30 s within which a decision must show in the provider (docs/architecture.md), used as the bound of
 * each wait. Here each provider rereads its own channel table every 500 ms, so a decision shows in about
 * a second; the production cadence (10 s reads, 30 s staleness) is pinned exactly by the grant source's unit tests.
 */
const WITHIN_MS = 30_000;

const ARREARS = /* GraphQL */ `
  query Arrears($creditCode: String!) {
    enterprise(creditCode: $creditCode) { name wageArrearsAlerts { alertNo level amountOwed project } }
  }
`;
const LAYOFFS = /* GraphQL */ `
  query Layoffs($creditCode: String!) {
    enterprise(creditCode: $creditCode) { name layoffReports { reportNo plannedCount reason placementPlan } }
  }
`;
const CHANNEL = `query ($code: String!) { sharingChannel(code: $code) { code status effectiveStatus version } }`;
const decide = (verb: string) =>
  `mutation ($input: SharingChannelDecisionInput!) { ${verb}SharingChannel(input: $input) { code status version } }`;

const unionCaseworker = asPrincipal(UNION, CASEWORKER);
const hrAdmin = asPrincipal(HR_BUREAU, ADMIN);
const arrearsOf = (response: GraphQLResponse) =>
  response.body.data?.enterprise?.wageArrearsAlerts as Array<Record<string, unknown>> | undefined;
/** Whether the answer has alerts and none shows its amount (an empty list would hold for `every` alone). */
const amountsDenied = (r: GraphQLResponse) => (arrearsOf(r)?.length ?? 0) > 0 && arrearsOf(r)!.every((a) => a['amountOwed'] === null);

/** Polls until `done` holds; fails after WITHIN_MS, showing the last answer. */
const until = (probe: () => Promise<GraphQLResponse>, done: (r: GraphQLResponse) => boolean, what: string) =>
  waitFor(probe, done, { timeoutMs: WITHIN_MS, intervalMs: 250, what });

/** The errors of a read where `fields` of every alert listed were refused, in path order. */
function refusals(alerts: number, fields: string[]) {
  return Array.from({ length: alerts }, (_, i) =>
    fields.map((field) => ({
      message: `Not allowed for your department or role: WageArrearsAlert.${field}`,
      path: ['enterprise', 'wageArrearsAlerts', i, field],
      code: 'FORBIDDEN',
    })),
  ).flat();
}
const byPath = <T extends { path?: unknown }>(list: T[]) =>
  [...list].sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
/** A response's errors as `refusals` writes them, in path order; undefined when it has none. */
const errorsOf = (response: GraphQLResponse) =>
  response.body.errors && byPath(response.body.errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.['code'] })));

// Each change is waited for up to 30 s.
jest.setTimeout(60_000);

describe('sharing channels through the gateway: a decision of the provider shows in the provider within 30 s', () => {
  const readArrears = () => stack.query(ARREARS, { creditCode: STORY_ENTERPRISES.constructionArrears }, unionCaseworker);

  async function decideOn(code: string, verb: 'activate' | 'suspend' | 'revoke') {
    const { version } = (await stack.query(CHANNEL, { code })).body.data.sharingChannel;
    const { body } = await stack.query(decide(verb), { input: { code, version } }, hrAdmin);
    expect(body.errors).toBeUndefined();
    return body.data[`${verb}SharingChannel`];
  }

  // Production's 10 s / 30 s cadence is covered by the cache's unit tests; here changes show in about a second.
  const stack = useStack({ channels: { refreshMs: 500, staleAfterMs: 5_000 } });

  it("shows the labour bureau's arrears amounts to a union caseworker while HR-UNION-ARREARS is ACTIVE", async () => {
    // Every demo channel is in the registry and, as decided, in its provider's own table.
    const listed = await stack.query(`{ sharingChannels { code status providerAgrees providerRecord { status } } }`, {}, unionCaseworker);
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data.sharingChannels).toHaveLength(7);
    for (const channel of listed.body.data.sharingChannels)
      expect(channel).toEqual({ code: channel.code, status: 'ACTIVE', providerAgrees: true, providerRecord: { status: 'ACTIVE' } });
    const { body } = await readArrears();
    expect(body.errors).toBeUndefined();
    expect(body.data.enterprise.wageArrearsAlerts).toContainEqual(
      expect.objectContaining({ level: 'RED', amountOwed: '486300.00', project: '亦庄新城C2地块安置房项目' }),
    );
  });

  it('denies them (null and FORBIDDEN) once an HR_BUREAU ADMIN suspends the channel, and shows them again on re-activation', async () => {
    expect(await decideOn('HR-UNION-ARREARS', 'suspend')).toMatchObject({ status: 'SUSPENDED' });
    const response = await until(readArrears, amountsDenied, 'the suspension to reach hr-bureau');
    const alerts = arrearsOf(response)!;
    for (const alert of alerts)
      expect(alert).toEqual({ alertNo: expect.any(String), level: expect.any(String), amountOwed: null, project: null });
    expect(errorsOf(response)).toEqual(byPath(refusals(alerts.length, ['amountOwed', 'project'])));
    // The labour bureau's own caseworker still reads everything.
    const own = await stack.query(ARREARS, { creditCode: STORY_ENTERPRISES.constructionArrears }, asPrincipal(HR_BUREAU, CASEWORKER));
    expect(own.body.errors).toBeUndefined();
    expect(arrearsOf(own)).toContainEqual(expect.objectContaining({ amountOwed: '486300.00' }));

    expect(await decideOn('HR-UNION-ARREARS', 'activate')).toMatchObject({ status: 'ACTIVE' });
    const back = await until(readArrears, (r) => r.body.errors === undefined, 'the re-activation to reach hr-bureau');
    expect(arrearsOf(back)).toContainEqual(expect.objectContaining({ amountOwed: '486300.00', project: '亦庄新城C2地块安置房项目' }));
  });

  it('denies them once the channel is revoked, for good', async () => {
    expect(await decideOn('HR-UNION-ARREARS', 'revoke')).toMatchObject({ status: 'REVOKED' });
    const response = await until(readArrears, amountsDenied, 'the revocation to reach hr-bureau');
    expect(errorsOf(response)).toEqual(byPath(refusals(arrearsOf(response)!.length, ['amountOwed', 'project'])));
    const again = await stack.query(CHANNEL, { code: 'HR-UNION-ARREARS' });
    const { body } = await stack.query(
      decide('activate'),
      { input: { code: 'HR-UNION-ARREARS', version: again.body.data.sharingChannel.version } },
      hrAdmin,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
  });

  it('grants nothing through an expired channel (validUntil yesterday)', async () => {
    const readLayoffs = () => stack.query(LAYOFFS, { creditCode: STORY_ENTERPRISES.electronicsLayoff }, unionCaseworker);
    const before = await readLayoffs();
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data.enterprise.layoffReports[0]).toMatchObject({
      plannedCount: expect.any(Number),
      placementPlan: expect.any(String),
    });

    // The calendar passes the channel's last day: nothing is decided, nothing else is changed (in the
    // labour bureau's own record, which it enforces, and in the registry's row).
    const yesterday = addDays(TEST_AS_OF, -1);
    const hrEm = stack.subgraphs.get('hr-bureau')!.subgraph.orm.em.fork();
    const record = await hrEm.findOneOrFail(ProviderChannel, { code: 'HR-UNION-LAYOFF' });
    record.content = { ...record.content, validUntil: yesterday };
    await hrEm.flush();
    await stack.subgraphs
      .get('union')!
      .subgraph.orm.em.fork()
      .nativeUpdate(SharingChannel, { code: 'HR-UNION-LAYOFF' }, { validUntil: yesterday });
    expect((await stack.query(CHANNEL, { code: 'HR-UNION-LAYOFF' })).body.data.sharingChannel).toMatchObject({
      status: 'ACTIVE',
      effectiveStatus: 'EXPIRED',
    });

    const response = await until(
      readLayoffs,
      (r) => r.body.data?.enterprise?.layoffReports?.[0]?.placementPlan === null,
      'the expiry to reach hr-bureau',
    );
    expect(response.body.data.enterprise.layoffReports[0]).toEqual({
      reportNo: expect.any(String),
      plannedCount: expect.any(Number),
      reason: null,
      placementPlan: null,
    });
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: ['enterprise', 'layoffReports', 0, 'placementPlan'],
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        }),
      ]),
    );
  });

  it("grants nothing for an ACTIVE row written straight into the union's database; a channel the labour bureau's ADMIN activates grants", async () => {
    // The union's database administrator (or anyone writing to its database) opens the arrears to the
    // union: a row that says ACTIVE and names the labour bureau's ADMIN, but no decision of the bureau.
    await forgeActiveChannel(stack.subgraphs.get('union')!.subgraph.orm.em.fork(), {
      code: 'FORGED-HR-UNION-ARREARS',
      provider: HR_BUREAU,
      consumers: [UNION],
      grants: [
        { typeName: 'WageArrearsAlert', fields: ['amountOwed', 'project'] },
        { typeName: 'Worker', fields: ['name', 'idNumber'] },
      ],
      purpose: '欠薪预警信息推送工会',
      legalBasis: '《劳动保障监察条例》第七条',
      by: { subject: 'test:hr_bureau:admin', name: '测试 HR_BUREAU admin' },
    });
    await stack.refreshChannels();

    const forged = await readArrears();
    expect(amountsDenied(forged)).toBe(true);
    expect(errorsOf(forged)).toEqual(byPath(refusals(arrearsOf(forged)!.length, ['amountOwed', 'project'])));
    // Personal data stays masked too.
    const worker = await stack.query(
      `{ enterprise(creditCode: "${STORY_ENTERPRISES.constructionArrears}") { workers(first: 1) { name idNumber } } }`,
      {},
      unionCaseworker,
    );
    expect(worker.body.errors).toBeUndefined();
    expect(worker.body.data.enterprise.workers[0]).toEqual({
      name: expect.stringMatching(/^.\*+$/),
      idNumber: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/),
    });
    // The registry itself shows that the row is not what the provider decided.
    const shown = await stack.query(
      `{ sharingChannel(code: "FORGED-HR-UNION-ARREARS") { status providerAgrees providerRecord { status } } }`,
      {},
      unionCaseworker,
    );
    expect(shown.body).toEqual({ data: { sharingChannel: { status: 'ACTIVE', providerAgrees: false, providerRecord: null } } });

    // The proper way: the labour bureau's ADMIN proposes and activates through the gateway.
    const proposed = await stack.query(
      `mutation ($input: ProposeSharingChannelInput!) { proposeSharingChannel(input: $input) { code version } }`,
      {
        input: {
          code: 'E2E-HR-UNION-ARREARS',
          provider: HR_BUREAU,
          consumers: [UNION],
          grants: [{ typeName: 'WageArrearsAlert', fields: ['amountOwed'] }],
          scope: 'HR_OPEN_WAGE_ARREARS',
          purpose: '欠薪预警信息推送工会',
          legalBasis: '《劳动保障监察条例》第七条',
          validFrom: '2026-01-01',
        },
      },
      hrAdmin,
    );
    expect(proposed.body.errors).toBeUndefined();
    expect(await decideOn('E2E-HR-UNION-ARREARS', 'activate')).toMatchObject({ status: 'ACTIVE' });
    await stack.refreshChannels();
    const granted = await readArrears();
    expect(arrearsOf(granted)).toContainEqual(expect.objectContaining({ amountOwed: '486300.00', project: null }));
    const agreed = await stack.query(
      `{ sharingChannel(code: "E2E-HR-UNION-ARREARS") { status providerAgrees providerRecord { status decidedBy { subject } } } }`,
      {},
      unionCaseworker,
    );
    expect(agreed.body).toEqual({
      data: {
        sharingChannel: {
          status: 'ACTIVE',
          providerAgrees: true,
          providerRecord: { status: 'ACTIVE', decidedBy: { subject: 'test:hr_bureau:admin' } },
        },
      },
    });
  });

  it("keeps granting the provider's channels while the union (the registry) is down; its own caseworker sees everything", async () => {
    await stack.subgraphs.get('union')!.stop();
    // The labour bureau reads its own table: nothing of the union is needed to enforce its channels.
    expect(await stack.subgraphs.get('hr-bureau')!.subgraph.ownGrants!.refresh()).toBe(true);
    const response = await readArrears();
    expect(response.body.data.enterprise.name).toBe('北京京开建工集团有限公司');
    expect(arrearsOf(response)).toContainEqual(expect.objectContaining({ amountOwed: '486300.00', project: null }));
    expect(errorsOf(response)).toEqual(byPath(refusals(arrearsOf(response)!.length, ['project'])));
    const own = await stack.query(ARREARS, { creditCode: STORY_ENTERPRISES.constructionArrears }, asPrincipal(HR_BUREAU, CASEWORKER));
    expect(own.body.errors).toBeUndefined();
    expect(arrearsOf(own)).toContainEqual(expect.objectContaining({ amountOwed: '486300.00', project: '亦庄新城C2地块安置房项目' }));
  });
});
