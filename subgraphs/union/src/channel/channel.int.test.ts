import { addDays, BACKGROUND_QUERY, createDepartmentGuard, decideAtProvider, DEFAULT_GUARD_SETTINGS, Department, ProviderChannel, ProviderChannelStatus, Role, type PeerUrls } from '@labour/shared';
import pino from 'pino';
import { startChannelProvider, type ChannelProvider } from '@labour/testing/channel-provider';
import { startSubgraph, type RunningSubgraph, TEST_AS_OF } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { waitFor } from '@labour/testing/wait-for';
import { LegalConsultation } from '../consultation/legal-consultation.entity';
import { unionSubgraph } from '../definition';
import { contentOf } from './channel.service';
import { Notice, NoticeKind } from '../notice/notice.entity';
import { SharingChannel } from './sharing-channel.entity';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;
const { ADMIN, CASEWORKER, SERVICE, COORDINATOR, ANALYST } = Role;
const today = TEST_AS_OF;

const CHANNEL = /* GraphQL */ `code provider consumers grants { typeName fields } scope scopeKind { name provider types description descriptionZh } purpose legalBasis validFrom validUntil
  status effectiveStatus inForce version proposedBy { subject name } decidedBy { subject } decisionReason`;
const PROPOSE = `mutation ($input: ProposeSharingChannelInput!) { proposeSharingChannel(input: $input) { ${CHANNEL} } }`;
const decide = (verb: 'activate' | 'suspend' | 'revoke') =>
  `mutation ($input: SharingChannelDecisionInput!) { ${verb}SharingChannel(input: $input) { ${CHANNEL} } }`;
const ACTIVATE = decide('activate');
const SUSPEND = decide('suspend');
const REVOKE = decide('revoke');
const LOOKUP = `query ($code: String!) { sharingChannel(code: $code) { ${CHANNEL} } }`;
const ACTIVE_GRANTS = `query ($provider: Department!) { activeSharingGrants(provider: $provider) { code consumers grants { typeName fields } scope validFrom validUntil } }`;

const proposal = (code: string, extra: object = {}) => ({
  code,
  provider: HR_BUREAU,
  consumers: [UNION],
  grants: [{ typeName: 'WageArrearsAlert', fields: ['amountOwed', 'project'] }],
  scope: 'HR_OPEN_WAGE_ARREARS',
  purpose: '欠薪预警信息推送工会',
  legalBasis: '《劳动保障监察条例》第七条',
  validFrom: '2026-01-01',
  validUntil: null,
  ...extra,
});

const hrAdmin = asPrincipal(HR_BUREAU, ADMIN);
const codesOf = (list: Array<{ code: string }>) => list.map((c) => c.code);

