import { Department, idNumberCheckCharacter, Role, staticGrantSource } from '@labour/shared';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { AidKind, HardshipAid } from '../aid/hardship-aid.entity';
import { ConsultationChannel, LegalConsultation } from '../consultation/legal-consultation.entity';
import { unionSubgraph } from '../definition';
import { MediationCase, MediationStatus } from '../mediation/mediation-case.entity';
import { Notice, NoticeKind, NoticeSeverity } from '../notice/notice.entity';
import { UNION_CHANNEL_SCOPES } from './union-channel-scopes';

const { UNION, JUSTICE, HR_BUREAU } = Department;
const REFERRAL = { channelId: 'UNION-JUSTICE-REFERRAL', scope: 'UNION_REFERRED_DISPUTES' };
const OPEN = { channelId: 'T-UNION-HR-OPEN', scope: 'UNION_OPEN_MEDIATION' };
const GRANTS = staticGrantSource({
  JUSTICE: { 'LegalConsultation.topic': REFERRAL, 'MediationCase.claims': REFERRAL, 'Party.name': REFERRAL, 'Party.idNumber': REFERRAL },
  HR_BUREAU: { 'MediationCase.claims': OPEN, 'Party.name': OPEN },
});
const ID = (() => {
  const body = '41272219900101123';
  return body + idNumberCheckCharacter(body);
})();
const MASKED_ID = `${ID.slice(0, 6)}********${ID.slice(-4)}`;
/** The same worker in every record: a scope decides by the record, not by the person. */
const WORKER = { personRef: 'scope-worker-1', name: '王小明', idNumber: ID };

