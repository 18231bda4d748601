import {
  BACKGROUND_QUERY,
  createDepartmentGuard,
  decideAtProvider,
  DEFAULT_GUARD_SETTINGS,
  Department,
  ProviderChannel,
  ProviderChannelStatus,
  Role,
} from '@labour/shared';
import pino from 'pino';
import { asPrincipal } from '@labour/testing/tokens';
import { waitFor } from '@labour/testing/wait-for';
import { LegalConsultation } from '../consultation/legal-consultation.entity';
import { Notice, NoticeKind } from '../notice/notice.entity';
import { ACTIVATE, hrAdmin, LOOKUP, PROPOSE, proposal, SUSPEND, useUnionWithHrChannelRoutes } from './channel.fixtures';
import { contentOf } from './channel.service';
import { forgeActiveChannel } from './forged-channel.fixtures';
import { SharingChannel } from './sharing-channel.entity';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;
const { ADMIN, CASEWORKER, ANALYST } = Role;

describe('sharing-channel registry (union subgraph)', () => {
  // The provider of most channels here: the registry forwards decisions on them to its channel routes.
  const { union, hr, hrRecord, peerUrls } = useUnionWithHrChannelRoutes();

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
    const consultation = await em.findOneOrFail(
      LegalConsultation,
      { disputeNo: referral.disputeNo },
      { orderBy: { consultationNo: 'asc' } },
    );
    const read = () =>
      union.query(
        `query ($no: String!) { legalConsultation(consultationNo: $no) { consultationNo topic } }`,
        { no: consultation.consultationNo },
        asPrincipal(JUSTICE, CASEWORKER),
      );
    expect((await read()).body).toEqual({
      data: { legalConsultation: { consultationNo: consultation.consultationNo, topic: consultation.topic } },
    });

    const channel = (await union.query(LOOKUP, { code: 'UNION-JUSTICE-REFERRAL' })).body.data.sharingChannel;
    const suspended = await union.query(
      SUSPEND,
      { input: { code: 'UNION-JUSTICE-REFERRAL', version: channel.version } },
      asPrincipal(UNION, ADMIN),
    );
    expect(suspended.body.errors).toBeUndefined();
    // The grant source rereads its table every 500 ms here: wait for the denial rather than guess the time.
    const { body } = await waitFor(read, (r) => r.body.data?.legalConsultation?.topic === null, {
      what: 'the suspension to reach the grants',
    });
    expect(body.data).toEqual({ legalConsultation: { consultationNo: consultation.consultationNo, topic: null } });
    expect(body.errors).toEqual([expect.objectContaining({ path: ['legalConsultation', 'topic'], extensions: { code: 'FORBIDDEN' } })]);
    // The union's own caseworker is unaffected.
    const own = await union.query(`query ($no: String!) { legalConsultation(consultationNo: $no) { topic } }`, {
      no: consultation.consultationNo,
    });
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
      expect(await agreement(code)).toEqual({
        data: { sharingChannel: { status: 'PROPOSED', version: 1, providerAgrees: true, providerRecord: null } },
      });
    });

    it("passes on the provider's refusal, naming it, and keeps the registry's row", async () => {
      const code = 'T-PROVIDER-REFUSES';
      await union.query(PROPOSE, { input: proposal(code) }, hrAdmin);
      // The provider once decided a channel of this code with other content.
      const em = hr.orm.em.fork();
      em.create(ProviderChannel, {
        code,
        content: { ...proposal(code), consumers: [COURT] } as never,
        status: 'SUSPENDED' as never,
        decidedBy: { subject: 'x', name: 'x' },
        decidedAt: new Date(),
      });
      await em.flush();
      const { body } = await union.query(ACTIVATE, { input: { code, version: 1 } }, hrAdmin);
      expect(body.errors![0]).toMatchObject({
        message: `Sharing channel ${code} was decided by HR_BUREAU with other content: a channel's content never changes once decided; propose a new channel`,
        extensions: { code: 'CONFLICT', field: 'content', department: 'HR_BUREAU' },
      });
      expect(await agreement(code)).toEqual({
        data: {
          sharingChannel: { status: 'PROPOSED', version: 1, providerAgrees: false, providerRecord: { status: 'SUSPENDED', version: 1 } },
        },
      });
    });

    it('repairs the index when the registry missed a decision the provider recorded: deciding again is idempotent there', async () => {
      const code = 'T-REPAIR';
      await union.query(PROPOSE, { input: proposal(code) }, hrAdmin);
      // As if the registry's write had failed after the provider recorded the activation.
      const row = await union.subgraph.orm.em.fork().findOneOrFail(SharingChannel, { code });
      const guard = createDepartmentGuard(HR_BUREAU, DEFAULT_GUARD_SETTINGS, pino({ level: 'silent' }));
      await decideAtProvider(
        { department: HR_BUREAU, graphqlUrl: hr.url, authorization: hrAdmin.authorization, requestId: 'test', guard },
        { code, provider: HR_BUREAU, status: ProviderChannelStatus.ACTIVE, content: contentOf(row) },
      );
      expect(await agreement(code)).toEqual({
        data: {
          sharingChannel: { status: 'PROPOSED', version: 1, providerAgrees: false, providerRecord: { status: 'ACTIVE', version: 1 } },
        },
      });
      const again = await union.query(ACTIVATE, { input: { code, version: 1 } }, hrAdmin);
      expect(again.body.errors).toBeUndefined();
      expect(await agreement(code)).toEqual({
        data: { sharingChannel: { status: 'ACTIVE', version: 2, providerAgrees: true, providerRecord: { status: 'ACTIVE', version: 1 } } },
      });
    });

    it("grants nothing for an ACTIVE row written straight into the registry's table, and shows that the provider disagrees", async () => {
      const consultation = await union.subgraph.orm.em
        .fork()
        .findOneOrFail(LegalConsultation, { worker: { $ne: null } }, { orderBy: { consultationNo: 'asc' } });
      const readAsCourt = () =>
        union.query(
          `query ($no: String!) { legalConsultation(consultationNo: $no) { topic } }`,
          { no: consultation.consultationNo },
          asPrincipal(COURT, CASEWORKER),
        );
      // The union's database administrator opens the union's consultations to the court, deciding nothing.
      await forgeActiveChannel(union.subgraph.orm.em.fork(), {
        code: 'T-FORGED',
        provider: UNION,
        consumers: [COURT],
        grants: [{ typeName: 'LegalConsultation', fields: ['topic'] }],
        purpose: '伪造',
        legalBasis: '无',
        by: { subject: 'dba', name: 'dba' },
      });
      await union.subgraph.ownGrants!.refresh();
      const { body } = await readAsCourt();
      expect(body.data).toEqual({ legalConsultation: { topic: null } });
      expect(body.errors).toEqual([expect.objectContaining({ path: ['legalConsultation', 'topic'], extensions: { code: 'FORBIDDEN' } })]);
      expect(await agreement('T-FORGED')).toEqual({
        data: { sharingChannel: { status: 'ACTIVE', version: 1, providerAgrees: false, providerRecord: null } },
      });
    });
  });
});
