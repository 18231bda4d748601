import type { MikroORM } from '@mikro-orm/postgresql';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from '@labour/testing/databases';
import { ARREARS_TO_UNION } from '@labour/testing/channel-content';
import { asPrincipal, TEST_AUTH } from '@labour/testing/tokens';
import { createTokenVerifier } from '../auth/token-verifier';
import { Department, Role, type Principal } from '../context/principal';
import { BaseRecord } from '../db/base-record';
import { createOrm } from '../db/create-orm';
import { clockOn } from '../legal-clock/clock';
import { createDepartmentGuard, DEFAULT_GUARD_SETTINGS } from '../resilience';
import { listen } from '../server/http-server';
import { createServiceApp } from '../server/service-app';
import { decideAtProvider, PROVIDER_CHANNEL_ROUTES, providerChannelRoutes, recordsAtProvider } from './provider-channel-routes';
import { ProviderChannel, ProviderChannelStatus } from './provider-channel.entity';
import { createOwnGrantSource, loadOwnDemoChannels, recordChannelDecision, type ChannelDecision } from './provider-channels';

const { HR_BUREAU, UNION, COURT } = Department;
const silent = pino({ level: 'silent' });
const TODAY = '2026-11-20';

const hrAdmin: Principal = { subject: 'hr-admin-1', name: '人社局管理员', department: HR_BUREAU, roles: [Role.ADMIN] };
const content = { ...ARREARS_TO_UNION, validUntil: '2026-11-20' };
const decision = (code: string, status: ProviderChannelStatus, extra: Partial<ChannelDecision> = {}): ChannelDecision => ({
  code,
  provider: HR_BUREAU,
  status,
  reason: null,
  content: structuredClone(content),
  ...extra,
});

/** What a call threw, as a client would see it. */
async function refusal(call: Promise<unknown>) {
  const error = (await call.then(
    () => null,
    (thrown: unknown) => thrown,
  )) as { message: string; extensions: Record<string, unknown> } | null;
  expect(error).not.toBeNull();
  return { message: error!.message, extensions: error!.extensions };
}

