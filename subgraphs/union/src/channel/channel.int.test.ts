import { addDays, Department, Role } from '@labour/shared';
import { ARREARS_TO_UNION } from '@labour/testing/channel-content';
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

const { HR_BUREAU, COURT, JUSTICE } = Department;
const { CASEWORKER, SERVICE, ANALYST } = Role;
const today = TEST_AS_OF;

describe('sharing-channel registry (union subgraph)', () => {
  // The provider of most channels here: the registry forwards decisions on them to its channel routes.
  const { union, hrRecord, proposeAndActivate } = useUnionWithHrChannelRoutes();

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
      ...ARREARS_TO_UNION,
      scopeKind: {
        name: 'HR_OPEN_WAGE_ARREARS',
        provider: 'HR_BUREAU',
        types: ['WageArrearsAlert', 'Worker'],
        description: 'Open wage-arrears warnings (not yet settled), and the workers of an enterprise with an open warning.',
        descriptionZh: '未化解的欠薪预警，以及有未化解欠薪预警企业的在册职工。',
      },
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
    expect(record!.content).toEqual(ARREARS_TO_UNION);
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