describe("the union's channel scopes, in its SQL and enforced per record", () => {
  const union = useSubgraph(unionSubgraph, { grants: GRANTS });
  beforeAll(async () => {
    const em = union.subgraph.orm.em.fork();
    const notice = (key: string, channelCode: string, recipient: Department, disputeNo: string) =>
      em.create(Notice, {
        idempotencyKey: key,
        channelCode,
        sender: UNION,
        recipient,
        kind: NoticeKind.REFERRAL,
        severity: NoticeSeverity.MAJOR,
        disputeNo,
        summary: '转介',
        dueOn: TEST_AS_OF,
      });
    notice('scope-referred', 'UNION-JUSTICE-REFERRAL', JUSTICE, 'LD-UN-2026-990001');
    notice('scope-other-channel', 'UNION-JUSTICE-OTHER', JUSTICE, 'LD-UN-2026-990002');
    notice('scope-other-recipient', 'UNION-JUSTICE-REFERRAL', HR_BUREAU, 'LD-UN-2026-990003');
    const mediation = (caseNo: string, disputeNo: string, status: MediationStatus) =>
      em.create(MediationCase, {
        caseNo,
        disputeNo,
        workers: [{ ...WORKER }],
        workerRefs: [WORKER.personRef],
        enterpriseCreditCode: '91110115102884310L',
        mediator: '李调解',
        claims: `${caseNo}请求`,
        appliedOn: '2026-11-01',
        dueOn: '2026-11-16',
        status,
      });
    mediation('京开工调字〔2026〕第9901号', 'LD-UN-2026-990001', MediationStatus.CLOSED);
    mediation('京开工调字〔2026〕第9902号', 'LD-UN-2026-990002', MediationStatus.MEDIATING);
    mediation('京开工调字〔2026〕第9903号', 'LD-UN-2026-990003', MediationStatus.APPLIED);
    const consultation = (consultationNo: string, disputeNo: string | null) =>
      em.create(LegalConsultation, {
        consultationNo,
        worker: { ...WORKER },
        workerRef: WORKER.personRef,
        channel: ConsultationChannel.HOTLINE,
        topic: `${consultationNo}咨询`,
        answerSummary: '答复',
        consultedOn: '2026-10-30',
        referredToLegalAid: disputeNo !== null,
        disputeNo,
      });
    consultation('ZX-SCOPE-1', 'LD-UN-2026-990001');
    consultation('ZX-SCOPE-2', null);
    em.create(HardshipAid, {
      aidNo: 'BF-SCOPE-1',
      recipient: { ...WORKER },
      recipientRef: WORKER.personRef,
      kind: AidKind.LIVING,
      amount: '2000.00',
      grantedOn: '2026-10-01',
      reason: '困难',
    });
    await em.flush();
  }, 120_000);

  const inScope = async (scope: string, type: string, keys: string[], channel: string, consumer: Department) =>
    [
      ...(await UNION_CHANNEL_SCOPES[scope]!.records[type]!.inScope(keys, {
        channel,
        consumer,
        today: TEST_AS_OF,
        em: union.subgraph.orm.em.fork(),
      })),
    ].sort();

  describe('the SQL of each kind', () => {
    it('UNION_REFERRED_DISPUTES: the records of disputes referred to the consumer over this channel, not over another or to another department', async () => {
      const cases = ['京开工调字〔2026〕第9901号', '京开工调字〔2026〕第9902号', '京开工调字〔2026〕第9903号'];
      expect(await inScope('UNION_REFERRED_DISPUTES', 'MediationCase', cases, 'UNION-JUSTICE-REFERRAL', JUSTICE)).toEqual([
        '京开工调字〔2026〕第9901号',
      ]);
      expect(await inScope('UNION_REFERRED_DISPUTES', 'MediationCase', cases, 'UNION-JUSTICE-OTHER', JUSTICE)).toEqual([
        '京开工调字〔2026〕第9902号',
      ]);
      expect(
        await inScope('UNION_REFERRED_DISPUTES', 'LegalConsultation', ['ZX-SCOPE-1', 'ZX-SCOPE-2'], 'UNION-JUSTICE-REFERRAL', JUSTICE),
      ).toEqual(['ZX-SCOPE-1']);
      expect(
        await inScope('UNION_REFERRED_DISPUTES', 'LegalConsultation', ['ZX-SCOPE-1', 'ZX-SCOPE-2'], 'UNION-JUSTICE-REFERRAL', HR_BUREAU),
      ).toEqual([]);
    });

    it('UNION_OPEN_MEDIATION: cases applied for or in mediation, not closed ones', async () => {
      const cases = ['京开工调字〔2026〕第9901号', '京开工调字〔2026〕第9902号', '京开工调字〔2026〕第9903号'];
      expect(await inScope('UNION_OPEN_MEDIATION', 'MediationCase', cases, 'T-UNION-HR-OPEN', HR_BUREAU)).toEqual([
        '京开工调字〔2026〕第9902号',
        '京开工调字〔2026〕第9903号',
      ]);
    });
  });

  describe('enforced by the permission layer', () => {
    const asJustice = asPrincipal(JUSTICE, Role.CASEWORKER);

    it('shows legal aid a referred case and its workers in clear, and masks the same worker under a case not referred', async () => {
      const read = (caseNo: string) =>
        union.query(`query ($c: String!) { mediationCase(caseNo: $c) { claims workers { name idNumber } } }`, { c: caseNo }, asJustice);
      expect((await read('京开工调字〔2026〕第9901号')).body).toEqual({
        data: { mediationCase: { claims: '京开工调字〔2026〕第9901号请求', workers: [{ name: '王小明', idNumber: ID }] } },
      });
      const other = await read('京开工调字〔2026〕第9902号');
      expect(other.body.data).toEqual({ mediationCase: { claims: null, workers: [{ name: '王*', idNumber: MASKED_ID }] } });
      expect(other.body.errors).toEqual([
        expect.objectContaining({ path: ['mediationCase', 'claims'], extensions: { code: 'FORBIDDEN' } }),
      ]);
    });

    it("masks a hardship-aid recipient's name and ID number for legal aid, whom the referral channel's Party grant does not reach", async () => {
      const { body } = await union.query(
        `{ hardshipAid(aidNo: "BF-SCOPE-1") { aidNo recipient { personRef name idNumber } } }`,
        {},
        asJustice,
      );
      expect(body).toEqual({
        data: { hardshipAid: { aidNo: 'BF-SCOPE-1', recipient: { personRef: WORKER.personRef, name: '王*', idNumber: MASKED_ID } } },
      });
    });

    it('decides each consultation of a list by itself, with one statement for the list', async () => {
      union.subgraph.queries.reset();
      const { body } = await union.query(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Worker { legalConsultations { consultationNo topic worker { name } } } } }`,
        { r: [{ __typename: 'Worker', personRef: WORKER.personRef }] },
        asJustice,
      );
      const byNo = Object.fromEntries(
        body.data._entities[0].legalConsultations.map((c: { consultationNo: string }) => [c.consultationNo, c]),
      );
      expect(byNo).toEqual({
        'ZX-SCOPE-1': { consultationNo: 'ZX-SCOPE-1', topic: 'ZX-SCOPE-1咨询', worker: { name: '王小明' } },
        'ZX-SCOPE-2': { consultationNo: 'ZX-SCOPE-2', topic: null, worker: { name: '王*' } },
      });
      expect(union.subgraph.queries.lastStatements.filter((sql) => sql.includes('from legal_consultation c where'))).toHaveLength(1);
    });

    it('grants by the kind of each channel: the labour bureau reads open mediation cases only', async () => {
      const read = (caseNo: string) =>
        union.query(
          `query ($c: String!) { mediationCase(caseNo: $c) { claims workers { name } } }`,
          { c: caseNo },
          asPrincipal(HR_BUREAU, Role.CASEWORKER),
        );
      expect((await read('京开工调字〔2026〕第9903号')).body).toEqual({
        data: { mediationCase: { claims: '京开工调字〔2026〕第9903号请求', workers: [{ name: '王小明' }] } },
      });
      const closed = await read('京开工调字〔2026〕第9901号');
      expect(closed.body.data).toEqual({ mediationCase: { claims: null, workers: [{ name: '王*' }] } });
    });
  });
});
