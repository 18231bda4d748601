import { addDays, Department, Role } from '@labour/shared';
import { TEST_AS_OF } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import {
  ACTIVATE,
  ACTIVE_GRANTS,
  codesOf,
  hrAdmin,
  LOOKUP,
  PROPOSE,
  proposal,
  REVOKE,
  SUSPEND,
  useUnionWithHrChannelRoutes,
} from './channel.fixtures';
import { SharingChannel } from './sharing-channel.entity';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;
const { ADMIN, CASEWORKER, SERVICE, COORDINATOR, ANALYST } = Role;
const today = TEST_AS_OF;

describe('sharing-channel registry (union subgraph)', () => {
  // The provider of most channels here: the registry forwards decisions on them to its channel routes.
  const { union, hrRecord } = useUnionWithHrChannelRoutes();

  async function proposeAndActivate(code: string, extra: object = {}) {
    const proposed = await union.query(PROPOSE, { input: proposal(code, extra) }, hrAdmin);
    expect(proposed.body.errors).toBeUndefined();
    const activated = await union.query(ACTIVATE, { input: { code, version: 1 } }, hrAdmin);
    expect(activated.body.errors).toBeUndefined();
    return activated.body.data.activateSharingChannel;
  }

  it('holds the demo channels, all ACTIVE, readable by any authenticated caller', async () => {
    const { body } = await union.query(
      `{ sharingChannels(status: ACTIVE) { code provider consumers inForce legalBasis } }`,
      {},
      asPrincipal(JUSTICE, ANALYST),
    );
    expect(body.errors).toBeUndefined();
    // By provider, then code.
    expect(
      body.data.sharingChannels.map((c: { code: string; provider: string; consumers: string[]; inForce: boolean }) => [
        c.code,
        c.provider,
        c.consumers,
        c.inForce,
      ]),
    ).toEqual([
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
      code: 'T-PROPOSE',
      provider: 'HR_BUREAU',
      consumers: ['UNION'],
      grants: [{ typeName: 'WageArrearsAlert', fields: ['amountOwed', 'project'] }],
      scope: 'HR_OPEN_WAGE_ARREARS',
      scopeKind: {
        name: 'HR_OPEN_WAGE_ARREARS',
        provider: 'HR_BUREAU',
        types: ['WageArrearsAlert', 'Worker'],
        description: 'Open wage-arrears warnings (not yet settled), and the workers of an enterprise with an open warning.',
        descriptionZh: '未化解的欠薪预警，以及有未化解欠薪预警企业的在册职工。',
      },
      purpose: '欠薪预警信息推送工会',
      legalBasis: '《劳动保障监察条例》第七条',
      validFrom: '2026-01-01',
      validUntil: null,
      status: 'PROPOSED',
      effectiveStatus: 'PROPOSED',
      inForce: false,
      version: 1,
      proposedBy: { subject: 'test:hr_bureau:admin', name: '测试 HR_BUREAU admin' },
      decidedBy: null,
      decisionReason: null,
    });
    const listed = await union.query(LOOKUP, { code: 'T-PROPOSE' }, asPrincipal(COURT, CASEWORKER));
    expect(listed.body.data.sharingChannel).toMatchObject({ status: 'PROPOSED' });
  });

  it.each([
    ['a CASEWORKER of the provider', asPrincipal(HR_BUREAU, CASEWORKER), 'Only an ADMIN of HR_BUREAU may propose its sharing channels'],
    ['a COORDINATOR of the provider', asPrincipal(HR_BUREAU, COORDINATOR), 'Only an ADMIN of HR_BUREAU may propose its sharing channels'],
    [
      "an ADMIN of a consumer (the registry's own department)",
      asPrincipal(UNION, ADMIN),
      'Only an ADMIN of HR_BUREAU may propose its sharing channels',
    ],
    ['an ADMIN of another department', asPrincipal(COURT, ADMIN), 'Only an ADMIN of HR_BUREAU may propose its sharing channels'],
    [
      'an ANALYST of the provider (writes nothing)',
      asPrincipal(HR_BUREAU, ANALYST),
      'Not allowed for your department or role: Mutation.proposeSharingChannel',
    ],
  ])('refuses a proposal by %s with FORBIDDEN', async (_who, headers, message) => {
    const code = `T-REFUSED-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const { body } = await union.query(PROPOSE, { input: proposal(code) }, headers);
    expect(body).toEqual({
      data: null,
      errors: [expect.objectContaining({ message, extensions: { code: 'FORBIDDEN' }, path: ['proposeSharingChannel'] })],
    });
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
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'validUntil',
      rule: 'must not be earlier than validFrom (2026-06-01)',
    });

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

    const past = await union.query(
      PROPOSE,
      { input: proposal('T-PAST', { validFrom: '2025-01-01', validUntil: addDays(today, -1) }) },
      hrAdmin,
    );
    expect(past.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'validUntil',
      rule: `must not be in the past (today is ${today}): such a channel would grant nothing`,
    });
    const empty = await union.query(
      PROPOSE,
      { input: proposal('T-EMPTY', { consumers: [], grants: [{ typeName: 'WageArrearsAlert', fields: [] }] }) },
      hrAdmin,
    );
    expect(empty.body.errors![0]!.extensions!['violations']).toEqual([
      { field: 'consumers', rule: 'must name at least one department' },
      { field: 'grants[0].fields', rule: 'must name at least one field' },
    ]);
    expect((await union.query(`{ sharingChannels { code } }`)).body.data.sharingChannels.map((c: { code: string }) => c.code)).not.toEqual(
      expect.arrayContaining(['T-BAD-GRANTS', 'T-PAST', 'T-EMPTY']),
    );
  });

  it("refuses a scope that is missing, unknown, another provider's, or does not cover a granted type, naming scope or the type", async () => {
    const refused = async (extra: object) => {
      const { body } = await union.query(PROPOSE, { input: proposal('T-BAD-SCOPE', extra) }, hrAdmin);
      expect(body.data ?? null).toBeNull();
      return body.errors![0]!.extensions;
    };
    expect(await refused({ scope: undefined })).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(await refused({ scope: 'EVERY_WORKER' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'scope',
      rule: "is no scope kind: HR_BUREAU's are HR_OPEN_WAGE_ARREARS, HR_CURRENT_LAYOFFS, HR_ENDED_ARBITRATION, HR_PUBLISHED_FIGURES",
    });
    expect(await refused({ scope: 'UNION_OPEN_MEDIATION' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'scope',
      rule: "is a scope kind of UNION: HR_BUREAU's are HR_OPEN_WAGE_ARREARS, HR_CURRENT_LAYOFFS, HR_ENDED_ARBITRATION, HR_PUBLISHED_FIGURES",
    });
    const uncovered = await refused({
      grants: [
        { typeName: 'WageArrearsAlert', fields: ['amountOwed'] },
        { typeName: 'LayoffReport', fields: ['reason'] },
        { typeName: 'Worker', fields: ['name'] },
      ],
    });
    expect(uncovered!['violations']).toEqual([
      { field: 'grants[1].typeName', rule: 'is not covered by scope HR_OPEN_WAGE_ARREARS, which covers WageArrearsAlert, Worker' },
    ]);
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
      code: 'BAD_USER_INPUT',
      field: 'scope',
      rule: "is missing: a channel must name one of HR_BUREAU's scope kinds (HR_OPEN_WAGE_ARREARS, HR_CURRENT_LAYOFFS, HR_ENDED_ARBITRATION, HR_PUBLISHED_FIGURES)",
    });
  });

  it('refuses a second channel with the same code with CONFLICT', async () => {
    await union.query(PROPOSE, { input: proposal('T-TWICE') }, hrAdmin);
    const { body } = await union.query(PROPOSE, { input: proposal('T-TWICE') }, hrAdmin);
    expect(body.errors![0]).toMatchObject({
      message: 'A sharing channel with code T-TWICE already exists',
      extensions: { code: 'CONFLICT', field: 'code' },
    });
  });

  it('runs PROPOSED → ACTIVE → SUSPENDED → ACTIVE → REVOKED by the provider ADMIN, and never back from REVOKED', async () => {
    const code = 'T-LIFECYCLE';
    await union.query(PROPOSE, { input: proposal(code) }, hrAdmin);
    const grants = async () =>
      codesOf((await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, asPrincipal(HR_BUREAU, SERVICE))).body.data.activeSharingGrants);
    expect(await grants()).not.toContain(code);

    expect(await hrRecord(code)).toBeNull();
    const activated = await union.query(ACTIVATE, { input: { code, version: 1 } }, hrAdmin);
    expect(activated.body.data.activateSharingChannel).toMatchObject({
      status: 'ACTIVE',
      effectiveStatus: 'ACTIVE',
      inForce: true,
      version: 2,
      decidedBy: { subject: 'test:hr_bureau:admin' },
    });
    expect(await grants()).toContain(code);
    // The labour bureau recorded it first, with the content proposed and the decider from the token.
    const record = await hrRecord(code);
    expect(record).toMatchObject({
      status: 'ACTIVE',
      version: 1,
      decidedBy: { subject: 'test:hr_bureau:admin', name: '测试 HR_BUREAU admin' },
    });
    expect(record!.content).toEqual({
      consumers: ['UNION'],
      grants: [{ typeName: 'WageArrearsAlert', fields: ['amountOwed', 'project'] }],
      scope: 'HR_OPEN_WAGE_ARREARS',
      purpose: '欠薪预警信息推送工会',
      legalBasis: '《劳动保障监察条例》第七条',
      validFrom: '2026-01-01',
      validUntil: null,
    });
    const decidedAt = await union.query(`query ($code: String!) { sharingChannel(code: $code) { decidedAt } }`, { code });
    expect(decidedAt.body.data.sharingChannel.decidedAt).toBe(record!.decidedAt.toISOString());

    const suspended = await union.query(SUSPEND, { input: { code, version: 2, reason: '核查数据使用情况' } }, hrAdmin);
    expect(suspended.body.data.suspendSharingChannel).toMatchObject({
      status: 'SUSPENDED',
      effectiveStatus: 'SUSPENDED',
      inForce: false,
      version: 3,
      decisionReason: '核查数据使用情况',
    });
    expect(await grants()).not.toContain(code);

    const again = await union.query(ACTIVATE, { input: { code, version: 3 } }, hrAdmin);
    expect(again.body.data.activateSharingChannel).toMatchObject({ status: 'ACTIVE', version: 4, decisionReason: null });
    expect(await grants()).toContain(code);

    const revoked = await union.query(REVOKE, { input: { code, version: 4 } }, hrAdmin);
    expect(revoked.body.data.revokeSharingChannel).toMatchObject({
      status: 'REVOKED',
      effectiveStatus: 'REVOKED',
      inForce: false,
      version: 5,
    });
    expect(await grants()).not.toContain(code);
    expect(await hrRecord(code)).toMatchObject({ status: 'REVOKED', version: 4 });
    const shown = await union.query(
      `query ($code: String!) { sharingChannel(code: $code) { providerAgrees providerRecord { status version decidedBy { subject } } } }`,
      { code },
      asPrincipal(COURT, ANALYST),
    );
    expect(shown.body).toEqual({
      data: {
        sharingChannel: {
          providerAgrees: true,
          providerRecord: { status: 'REVOKED', version: 4, decidedBy: { subject: 'test:hr_bureau:admin' } },
        },
      },
    });

    const back = await union.query(ACTIVATE, { input: { code, version: 5 } }, hrAdmin);
    expect(back.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'status',
      rule: 'cannot change from REVOKED to ACTIVE (allowed from REVOKED: none)',
    });
    const suspendProposal = await union.query(PROPOSE, { input: proposal('T-SUSPEND-PROPOSED') }, hrAdmin);
    expect(suspendProposal.body.errors).toBeUndefined();
    const notActive = await union.query(SUSPEND, { input: { code: 'T-SUSPEND-PROPOSED', version: 1 } }, hrAdmin);
    expect(notActive.body.errors![0]!.extensions).toMatchObject({
      field: 'status',
      rule: 'cannot change from PROPOSED to SUSPENDED (allowed from PROPOSED: ACTIVE, REVOKED)',
    });
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
    for (const headers of [
      asPrincipal(HR_BUREAU, CASEWORKER),
      asPrincipal(HR_BUREAU, SERVICE),
      asPrincipal(UNION, ADMIN),
      asPrincipal(COURT, ADMIN, CASEWORKER),
    ]) {
      const { body } = await union.query(mutation, { input: { code, version: current } }, headers);
      expect(body).toEqual({
        data: null,
        errors: [
          expect.objectContaining({
            message: `Only an ADMIN of HR_BUREAU may ${action} its sharing channels`,
            extensions: { code: 'FORBIDDEN' },
          }),
        ],
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
    expect(asHrService.body.data.activeSharingGrants).toEqual(
      expect.arrayContaining([
        {
          code: 'HR-UNION-ARREARS',
          consumers: ['UNION'],
          grants: [
            { typeName: 'WageArrearsAlert', fields: ['project', 'amountOwed'] },
            { typeName: 'Worker', fields: ['name', 'phone'] },
          ],
          scope: 'HR_OPEN_WAGE_ARREARS',
          validFrom: '2026-01-01',
          validUntil: '2028-12-31',
        },
      ]),
    );
    expect((await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, asPrincipal(HR_BUREAU, ADMIN))).body.errors).toBeUndefined();
    for (const headers of [asPrincipal(HR_BUREAU, CASEWORKER), asPrincipal(UNION, SERVICE), asPrincipal(COURT, ADMIN)]) {
      const { body } = await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, headers);
      expect(body).toEqual({
        data: null,
        errors: [
          expect.objectContaining({
            message: 'Only a SERVICE or ADMIN principal of HR_BUREAU may read the grants its subgraph enforces',
            extensions: { code: 'FORBIDDEN' },
          }),
        ],
      });
    }
  });

  it('shows EXPIRED once validUntil has passed: the channel grants nothing and cannot be activated again', async () => {
    const code = 'T-EXPIRES';
    await proposeAndActivate(code, { validUntil: today });
    expect((await union.query(LOOKUP, { code })).body.data.sharingChannel).toMatchObject({
      status: 'ACTIVE',
      effectiveStatus: 'ACTIVE',
      inForce: true,
    });
    // A day goes by: the stored channel is untouched, only the calendar moves past its last day.
    await union.subgraph.orm.em.fork().nativeUpdate(SharingChannel, { code }, { validUntil: addDays(today, -1) });

    const expired = (await union.query(LOOKUP, { code })).body.data.sharingChannel;
    expect(expired).toMatchObject({ status: 'ACTIVE', effectiveStatus: 'EXPIRED', inForce: false });
    const inForce = await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, asPrincipal(HR_BUREAU, SERVICE));
    expect(codesOf(inForce.body.data.activeSharingGrants)).not.toContain(code);
    expect(codesOf((await union.query(`{ sharingChannels(status: EXPIRED) { code } }`)).body.data.sharingChannels)).toEqual([code]);
    expect(
      codesOf((await union.query(`{ sharingChannels(status: ACTIVE, provider: HR_BUREAU) { code } }`)).body.data.sharingChannels),
    ).not.toContain(code);

    await union.query(SUSPEND, { input: { code, version: expired.version } }, hrAdmin);
    const reactivated = await union.query(ACTIVATE, { input: { code, version: expired.version + 1 } }, hrAdmin);
    expect(reactivated.body.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'code',
      rule: `expired on ${addDays(today, -1)}: an expired channel cannot be activated; propose a new one`,
    });
  });
});