describe("a provider's own channel table: the only thing it enforces", () => {
  let database: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    database = await createTestDatabase('own_channels');
    ({ orm } = await createOrm({ databaseUrl: database.url, entities: [BaseRecord, ProviderChannel], migrations: [], logger: silent }));
    await orm.schema.create();
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });
  const rowOf = (code: string) => orm.em.fork().findOne(ProviderChannel, { code });
  const decide = (principal: Principal | null, body: unknown) => recordChannelDecision(orm.em.fork(), HR_BUREAU, principal, body, TODAY);

  it.each([
    ['no principal', null],
    ['a CASEWORKER of the provider', { ...hrAdmin, roles: [Role.CASEWORKER] }],
    ['a SERVICE principal of the provider', { ...hrAdmin, roles: [Role.SERVICE] }],
    ["an ADMIN of the union (the registry's department)", { ...hrAdmin, department: UNION }],
  ])('records nothing for %s: FORBIDDEN', async (_who, principal) => {
    expect(await refusal(decide(principal as Principal | null, decision('T-FORBIDDEN', ProviderChannelStatus.ACTIVE)))).toEqual({
      message: 'Only an ADMIN of HR_BUREAU may decide its sharing channels',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await rowOf('T-FORBIDDEN')).toBeNull();
  });

  it('checks an activation against its own field catalogue, naming each field, and records nothing', async () => {
    const bad = decision('T-BAD', ProviderChannelStatus.ACTIVE, {
      content: {
        ...content,
        consumers: [HR_BUREAU],
        grants: [
          { typeName: 'WageArrearsAlert', fields: ['amountOwed', 'alertNo'] },
          { typeName: 'MediationCase', fields: ['claims'] },
        ],
      },
    });
    const { extensions } = await refusal(decide(hrAdmin, bad));
    expect(extensions['violations']).toEqual([
      { field: 'content.consumers[0]', rule: 'is the provider: HR_BUREAU reads its own fields without a channel' },
      {
        field: 'content.grants[0].fields[1]',
        rule: 'is PUBLIC: every department reads WageArrearsAlert.alertNo already, there is nothing to grant',
      },
      { field: 'content.grants[1].typeName', rule: "is not a type of HR_BUREAU's schema" },
    ]);
    const shapeless = await refusal(
      decide(hrAdmin, { ...decision('T-SHAPE', ProviderChannelStatus.ACTIVE), content: { ...content, grants: [], validFrom: '1 Jan' } }),
    );
    expect(shapeless.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      violations: [
        { field: 'content.grants', rule: 'must name at least one type' },
        { field: 'content.validFrom', rule: 'must be a date written YYYY-MM-DD' },
      ],
    });
    const other = await refusal(decide(hrAdmin, decision('T-OTHER', ProviderChannelStatus.ACTIVE, { provider: COURT })));
    expect(other.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'provider',
      rule: 'is COURT: HR_BUREAU decides only its own outgoing channels',
    });
    const expired = await refusal(
      decide(hrAdmin, decision('T-EXPIRED', ProviderChannelStatus.ACTIVE, { content: { ...content, validUntil: '2026-11-19' } })),
    );
    expect(expired.extensions).toMatchObject({
      field: 'content.validUntil',
      rule: 'expired on 2026-11-19: an expired channel cannot be activated; propose a new one',
    });
    for (const code of ['T-BAD', 'T-SHAPE', 'T-OTHER', 'T-EXPIRED']) expect(await rowOf(code)).toBeNull();
  });

  it('records a decision with its decider and keeps any content field it does not know (e.g. one the registry adds later)', async () => {
    const record = await decide(
      hrAdmin,
      decision('T-RECORD', ProviderChannelStatus.ACTIVE, {
        reason: ' 联席会议议定 ',
        content: { ...content, reviewBy: { districts: ['亦庄镇'] } },
      }),
    );
    expect(record).toMatchObject({
      code: 'T-RECORD',
      status: 'ACTIVE',
      decidedBy: { subject: 'hr-admin-1', name: '人社局管理员' },
      decisionReason: '联席会议议定',
      version: 1,
    });
    expect((await rowOf('T-RECORD'))!.content).toEqual({ ...content, reviewBy: { districts: ['亦庄镇'] } });
  });

  it('answers a repeated decision with the record unchanged, refuses other content and illegal changes', async () => {
    const first = await decide(hrAdmin, decision('T-AGAIN', ProviderChannelStatus.ACTIVE));
    const again = await decide({ ...hrAdmin, subject: 'hr-admin-2' }, decision('T-AGAIN', ProviderChannelStatus.ACTIVE));
    expect(again).toMatchObject({ version: 1, decidedBy: { subject: 'hr-admin-1' }, decidedAt: first.decidedAt });
    const changed = await refusal(
      decide(hrAdmin, decision('T-AGAIN', ProviderChannelStatus.ACTIVE, { content: { ...content, consumers: [UNION, COURT] } })),
    );
    expect(changed).toEqual({
      message:
        "Sharing channel T-AGAIN was decided by HR_BUREAU with other content: a channel's content never changes once decided; propose a new channel",
      extensions: { code: 'CONFLICT', field: 'content' },
    });
    expect(await decide(hrAdmin, decision('T-AGAIN', ProviderChannelStatus.SUSPENDED))).toMatchObject({ status: 'SUSPENDED', version: 2 });
    expect(await decide(hrAdmin, decision('T-AGAIN', ProviderChannelStatus.REVOKED))).toMatchObject({ status: 'REVOKED', version: 3 });
    const back = await refusal(decide(hrAdmin, decision('T-AGAIN', ProviderChannelStatus.ACTIVE)));
    expect(back.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'status',
      rule: 'cannot change from REVOKED to ACTIVE (allowed from REVOKED: none)',
    });
    expect(await rowOf('T-AGAIN')).toMatchObject({ status: 'REVOKED', version: 3 });
  });

  it("grants what its ACTIVE rows say, by the day of the service's clock, and the demo channels it provides", async () => {
    const em = orm.em.fork();
    await em.nativeDelete(ProviderChannel, {});
    await decide(hrAdmin, decision('T-LAST-DAY', ProviderChannelStatus.ACTIVE));
    await decide(
      hrAdmin,
      decision('T-SUSPENDED', ProviderChannelStatus.ACTIVE, {
        content: { ...content, grants: [{ typeName: 'Worker', fields: ['phone'] }] },
      }),
    );
    await decide(hrAdmin, decision('T-SUSPENDED', ProviderChannelStatus.SUSPENDED));
    const lastDay = createOwnGrantSource(orm, { provider: HR_BUREAU, logger: silent, clock: clockOn('2026-11-20') });
    const dayAfter = createOwnGrantSource(orm, { provider: HR_BUREAU, logger: silent, clock: clockOn('2026-11-21') });
    expect([await lastDay.refresh(), await dayAfter.refresh()]).toEqual([true, true]);
    expect(lastDay.grantsFor(UNION)).toEqual(
      new Map([
        ['WageArrearsAlert.amountOwed', { channelId: 'T-LAST-DAY', scope: 'HR_OPEN_WAGE_ARREARS' }],
        ['WageArrearsAlert.project', { channelId: 'T-LAST-DAY', scope: 'HR_OPEN_WAGE_ARREARS' }],
      ]),
    );
    expect(dayAfter.grantsFor(UNION)).toEqual(new Map());

    await em.nativeDelete(ProviderChannel, {});
    expect(await loadOwnDemoChannels(orm.em.fork(), HR_BUREAU, { asOf: TODAY })).toBe(3);
    expect(await lastDay.refresh()).toBe(true);
    expect([...(lastDay.grantsFor(UNION) as Map<string, { channelId: string }>).values()].map((g) => g.channelId).sort()).toEqual(
      expect.arrayContaining(['HR-UNION-ARREARS', 'HR-UNION-LAYOFF']),
    );
    expect(lastDay.grantsFor(COURT)).toEqual(
      new Map([
        ['ArbitrationCase.claims', { channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' }],
        ['ArbitrationCase.claimAmount', { channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' }],
        ['ArbitrationCase.awardSummary', { channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' }],
        ['Party.name', { channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' }],
        ['Party.idNumber', { channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' }],
      ]),
    );
  });

  describe('over HTTP (/channels, behind the token check)', () => {
    let url: string;
    let close: () => Promise<void>;
    const guard = createDepartmentGuard(HR_BUREAU, DEFAULT_GUARD_SETTINGS, silent);
    const peer = (authorization: string | null) => ({ department: HR_BUREAU, graphqlUrl: url, authorization, requestId: 'test', guard });
    beforeAll(async () => {
      const app = createServiceApp({
        logger: silent,
        ready: async () => true,
        graphql: { verifyToken: createTokenVerifier(TEST_AUTH), bodyLimit: '1mb', handler: (_req, res) => void res.json({}) },
        routes: [
          {
            path: PROVIDER_CHANNEL_ROUTES,
            router: providerChannelRoutes({ orm, department: HR_BUREAU, clock: clockOn(TODAY), logger: silent }),
            bodyLimit: '256kb',
          },
        ],
      });
      const listening = await listen(app, 0, '127.0.0.1');
      url = listening.url;
      close = async () => void (await listening.close());
    });
    afterAll(() => close?.());

    it("records the decision of the provider's ADMIN, as its token names them, and answers the record", async () => {
      const record = await decideAtProvider(
        peer(asPrincipal(HR_BUREAU, Role.ADMIN).authorization),
        decision('T-HTTP', ProviderChannelStatus.ACTIVE),
      );
      expect(record).toMatchObject({
        code: 'T-HTTP',
        provider: 'HR_BUREAU',
        status: 'ACTIVE',
        version: 1,
        decidedBy: { subject: 'test:hr_bureau:admin' },
      });
      expect(await recordsAtProvider(peer(asPrincipal(COURT, Role.ANALYST).authorization), ['T-HTTP', 'T-NONE'])).toEqual([record]);
    });

    it("passes the provider's refusal on as it gave it, naming the department; a bad token gets UNAUTHENTICATED", async () => {
      const forbidden = await refusal(
        decideAtProvider(peer(asPrincipal(UNION, Role.ADMIN).authorization), decision('T-HTTP-NO', ProviderChannelStatus.ACTIVE)),
      );
      expect(forbidden).toEqual({
        message: 'Only an ADMIN of HR_BUREAU may decide its sharing channels',
        extensions: { code: 'FORBIDDEN', department: 'HR_BUREAU' },
      });
      const forged = await refusal(decideAtProvider(peer('Bearer not.a.token'), decision('T-HTTP-NO', ProviderChannelStatus.ACTIVE)));
      expect(forged.extensions).toEqual({ code: 'UNAUTHENTICATED', department: 'HR_BUREAU' });
      expect(await rowOf('T-HTTP-NO')).toBeNull();
    });

    it('answers DEPARTMENT_UNAVAILABLE when the provider cannot be reached', async () => {
      const gone = {
        department: HR_BUREAU,
        graphqlUrl: 'http://127.0.0.1:9/graphql',
        authorization: 'Bearer x',
        requestId: 'test',
        guard: createDepartmentGuard(HR_BUREAU, DEFAULT_GUARD_SETTINGS, silent),
      };
      expect((await refusal(decideAtProvider(gone, decision('T-GONE', ProviderChannelStatus.ACTIVE)))).extensions).toEqual({
        code: 'DEPARTMENT_UNAVAILABLE',
        department: 'HR_BUREAU',
      });
    });
  });
});
