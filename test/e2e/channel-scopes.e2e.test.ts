import { addDays, Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { HardshipAid } from '../../subgraphs/union/src/aid/hardship-aid.entity';
import { MediationCase } from '../../subgraphs/union/src/mediation/mediation-case.entity';
import { Notice, NoticeKind } from '../../subgraphs/union/src/notice/notice.entity';
import { Enterprise } from '../../subgraphs/hr-bureau/src/enterprise/enterprise.entity';
import { LayoffReport } from '../../subgraphs/hr-bureau/src/layoff/layoff-report.entity';
import { LegalAidCase } from '../../subgraphs/justice/src/legal-aid/legal-aid-case.entity';
import { EnforcementCase, EnforcementStatus } from '../../subgraphs/court/src/enforcement/enforcement-case.entity';
import { JudicialSuggestion, RecipientDepartment } from '../../subgraphs/court/src/suggestion/judicial-suggestion.entity';
import type { GraphQLResponse } from '../support/graphql-client';
import { useSharedStack, type SharedStack } from '../support/shared-stack';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { asPrincipal } from '../support/tokens';

/**
 * Each seed channel grants its fields for the records its scope covers, not for the whole type: through the
 * gateway, with real tokens, a consumer reads one record in scope (in clear) and one out of it (SHARED
 * `null` + FORBIDDEN, PERSONAL masked), for every seed channel.
 */
const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;
const { CASEWORKER } = Role;
const masked = (name: string) => /^.\*+$/.test(name);
/** The paths (with indexes) of the FORBIDDEN errors of a response, sorted. */
const forbidden = (response: GraphQLResponse) =>
  (response.body.errors ?? [])
    .filter((e) => e.extensions?.['code'] === 'FORBIDDEN')
    .map((e) => (e.path ?? []).join('.'))
    .sort();
const others = (response: GraphQLResponse) => (response.body.errors ?? []).filter((e) => e.extensions?.['code'] !== 'FORBIDDEN');

describe('sharing channels cover records, not types: each seed channel through the gateway', () => {
  let stack: SharedStack;
  const em = (name: string) => stack.subgraphs.get(name)!.orm.em.fork();

  beforeAll(async () => {
    stack = await useSharedStack();
    await stack.refreshChannels();
  }, 180_000);
  afterAll(() => stack?.release());

  describe('HR-UNION-ARREARS (HR_OPEN_WAGE_ARREARS): the union reads', () => {
    const read = (creditCode: string) =>
      stack.query(
        `query ($c: String!) { enterprise(creditCode: $c) { wageArrearsAlerts { alertNo open amountOwed } workers(first: 20) { personRef name phone } } }`,
        { c: creditCode },
        asPrincipal(UNION, CASEWORKER),
      );

    it('the names and phones of the workers, and the amount owed, at an enterprise with open arrears', async () => {
      const response = await read(STORY_ENTERPRISES.constructionArrears);
      expect(response.body.errors).toBeUndefined();
      const { workers, wageArrearsAlerts } = response.body.data.enterprise;
      expect(wageArrearsAlerts).toContainEqual({ alertNo: expect.any(String), open: true, amountOwed: '486300.00' });
      expect(workers.length).toBeGreaterThan(0);
      for (const worker of workers)
        expect({ masked: masked(worker.name), phone: /^1\d{10}$/.test(worker.phone) }).toEqual({ masked: false, phone: true });
    });

    it('masked names and phones at an enterprise with no arrears (each read logged MASKED)', async () => {
      // An enterprise of the file with workers and no open warning, as the labour bureau's own staff see it.
      const page = await stack.query(
        `{ enterprises(first: 100) { nodes { creditCode wageArrearsAlerts { open } workers(first: 1) { personRef } } } }`,
        {},
        asPrincipal(HR_BUREAU, CASEWORKER),
      );
      const quiet = page.body.data.enterprises.nodes.find(
        (e: any) => e.workers.length > 0 && e.wageArrearsAlerts.every((a: any) => !a.open),
      );
      expect(quiet).toBeDefined();
      const response = await read(quiet.creditCode);
      expect(response.body.errors).toBeUndefined();
      const { workers } = response.body.data.enterprise;
      expect(workers.length).toBeGreaterThan(0);
      for (const worker of workers)
        expect({ name: masked(worker.name), phone: /^\d{3}\*{4}\d{4}$/.test(worker.phone) }).toEqual({ name: true, phone: true });
      const log = await stack.query(
        `{ hrBureauAccessLog(first: 100, department: UNION) { nodes { fields subjectKeys outcome channelId } } }`,
        {},
        asPrincipal(HR_BUREAU, Role.ADMIN),
      );
      const entries = log.body.data.hrBureauAccessLog.nodes.filter((n: any) => n.subjectKeys.includes(workers[0].personRef));
      expect(entries).toContainEqual(
        expect.objectContaining({ fields: ['Worker.name', 'Worker.phone'], outcome: 'MASKED', channelId: null }),
      );
    });
  });

  describe('HR-UNION-LAYOFF (HR_CURRENT_LAYOFFS): the union reads', () => {
    it('the placement plan of a current layoff, not of one that took effect over a year ago', async () => {
      const hr = em('hr-bureau');
      const enterprise = await hr.findOneOrFail(Enterprise, { creditCode: STORY_ENTERPRISES.chipMakerHiring });
      hr.create(LayoffReport, {
        reportNo: 'CY-SCOPE-OLD',
        enterprise,
        plannedCount: 25,
        reason: '生产线关停',
        reportedOn: addDays(TEST_AS_OF, -440),
        effectiveOn: addDays(TEST_AS_OF, -400),
        placementPlan: '旧安置方案',
      });
      await hr.flush();
      const read = (c: string) =>
        stack.query(
          `query ($c: String!) { enterprise(creditCode: $c) { layoffReports { reportNo placementPlan } } }`,
          { c },
          asPrincipal(UNION, CASEWORKER),
        );
      const current = await read(STORY_ENTERPRISES.electronicsLayoff);
      expect(current.body.errors).toBeUndefined();
      expect(current.body.data.enterprise.layoffReports[0].placementPlan).toMatch(/^公司已提前30日向工会说明情况/);
      const old = await read(STORY_ENTERPRISES.chipMakerHiring);
      const index = old.body.data.enterprise.layoffReports.findIndex((r: any) => r.reportNo === 'CY-SCOPE-OLD');
      expect(old.body.data.enterprise.layoffReports[index]).toEqual({ reportNo: 'CY-SCOPE-OLD', placementPlan: null });
      expect(forbidden(old)).toContain(`enterprise.layoffReports.${index}.placementPlan`);
    });
  });

  describe('HR-COURT-ARBITRATION (HR_ENDED_ARBITRATION): the court reads', () => {
    it('the award and the applicants of an ended case, not of a case still before the commission', async () => {
      const response = await stack.query(
        `query ($c: String!) { enterprise(creditCode: $c) { arbitrationCases { caseNo status awardSummary applicants { name } } } }`,
        { c: STORY_ENTERPRISES.constructionArrears },
        asPrincipal(COURT, CASEWORKER),
      );
      const cases = response.body.data.enterprise.arbitrationCases;
      const closed = cases.findIndex((c: any) => c.caseNo === '京开劳人仲字〔2026〕第0001号');
      const open = cases.findIndex((c: any) => c.caseNo === '京开劳人仲字〔2026〕第0002号');
      expect([cases[closed].status, cases[open].status]).toEqual(['CLOSED', 'ACCEPTED']);
      expect(cases[closed].awardSummary).toMatch(/^裁决被申请人于本裁决/);
      expect(cases[closed].applicants.every((p: any) => !masked(p.name))).toBe(true);
      expect(cases[open].awardSummary).toBeNull();
      expect(cases[open].applicants.length).toBeGreaterThan(0);
      expect(cases[open].applicants.every((p: any) => masked(p.name))).toBe(true);
      expect(forbidden(response)).toEqual([`enterprise.arbitrationCases.${open}.awardSummary`]);
    });
  });

  describe('UNION-JUSTICE-REFERRAL (UNION_REFERRED_DISPUTES): legal aid reads', () => {
    it('the claims and workers of a mediation case of the dispute referred to it, not of another case', async () => {
      const union = em('union');
      const referral = await union.findOneOrFail(Notice, { channelCode: 'UNION-JUSTICE-REFERRAL', kind: NoticeKind.REFERRAL });
      const referred = await union.findOneOrFail(MediationCase, { disputeNo: referral.disputeNo! });
      const other = await union.findOneOrFail(MediationCase, { disputeNo: { $ne: referral.disputeNo! } }, { orderBy: { caseNo: 'asc' } });
      const read = (caseNo: string) =>
        stack.query(
          `query ($c: String!) { mediationCase(caseNo: $c) { claims workers { name idNumber } } }`,
          { c: caseNo },
          asPrincipal(JUSTICE, CASEWORKER),
        );
      const inScope = await read(referred.caseNo);
      expect(inScope.body.errors).toBeUndefined();
      expect(inScope.body.data.mediationCase.claims).toBe(referred.claims);
      expect(inScope.body.data.mediationCase.workers[0]).toEqual({
        name: referred.workers[0]!.name,
        idNumber: referred.workers[0]!.idNumber,
      });
      const outOfScope = await read(other.caseNo);
      expect(outOfScope.body.data.mediationCase.claims).toBeNull();
      expect(forbidden(outOfScope)).toEqual(['mediationCase.claims']);
      expect(outOfScope.body.data.mediationCase.workers.every((w: any) => masked(w.name) && w.idNumber.includes('********'))).toBe(true);
    });

    it("masks a hardship-aid recipient's name and ID number: the Party grant reaches the referred cases' workers only", async () => {
      const aid = await em('union').findOneOrFail(HardshipAid, { aidNo: { $ne: '' } }, { orderBy: { aidNo: 'asc' } });
      const response = await stack.query(
        `query ($n: String!) { hardshipAid(aidNo: $n) { recipient { name idNumber } } }`,
        { n: aid.aidNo },
        asPrincipal(JUSTICE, CASEWORKER),
      );
      expect(others(response)).toEqual([]);
      const { recipient } = response.body.data.hardshipAid;
      expect(recipient).toEqual({
        name: `${aid.recipient.name.slice(0, 1)}*`,
        idNumber: `${aid.recipient.idNumber.slice(0, 6)}********${aid.recipient.idNumber.slice(-4)}`,
      });
    });
  });

  describe('JUSTICE-UNION-REFERRAL-REPLY (JUSTICE_UNION_DISPUTES): the union reads', () => {
    it('the eligibility of legal-aid cases of disputes that came through the union, not of others', async () => {
      const justice = em('justice');
      const all = await justice.find(LegalAidCase, {}, { orderBy: { caseNo: 'asc' } });
      const fromUnion = all.find((c) => c.disputeNo.startsWith('LD-UN-'))!;
      const other = all.find((c) => !c.disputeNo.startsWith('LD-UN-'))!;
      expect([fromUnion, other].every(Boolean)).toBe(true);
      const read = (c: string) =>
        stack.query(`query ($c: String!) { legalAidCase(caseNo: $c) { eligibilityBasis } }`, { c }, asPrincipal(UNION, CASEWORKER));
      expect((await read(fromUnion.caseNo)).body).toEqual({ data: { legalAidCase: { eligibilityBasis: fromUnion.eligibilityBasis } } });
      const outOfScope = await read(other.caseNo);
      expect(outOfScope.body.data).toEqual({ legalAidCase: { eligibilityBasis: null } });
      expect(forbidden(outOfScope)).toEqual(['legalAidCase.eligibilityBasis']);
    });
  });

  describe('COURT-UNION-ENFORCEMENT (COURT_CURRENT_ENFORCEMENT): the union reads', () => {
    it('the amounts of an open enforcement, not of one that ended over a year ago', async () => {
      const court = em('court');
      const open = await court.findOneOrFail(EnforcementCase, {
        respondentCreditCode: STORY_ENTERPRISES.constructionArrears,
        status: EnforcementStatus.OPEN,
      });
      court.create(EnforcementCase, {
        caseNo: '（2024）京0115执9901号',
        disputeNo: open.disputeNo,
        sourceCaseNo: open.sourceCaseNo,
        applicant: { ...open.applicant },
        applicantRef: open.applicantRef,
        respondentCreditCode: open.respondentCreditCode,
        amount: '8000.00',
        recoveredAmount: '8000.00',
        filedOn: addDays(TEST_AS_OF, -700),
        status: EnforcementStatus.CONCLUDED,
        closedOn: addDays(TEST_AS_OF, -500),
      });
      await court.flush();
      const read = (c: string) =>
        stack.query(
          `query ($c: String!) { enforcementCase(caseNo: $c) { amount recoveredAmount } }`,
          { c },
          asPrincipal(UNION, CASEWORKER),
        );
      expect((await read(open.caseNo)).body).toEqual({
        data: { enforcementCase: { amount: open.amount, recoveredAmount: open.recoveredAmount } },
      });
      const ended = await read('（2024）京0115执9901号');
      expect(ended.body.data).toEqual({ enforcementCase: { amount: null, recoveredAmount: null } });
      expect(forbidden(ended)).toEqual(['enforcementCase.amount', 'enforcementCase.recoveredAmount']);
    });
  });

  describe('COURT-HR-SUGGESTIONS (COURT_SUGGESTIONS_TO_CONSUMER): the labour bureau reads', () => {
    it('the suggestions addressed to it, not those addressed to the union', async () => {
      const court = em('court');
      const toHr = await court.findOneOrFail(
        JudicialSuggestion,
        { recipientDepartment: RecipientDepartment.HR_BUREAU },
        { orderBy: { suggestionNo: 'asc' } },
      );
      court.create(JudicialSuggestion, {
        suggestionNo: '（2026）京0115司建9901号',
        recipientDepartment: RecipientDepartment.UNION,
        subject: '加强集体协商',
        content: '建议工会推动集体协商',
        issuedOn: addDays(TEST_AS_OF, -3),
      });
      await court.flush();
      const read = (n: string) =>
        stack.query(
          `query ($n: String!) { judicialSuggestion(suggestionNo: $n) { subject content } }`,
          { n },
          asPrincipal(HR_BUREAU, CASEWORKER),
        );
      expect((await read(toHr.suggestionNo)).body).toEqual({
        data: { judicialSuggestion: { subject: toHr.subject, content: toHr.content } },
      });
      const toUnion = await read('（2026）京0115司建9901号');
      expect(toUnion.body.data).toEqual({ judicialSuggestion: { subject: null, content: null } });
      expect(forbidden(toUnion)).toEqual(['judicialSuggestion.content', 'judicialSuggestion.subject']);
    });
  });
});