describe('sharing-channel registry (union subgraph)', () => {
  let union: RunningSubgraph;
  // The provider of most channels here: the registry forwards decisions on them to its channel routes.
  let hr: ChannelProvider;
  const peerUrls: PeerUrls = {};
  beforeAll(async () => {
    [union, hr] = await Promise.all([startSubgraph(unionSubgraph, { demo: true, peerUrls }), startChannelProvider(HR_BUREAU)]);
    peerUrls[HR_BUREAU] = hr.url;
  }, 120_000);
  afterAll(() => Promise.all([union?.stop(), hr?.stop()]));

  /** The labour bureau's own record of a channel (what it enforces), read in its database. */
  const hrRecord = (code: string) => hr.orm.em.fork().findOne(ProviderChannel, { code });

  async function proposeAndActivate(code: string, extra: object = {}) {
    const proposed = await union.query(PROPOSE, { input: proposal(code, extra) }, hrAdmin);
    expect(proposed.body.errors).toBeUndefined();
    const activated = await union.query(ACTIVATE, { input: { code, version: 1 } }, hrAdmin);
    expect(activated.body.errors).toBeUndefined();
    return activated.body.data.activateSharingChannel;
  }

  it('holds the demo channels, all ACTIVE, readable by any authenticated caller', async () => {
    const { body } = await union.query(`{ sharingChannels(status: ACTIVE) { code provider consumers inForce legalBasis } }`, {}, asPrincipal(JUSTICE, ANALYST));
    expect(body.errors).toBeUndefined();
    // By provider, then code.
    expect(body.data.sharingChannels.map((c: { code: string; provider: string; consumers: string[]; inForce: boolean }) => [c.code, c.provider, c.consumers, c.inForce])).toEqual([
      ['COURT-HR-SUGGESTIONS', 'COURT', ['HR_BUREAU'], true],
      ['COURT-UNION-ENFORCEMENT', 'COURT', ['UNION'], true],
      ['HR-COURT-ARBITRATION', 'HR_BUREAU', ['COURT'], true],
      ['HR-UNION-ARREARS', 'HR_BUREAU', ['UNION'], true],
      ['HR-UNION-LAYOFF', 'HR_BUREAU', ['UNION'], true],
      ['JUSTICE-UNION-REFERRAL-REPLY', 'JUSTICE', ['UNION'], true],
      ['UNION-JUSTICE-REFERRAL', 'UNION', ['JUSTICE'], true],
    ]);
    expect(body.data.sharingChannels.every((c: { legalBasis: string }) => /《.+》/.test(c.legalBasis))).toBe(true);
    const toCourt = await union.query(`{ sharingChannels(consumer: COURT) { code } }`, {}, asPrincipal(COURT, CASEWORKER));
    expect(codesOf(toCourt.body.data.sharingChannels)).toEqual(['HR-COURT-ARBITRATION']);
    const fromUnion = await union.query(`{ sharingChannels(provider: UNION) { code } }`, {}, asPrincipal(HR_BUREAU, CASEWORKER));
    expect(codesOf(fromUnion.body.data.sharingChannels)).toEqual(['UNION-JUSTICE-REFERRAL']);
  });

  it('lets an ADMIN of the provider propose a channel, PROPOSED until activated', async () => {
    const { body } = await union.query(PROPOSE, { input: proposal('T-PROPOSE') }, hrAdmin);
    expect(body.errors).toBeUndefined();
    expect(body.data.proposeSharingChannel).toEqual({
      code: 'T-PROPOSE', provider: 'HR_BUREAU', consumers: ['UNION'], grants: [{ typeName: 'WageArrearsAlert', fields: ['amountOwed', 'project'] }],
      scope: 'HR_OPEN_WAGE_ARREARS',
      scopeKind: {
        name: 'HR_OPEN_WAGE_ARREARS', provider: 'HR_BUREAU', types: ['WageArrearsAlert', 'Worker'],
        description: 'Open wage-arrears warnings (not yet settled), and the workers of an enterprise with an open warning.',
        descriptionZh: '未化解的欠薪预警，以及有未化解欠薪预警企业的在册职工。',
      },
      purpose: '欠薪预警信息推送工会', legalBasis: '《劳动保障监察条例》第七条', validFrom: '2026-01-01', validUntil: null,
      status: 'PROPOSED', effectiveStatus: 'PROPOSED', inForce: false, version: 1,
      proposedBy: { subject: 'test:hr_bureau:admin', name: '测试 HR_BUREAU admin' }, decidedBy: null, decisionReason: null,
    });
    const listed = await union.query(LOOKUP, { code: 'T-PROPOSE' }, asPrincipal(COURT, CASEWORKER));
    expect(listed.body.data.sharingChannel).toMatchObject({ status: 'PROPOSED' });
  });

  it.each([
    ['a CASEWORKER of the provider', asPrincipal(HR_BUREAU, CASEWORKER), 'Only an ADMIN of HR_BUREAU may propose its sharing channels'],
    ['a COORDINATOR of the provider', asPrincipal(HR_BUREAU, COORDINATOR), 'Only an ADMIN of HR_BUREAU may propose its sharing channels'],
    ["an ADMIN of a consumer (the registry's own department)", asPrincipal(UNION, ADMIN), 'Only an ADMIN of HR_BUREAU may propose its sharing channels'],
    ['an ADMIN of another department', asPrincipal(COURT, ADMIN), 'Only an ADMIN of HR_BUREAU may propose its sharing channels'],
    ['an ANALYST of the provider (writes nothing)', asPrincipal(HR_BUREAU, ANALYST), 'Not allowed for your department or role: Mutation.proposeSharingChannel'],
  ])('refuses a proposal by %s with FORBIDDEN', async (_who, headers, message) => {
    const code = `T-REFUSED-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const { body } = await union.query(PROPOSE, { input: proposal(code) }, headers);
    expect(body).toEqual({ data: null, errors: [expect.objectContaining({ message, extensions: { code: 'FORBIDDEN' }, path: ['proposeSharingChannel'] })] });
    expect((await union.query(LOOKUP, { code })).body.data.sharingChannel).toBeNull();
  });

  it('refuses RESTRICTED, PUBLIC, unknown and repeated fields, unknown types, the provider as consumer and dates out of order, naming each', async () => {
    const input = proposal('T-BAD-GRANTS', {
      provider: UNION,
      scope: 'UNION_REFERRED_DISPUTES',
      consumers: [JUSTICE, UNION, JUSTICE],
      grants: [
        { typeName: 'MediationCase', fields: ['claims', 'notes', 'caseNo', 'noSuchField', 'claims'] },
        { typeName: 'WageArrearsAlert', fields: ['amountOwed'] },
        { typeName: 'LegalConsultation', fields: ['topic'] },
        { typeName: 'MediationCase', fields: ['agreement'] },
      ],
      validFrom: '2026-06-01',
      validUntil: '2026-05-31',
    });
    const { body } = await union.query(PROPOSE, { input }, asPrincipal(UNION, ADMIN));
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    // Shapes first (class-validator, before the resolver): the dates.
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'validUntil', rule: 'must not be earlier than validFrom (2026-06-01)' });

    const { body: second } = await union.query(PROPOSE, { input: { ...input, validUntil: null } }, asPrincipal(UNION, ADMIN));
    expect(second.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consumers[1]' });
    expect(second.errors![0]!.extensions!['violations']).toEqual([
      { field: 'consumers[1]', rule: 'is the provider: UNION reads its own fields without a channel' },
      { field: 'consumers[2]', rule: 'names JUSTICE twice' },
      { field: 'grants[0].fields[1]', rule: 'is RESTRICTED: MediationCase.notes never leaves UNION' },
      { field: 'grants[0].fields[2]', rule: 'is PUBLIC: every department reads MediationCase.caseNo already, there is nothing to grant' },
      { field: 'grants[0].fields[3]', rule: "is not a field of MediationCase in UNION's schema" },
      { field: 'grants[0].fields[4]', rule: 'names claims twice' },
      { field: 'grants[1].typeName', rule: "is not a type of UNION's schema" },
      { field: 'grants[3].typeName', rule: "names MediationCase again: list each type's fields once" },
    ]);

    const past = await union.query(PROPOSE, { input: proposal('T-PAST', { validFrom: '2025-01-01', validUntil: addDays(today, -1) }) }, hrAdmin);
    expect(past.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'validUntil', rule: `must not be in the past (today is ${today}): such a channel would grant nothing`,
    });
    const empty = await union.query(PROPOSE, { input: proposal('T-EMPTY', { consumers: [], grants: [{ typeName: 'WageArrearsAlert', fields: [] }] }) }, hrAdmin);
    expect(empty.body.errors![0]!.extensions!['violations']).toEqual([
      { field: 'consumers', rule: 'must name at least one department' },
      { field: 'grants[0].fields', rule: 'must name at least one field' },
    ]);
    expect((await union.query(`{ sharingChannels { code } }`)).body.data.sharingChannels.map((c: { code: string }) => c.code)).not.toEqual(
      expect.arrayContaining(['T-BAD-GRANTS', 'T-PAST', 'T-EMPTY']),
    );
  });

  it('refuses a scope that is missing, unknown, another provider\'s, or does not cover a granted type, naming scope or the type', async () => {
    const refused = async (extra: object) => {
      const { body } = await union.query(PROPOSE, { input: proposal('T-BAD-SCOPE', extra) }, hrAdmin);
      expect(body.data ?? null).toBeNull();
      return body.errors![0]!.extensions;
    };
    expect(await refused({ scope: undefined })).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(await refused({ scope: 'EVERY_WORKER' })).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'scope', rule: "is no scope kind: HR_BUREAU's are HR_OPEN_WAGE_ARREARS, HR_CURRENT_LAYOFFS, HR_ENDED_ARBITRATION, HR_PUBLISHED_FIGURES",
    });
    expect(await refused({ scope: 'UNION_OPEN_MEDIATION' })).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'scope', rule: "is a scope kind of UNION: HR_BUREAU's are HR_OPEN_WAGE_ARREARS, HR_CURRENT_LAYOFFS, HR_ENDED_ARBITRATION, HR_PUBLISHED_FIGURES",
    });
    const uncovered = await refused({ grants: [{ typeName: 'WageArrearsAlert', fields: ['amountOwed'] }, { typeName: 'LayoffReport', fields: ['reason'] }, { typeName: 'Worker', fields: ['name'] }] });
    expect(uncovered!['violations']).toEqual([{ field: 'grants[1].typeName', rule: 'is not covered by scope HR_OPEN_WAGE_ARREARS, which covers WageArrearsAlert, Worker' }]);
    expect((await union.query(LOOKUP, { code: 'T-BAD-SCOPE' })).body.data.sharingChannel).toBeNull();
  });

  it('lists the scope kinds a channel may name, by provider', async () => {
    const { body } = await union.query(`{ channelScopeKinds(provider: UNION) { name provider types } }`, {}, asPrincipal(JUSTICE, ANALYST));
    expect(body).toEqual({
      data: {
        channelScopeKinds: [
          { name: 'UNION_REFERRED_DISPUTES', provider: 'UNION', types: ['LegalConsultation', 'MediationCase', 'Party'] },
          { name: 'UNION_OPEN_MEDIATION', provider: 'UNION', types: ['MediationCase', 'Party'] },
        ],
      },
    });
    const all = await union.query(`{ channelScopeKinds { name } }`);
    expect(all.body.data.channelScopeKinds).toHaveLength(10);
  });

  it('refuses to activate a channel agreed before channels had scopes: it must be proposed again with one', async () => {
    await union.query(PROPOSE, { input: proposal('T-UNSCOPED') }, hrAdmin);
    await union.subgraph.orm.em.fork().nativeUpdate(SharingChannel, { code: 'T-UNSCOPED' }, { scope: null });
    const read = (await union.query(LOOKUP, { code: 'T-UNSCOPED' })).body.data.sharingChannel;
    expect(read).toMatchObject({ scope: null, scopeKind: null });
    const { body } = await union.query(ACTIVATE, { input: { code: 'T-UNSCOPED', version: read.version } }, hrAdmin);
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'scope', rule: "is missing: a channel must name one of HR_BUREAU's scope kinds (HR_OPEN_WAGE_ARREARS, HR_CURRENT_LAYOFFS, HR_ENDED_ARBITRATION, HR_PUBLISHED_FIGURES)",
    });
  });

  it('refuses a second channel with the same code with CONFLICT', async () => {
    await union.query(PROPOSE, { input: proposal('T-TWICE') }, hrAdmin);
    const { body } = await union.query(PROPOSE, { input: proposal('T-TWICE') }, hrAdmin);
    expect(body.errors![0]).toMatchObject({ message: 'A sharing channel with code T-TWICE already exists', extensions: { code: 'CONFLICT', field: 'code' } });
  });

  it('runs PROPOSED → ACTIVE → SUSPENDED → ACTIVE → REVOKED by the provider ADMIN, and never back from REVOKED', async () => {
    const code = 'T-LIFECYCLE';
    await union.query(PROPOSE, { input: proposal(code) }, hrAdmin);
    const grants = async () => codesOf((await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, asPrincipal(HR_BUREAU, SERVICE))).body.data.activeSharingGrants);
    expect(await grants()).not.toContain(code);

    expect(await hrRecord(code)).toBeNull();
    const activated = await union.query(ACTIVATE, { input: { code, version: 1 } }, hrAdmin);
    expect(activated.body.data.activateSharingChannel).toMatchObject({
      status: 'ACTIVE', effectiveStatus: 'ACTIVE', inForce: true, version: 2, decidedBy: { subject: 'test:hr_bureau:admin' },
    });
    expect(await grants()).toContain(code);
    // The labour bureau recorded it first, with the content proposed and the decider from the token.
    const record = await hrRecord(code);
    expect(record).toMatchObject({ status: 'ACTIVE', version: 1, decidedBy: { subject: 'test:hr_bureau:admin', name: '测试 HR_BUREAU admin' } });
    expect(record!.content).toEqual({
      consumers: ['UNION'], grants: [{ typeName: 'WageArrearsAlert', fields: ['amountOwed', 'project'] }], scope: 'HR_OPEN_WAGE_ARREARS',
      purpose: '欠薪预警信息推送工会', legalBasis: '《劳动保障监察条例》第七条', validFrom: '2026-01-01', validUntil: null,
    });
    const decidedAt = await union.query(`query ($code: String!) { sharingChannel(code: $code) { decidedAt } }`, { code });
    expect(decidedAt.body.data.sharingChannel.decidedAt).toBe(record!.decidedAt.toISOString());

    const suspended = await union.query(SUSPEND, { input: { code, version: 2, reason: '核查数据使用情况' } }, hrAdmin);
    expect(suspended.body.data.suspendSharingChannel).toMatchObject({ status: 'SUSPENDED', effectiveStatus: 'SUSPENDED', inForce: false, version: 3, decisionReason: '核查数据使用情况' });
    expect(await grants()).not.toContain(code);

    const again = await union.query(ACTIVATE, { input: { code, version: 3 } }, hrAdmin);
    expect(again.body.data.activateSharingChannel).toMatchObject({ status: 'ACTIVE', version: 4, decisionReason: null });
    expect(await grants()).toContain(code);

    const revoked = await union.query(REVOKE, { input: { code, version: 4 } }, hrAdmin);
    expect(revoked.body.data.revokeSharingChannel).toMatchObject({ status: 'REVOKED', effectiveStatus: 'REVOKED', inForce: false, version: 5 });
    expect(await grants()).not.toContain(code);
    expect(await hrRecord(code)).toMatchObject({ status: 'REVOKED', version: 4 });
    const shown = await union.query(`query ($code: String!) { sharingChannel(code: $code) { providerAgrees providerRecord { status version decidedBy { subject } } } }`, { code }, asPrincipal(COURT, ANALYST));
    expect(shown.body).toEqual({ data: { sharingChannel: { providerAgrees: true, providerRecord: { status: 'REVOKED', version: 4, decidedBy: { subject: 'test:hr_bureau:admin' } } } } });

    const back = await union.query(ACTIVATE, { input: { code, version: 5 } }, hrAdmin);
    expect(back.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'status', rule: 'cannot change from REVOKED to ACTIVE (allowed from REVOKED: none)',
    });
    const suspendProposal = await union.query(PROPOSE, { input: proposal('T-SUSPEND-PROPOSED') }, hrAdmin);
    expect(suspendProposal.body.errors).toBeUndefined();
    const notActive = await union.query(SUSPEND, { input: { code: 'T-SUSPEND-PROPOSED', version: 1 } }, hrAdmin);
    expect(notActive.body.errors![0]!.extensions).toMatchObject({ field: 'status', rule: 'cannot change from PROPOSED to SUSPENDED (allowed from PROPOSED: ACTIVE, REVOKED)' });
  });

  it.each([
    ['activate', ACTIVATE, 'activate'],
    ['suspend', SUSPEND, 'suspend'],
    ['revoke', REVOKE, 'revoke'],
  ])('lets only an ADMIN of the provider %s a channel', async (verb, mutation, action) => {
    const code = `T-ONLY-ADMIN-${verb.toUpperCase()}`;
    await proposeAndActivate(code);
    // Activation needs a channel that is not active: suspend it first.
    if (verb === 'activate') await union.query(SUSPEND, { input: { code, version: 2 } }, hrAdmin);
    const current = verb === 'activate' ? 3 : 2;
    for (const headers of [asPrincipal(HR_BUREAU, CASEWORKER), asPrincipal(HR_BUREAU, SERVICE), asPrincipal(UNION, ADMIN), asPrincipal(COURT, ADMIN, CASEWORKER)]) {
      const { body } = await union.query(mutation, { input: { code, version: current } }, headers);
      expect(body).toEqual({
        data: null,
        errors: [expect.objectContaining({ message: `Only an ADMIN of HR_BUREAU may ${action} its sharing channels`, extensions: { code: 'FORBIDDEN' } })],
      });
    }
    expect((await union.query(LOOKUP, { code })).body.data.sharingChannel).toMatchObject({ version: current });
  });

  it('refuses a decision on a stale version with CONFLICT and keeps the first one', async () => {
    const code = 'T-STALE';
    await proposeAndActivate(code);
    const first = await union.query(SUSPEND, { input: { code, version: 2 } }, hrAdmin);
    expect(first.body.data.suspendSharingChannel).toMatchObject({ status: 'SUSPENDED', version: 3 });
    const stale = await union.query(REVOKE, { input: { code, version: 2 } }, hrAdmin);
    expect(stale.body.errors![0]!.extensions).toEqual({ code: 'CONFLICT', currentVersion: 3 });
    expect((await union.query(LOOKUP, { code })).body.data.sharingChannel).toMatchObject({ status: 'SUSPENDED', version: 3 });
    // The stale decision never reached the provider.
    expect(await hrRecord(code)).toMatchObject({ status: 'SUSPENDED', version: 2 });
    const missing = await union.query(REVOKE, { input: { code: 'T-NOBODY', version: 1 } }, hrAdmin);
    expect(missing.body.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('lets only a SERVICE or ADMIN principal of the provider read its grants in force', async () => {
    const asHrService = await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, asPrincipal(HR_BUREAU, SERVICE));
    expect(asHrService.body.data.activeSharingGrants).toEqual(expect.arrayContaining([
      {
        code: 'HR-UNION-ARREARS', consumers: ['UNION'],
        grants: [{ typeName: 'WageArrearsAlert', fields: ['project', 'amountOwed'] }, { typeName: 'Worker', fields: ['name', 'phone'] }],
        scope: 'HR_OPEN_WAGE_ARREARS', validFrom: '2026-01-01', validUntil: '2028-12-31',
      },
    ]));
    expect((await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, asPrincipal(HR_BUREAU, ADMIN))).body.errors).toBeUndefined();
    for (const headers of [asPrincipal(HR_BUREAU, CASEWORKER), asPrincipal(UNION, SERVICE), asPrincipal(COURT, ADMIN)]) {
      const { body } = await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, headers);
      expect(body).toEqual({
        data: null,
        errors: [expect.objectContaining({ message: 'Only a SERVICE or ADMIN principal of HR_BUREAU may read the grants its subgraph enforces', extensions: { code: 'FORBIDDEN' } })],
      });
    }
  });

  it('shows EXPIRED once validUntil has passed: the channel grants nothing and cannot be activated again', async () => {
    const code = 'T-EXPIRES';
    await proposeAndActivate(code, { validUntil: today });
    expect((await union.query(LOOKUP, { code })).body.data.sharingChannel).toMatchObject({ status: 'ACTIVE', effectiveStatus: 'ACTIVE', inForce: true });
    // A day goes by: the stored channel is untouched, only the calendar moves past its last day.
    await union.subgraph.orm.em.fork().nativeUpdate(SharingChannel, { code }, { validUntil: addDays(today, -1) });

    const expired = (await union.query(LOOKUP, { code })).body.data.sharingChannel;
    expect(expired).toMatchObject({ status: 'ACTIVE', effectiveStatus: 'EXPIRED', inForce: false });
    const inForce = await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, asPrincipal(HR_BUREAU, SERVICE));
    expect(codesOf(inForce.body.data.activeSharingGrants)).not.toContain(code);
    expect(codesOf((await union.query(`{ sharingChannels(status: EXPIRED) { code } }`)).body.data.sharingChannels)).toEqual([code]);
    expect(codesOf((await union.query(`{ sharingChannels(status: ACTIVE, provider: HR_BUREAU) { code } }`)).body.data.sharingChannels)).not.toContain(code);

    await union.query(SUSPEND, { input: { code, version: expired.version } }, hrAdmin);
    const reactivated = await union.query(ACTIVATE, { input: { code, version: expired.version + 1 } }, hrAdmin);
    expect(reactivated.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT', field: 'code', rule: `expired on ${addDays(today, -1)}: an expired channel cannot be activated; propose a new one`,
    });
  });

  it("does not count its own polling as a request's SQL statements (the batching tests count those)", async () => {
    // The reloads reach the counter marked as background work: seeing them shows polling did happen meanwhile.
    const logQuery = jest.spyOn(union.subgraph.queries, 'logQuery');
    const reloads = () => logQuery.mock.calls.filter(([context]) => context[BACKGROUND_QUERY] === true).length;
    try {
      union.subgraph.queries.reset();
      await waitFor(reloads, (n) => n >= 2, { what: 'two reloads of the channel table' });
      expect(union.subgraph.queries.count).toBe(0);
      await union.query(LOOKUP, { code: 'HR-UNION-ARREARS' });
      expect(union.subgraph.queries.count).toBe(1);
    } finally {
      logQuery.mockRestore();
    }
  });

  it("enforces the union's own channels from its table: a suspension shows once the table is reloaded", async () => {
    // A consultation of the dispute the union referred to legal aid over the channel: in its scope.
    const em = union.subgraph.orm.em.fork();
    const referral = await em.findOneOrFail(Notice, { channelCode: 'UNION-JUSTICE-REFERRAL', kind: NoticeKind.REFERRAL });
    const consultation = await em.findOneOrFail(LegalConsultation, { disputeNo: referral.disputeNo }, { orderBy: { consultationNo: 'asc' } });
    const read = () =>
      union.query(`query ($no: String!) { legalConsultation(consultationNo: $no) { consultationNo topic } }`, { no: consultation.consultationNo }, asPrincipal(JUSTICE, CASEWORKER));
    expect((await read()).body).toEqual({ data: { legalConsultation: { consultationNo: consultation.consultationNo, topic: consultation.topic } } });

    const channel = (await union.query(LOOKUP, { code: 'UNION-JUSTICE-REFERRAL' })).body.data.sharingChannel;
    const suspended = await union.query(SUSPEND, { input: { code: 'UNION-JUSTICE-REFERRAL', version: channel.version } }, asPrincipal(UNION, ADMIN));
    expect(suspended.body.errors).toBeUndefined();
    // The grant source rereads its table every 500 ms here: wait for the denial rather than guess the time.
    const { body } = await waitFor(read, (r) => r.body.data?.legalConsultation?.topic === null, { what: 'the suspension to reach the grants' });
    expect(body.data).toEqual({ legalConsultation: { consultationNo: consultation.consultationNo, topic: null } });
    expect(body.errors).toEqual([expect.objectContaining({ path: ['legalConsultation', 'topic'], extensions: { code: 'FORBIDDEN' } })]);
    // The union's own caseworker is unaffected.
    const own = await union.query(`query ($no: String!) { legalConsultation(consultationNo: $no) { topic } }`, { no: consultation.consultationNo });
    expect(own.body).toEqual({ data: { legalConsultation: { topic: consultation.topic } } });
  });

  describe('the provider decides: the registry is only its index', () => {
    const AGREES = `query ($code: String!) { sharingChannel(code: $code) { status version providerAgrees providerRecord { status version } } }`;
    const agreement = async (code: string) => (await union.query(AGREES, { code }, asPrincipal(JUSTICE, ANALYST))).body;

    it('keeps the registry as it was when the provider cannot be reached: DEPARTMENT_UNAVAILABLE, nothing recorded anywhere', async () => {
      const code = 'T-PROVIDER-DOWN';
      await union.query(PROPOSE, { input: proposal(code) }, hrAdmin);
      peerUrls[HR_BUREAU] = 'http://127.0.0.1:9/graphql';
      try {
        const { body } = await union.query(ACTIVATE, { input: { code, version: 1 } }, hrAdmin);
        expect(body.data).toBeNull();
        expect(body.errors![0]!.extensions).toEqual({ code: 'DEPARTMENT_UNAVAILABLE', department: 'HR_BUREAU' });
        const shown = await agreement(code);
        expect(shown.data.sharingChannel).toEqual({ status: 'PROPOSED', version: 1, providerAgrees: null, providerRecord: null });
        expect(shown.errors!.map((e) => [e.path!.join('.'), e.extensions!['code']]).sort()).toEqual([
          ['sharingChannel.providerAgrees', 'DEPARTMENT_UNAVAILABLE'],
          ['sharingChannel.providerRecord', 'DEPARTMENT_UNAVAILABLE'],
        ]);
      } finally {
        peerUrls[HR_BUREAU] = hr.url;
      }
      expect(await hrRecord(code)).toBeNull();
      expect(await agreement(code)).toEqual({ data: { sharingChannel: { status: 'PROPOSED', version: 1, providerAgrees: true, providerRecord: null } } });
    });

    it("passes on the provider's refusal, naming it, and keeps the registry's row", async () => {
      const code = 'T-PROVIDER-REFUSES';
      await union.query(PROPOSE, { input: proposal(code) }, hrAdmin);
      // The provider once decided a channel of this code with other content.
      const em = hr.orm.em.fork();
      em.create(ProviderChannel, { code, content: { ...proposal(code), consumers: [COURT] } as never, status: 'SUSPENDED' as never, decidedBy: { subject: 'x', name: 'x' }, decidedAt: new Date() });
      await em.flush();
      const { body } = await union.query(ACTIVATE, { input: { code, version: 1 } }, hrAdmin);
      expect(body.errors![0]).toMatchObject({
        message: `Sharing channel ${code} was decided by HR_BUREAU with other content: a channel's content never changes once decided; propose a new channel`,
        extensions: { code: 'CONFLICT', field: 'content', department: 'HR_BUREAU' },
      });
      expect(await agreement(code)).toEqual({ data: { sharingChannel: { status: 'PROPOSED', version: 1, providerAgrees: false, providerRecord: { status: 'SUSPENDED', version: 1 } } } });
    });

    it("repairs the index when the registry missed a decision the provider recorded: deciding again is idempotent there", async () => {
      const code = 'T-REPAIR';
      await union.query(PROPOSE, { input: proposal(code) }, hrAdmin);
      // As if the registry's write had failed after the provider recorded the activation.
      const row = await union.subgraph.orm.em.fork().findOneOrFail(SharingChannel, { code });
      const guard = createDepartmentGuard(HR_BUREAU, DEFAULT_GUARD_SETTINGS, pino({ level: 'silent' }));
      await decideAtProvider(
        { department: HR_BUREAU, graphqlUrl: hr.url, authorization: hrAdmin.authorization, requestId: 'test', guard },
        { code, provider: HR_BUREAU, status: ProviderChannelStatus.ACTIVE, content: contentOf(row) },
      );
      expect(await agreement(code)).toEqual({ data: { sharingChannel: { status: 'PROPOSED', version: 1, providerAgrees: false, providerRecord: { status: 'ACTIVE', version: 1 } } } });
      const again = await union.query(ACTIVATE, { input: { code, version: 1 } }, hrAdmin);
      expect(again.body.errors).toBeUndefined();
      expect(await agreement(code)).toEqual({ data: { sharingChannel: { status: 'ACTIVE', version: 2, providerAgrees: true, providerRecord: { status: 'ACTIVE', version: 1 } } } });
    });

    it("grants nothing for an ACTIVE row written straight into the registry's table, and shows that the provider disagrees", async () => {
      const consultation = await union.subgraph.orm.em.fork().findOneOrFail(LegalConsultation, { worker: { $ne: null } }, { orderBy: { consultationNo: 'asc' } });
      const readAsCourt = () =>
        union.query(`query ($no: String!) { legalConsultation(consultationNo: $no) { topic } }`, { no: consultation.consultationNo }, asPrincipal(COURT, CASEWORKER));
      // The union's database administrator opens the union's consultations to the court, deciding nothing.
      const em = union.subgraph.orm.em.fork();
      em.create(SharingChannel, {
        code: 'T-FORGED', provider: UNION, consumers: [COURT], grants: [{ typeName: 'LegalConsultation', fields: ['topic'] }],
        purpose: '伪造', legalBasis: '无', validFrom: '2026-01-01', status: 'ACTIVE' as never, proposedBy: { subject: 'dba', name: 'dba' },
        decidedBy: { subject: 'dba', name: 'dba' }, decidedAt: new Date(),
      });
      await em.flush();
      await union.subgraph.ownGrants!.refresh();
      const { body } = await readAsCourt();
      expect(body.data).toEqual({ legalConsultation: { topic: null } });
      expect(body.errors).toEqual([expect.objectContaining({ path: ['legalConsultation', 'topic'], extensions: { code: 'FORBIDDEN' } })]);
      expect(await agreement('T-FORGED')).toEqual({ data: { sharingChannel: { status: 'ACTIVE', version: 1, providerAgrees: false, providerRecord: null } } });
    });
  });
});
