import { addDays, Department, Role, staticGrantSource, type AccessEntry } from '@labour/shared';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { ArbitrationCase, ArbitrationStatus } from '../arbitration/arbitration-case.entity';
import { hrBureauSubgraph } from '../definition';
import { Enterprise } from '../enterprise/enterprise.entity';
import { fileEnterprise, idNumber } from '../hr-bureau.fixtures';
import { LayoffReport } from '../layoff/layoff-report.entity';
import { AlertLevel, WageArrearsAlert } from '../wage-arrears/wage-arrears-alert.entity';
import { Worker } from '../worker/worker.entity';
import { HR_CHANNEL_SCOPES } from './hr-channel-scopes';

const { UNION, COURT } = Department;
const ARREARS = { channelId: 'HR-UNION-ARREARS', scope: 'HR_OPEN_WAGE_ARREARS' };
const LAYOFF = { channelId: 'HR-UNION-LAYOFF', scope: 'HR_CURRENT_LAYOFFS' };
const ARBITRATION = { channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' };
const GRANTS = staticGrantSource({
  UNION: {
    'WageArrearsAlert.amountOwed': ARREARS,
    'Worker.name': ARREARS,
    'Worker.phone': ARREARS,
    'LayoffReport.placementPlan': LAYOFF,
  },
  COURT: { 'ArbitrationCase.awardSummary': ARBITRATION, 'Party.name': ARBITRATION, 'Party.idNumber': ARBITRATION },
});

describe("the labour bureau's channel scopes, in its SQL and enforced per record", () => {
  const entries: AccessEntry[] = [];
  /** An enterprise with an open warning (and 200 workers), one whose only warning is settled, one with none. */
  const firms = { arrears: '', settled: '', quiet: '' };
  const workerOf = { arrears: '', settled: '', quiet: '' };

  const hr = useSubgraph(hrBureauSubgraph, { grants: GRANTS, accessRecorder: () => ({ record: (entry) => entries.push(entry) }) });
  beforeAll(async () => {
    for (const firm of ['arrears', 'settled', 'quiet'] as const) firms[firm] = await fileEnterprise(hr);
    const em = hr.subgraph.orm.em.fork();
    const [arrears, settled, quiet] = await Promise.all(
      [firms.arrears, firms.settled, firms.quiet].map((code) => em.findOneOrFail(Enterprise, { creditCode: code })),
    );
    const alert = (alertNo: string, at: Enterprise, resolvedOn: string | null) =>
      em.create(WageArrearsAlert, {
        alertNo,
        enterprise: at,
        project: `${alertNo}项目`,
        level: AlertLevel.RED,
        amountOwed: '1000.00',
        workersAffected: 3,
        raisedOn: '2026-10-01',
        resolvedOn,
      });
    alert('SCOPE-OPEN', arrears!, null);
    alert('SCOPE-SETTLED', settled!, '2026-11-01');
    let n = 0;
    const worker = (at: Enterprise) => {
      n += 1;
      const id = idNumber(`1101051990${String(n).padStart(7, '0')}`);
      return em.create(Worker, {
        personRef: `scope-ref-${String(n).padStart(4, '0')}`,
        name: `职工${n}`,
        idNumber: id,
        phone: `138${String(n).padStart(8, '0')}`,
        employer: at,
      });
    };
    for (let i = 0; i < 200; i += 1) worker(arrears!);
    workerOf.arrears = 'scope-ref-0001';
    workerOf.settled = worker(settled!).personRef;
    workerOf.quiet = worker(quiet!).personRef;
    const layoff = (reportNo: string, effectiveOn: string) =>
      em.create(LayoffReport, {
        reportNo,
        enterprise: quiet!,
        plannedCount: 30,
        reason: '经营困难',
        reportedOn: addDays(effectiveOn, -40),
        effectiveOn,
        placementPlan: `${reportNo}安置方案`,
      });
    layoff('SCOPE-LAYOFF-SOON', addDays(TEST_AS_OF, 20));
    layoff('SCOPE-LAYOFF-YEAR', addDays(TEST_AS_OF, -365));
    layoff('SCOPE-LAYOFF-OLD', addDays(TEST_AS_OF, -366));
    const arbitration = (caseNo: string, status: ArbitrationStatus) =>
      em.create(ArbitrationCase, {
        caseNo,
        disputeNo: 'LD-HR-2026-990001',
        applicants: [{ personRef: `party-${caseNo}`, name: '赵申请', idNumber: idNumber('11010519880101123') }],
        applicantRefs: [`party-${caseNo}`],
        respondent: quiet!,
        claims: '支付工资',
        claimAmount: '5000.00',
        filedOn: '2026-09-01',
        status,
        awardSummary: status === ArbitrationStatus.CLOSED ? '裁决支付工资5000元' : null,
        closedOn: status === ArbitrationStatus.CLOSED ? '2026-10-20' : null,
      });
    arbitration('京开劳人仲字〔2026〕第9901号', ArbitrationStatus.CLOSED);
    arbitration('京开劳人仲字〔2026〕第9902号', ArbitrationStatus.DECLINED);
    arbitration('京开劳人仲字〔2026〕第9903号', ArbitrationStatus.ACCEPTED);
    await em.flush();
  }, 120_000);

  const query = { channel: 'HR-UNION-ARREARS', consumer: UNION, today: TEST_AS_OF };
  const inScope = async (scope: string, type: string, keys: string[]) =>
    [...(await HR_CHANNEL_SCOPES[scope]!.records[type]!.inScope(keys, { ...query, em: hr.subgraph.orm.em.fork() }))].sort();

  describe('the SQL of each kind', () => {
    it('HR_OPEN_WAGE_ARREARS: open warnings, and the workers of an enterprise with one', async () => {
      expect(await inScope('HR_OPEN_WAGE_ARREARS', 'WageArrearsAlert', ['SCOPE-OPEN', 'SCOPE-SETTLED', 'NO-SUCH'])).toEqual(['SCOPE-OPEN']);
      expect(await inScope('HR_OPEN_WAGE_ARREARS', 'Worker', [workerOf.arrears, workerOf.settled, workerOf.quiet, 'no-such-ref'])).toEqual([
        workerOf.arrears,
      ]);
    });

    it('HR_CURRENT_LAYOFFS: layoffs taking effect from 365 days ago on', async () => {
      expect(await inScope('HR_CURRENT_LAYOFFS', 'LayoffReport', ['SCOPE-LAYOFF-SOON', 'SCOPE-LAYOFF-YEAR', 'SCOPE-LAYOFF-OLD'])).toEqual([
        'SCOPE-LAYOFF-SOON',
        'SCOPE-LAYOFF-YEAR',
      ]);
    });

    it('HR_ENDED_ARBITRATION: closed and declined cases, not those still before the commission', async () => {
      expect(
        await inScope('HR_ENDED_ARBITRATION', 'ArbitrationCase', [
          '京开劳人仲字〔2026〕第9901号',
          '京开劳人仲字〔2026〕第9902号',
          '京开劳人仲字〔2026〕第9903号',
        ]),
      ).toEqual(['京开劳人仲字〔2026〕第9901号', '京开劳人仲字〔2026〕第9902号']);
    });
  });

  describe('enforced by the permission layer', () => {
    const workers = `query ($c: String!) { enterprise(creditCode: $c) { workers(first: 200) { personRef name phone } } }`;

    it('shows the union the names of workers at an enterprise with open arrears, and masks them (logged MASKED) at one without', async () => {
      const asUnion = asPrincipal(UNION, Role.CASEWORKER);
      const inside = await hr.query(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Worker { personRef name phone } } }`,
        {
          r: [workerOf.arrears, workerOf.settled, workerOf.quiet].map((personRef) => ({ __typename: 'Worker', personRef })),
        },
        asUnion,
      );
      expect(inside.body.errors).toBeUndefined();
      expect(inside.body.data._entities).toEqual([
        { personRef: workerOf.arrears, name: '职工1', phone: '13800000001' },
        { personRef: workerOf.settled, name: '职*', phone: '138****0201' },
        { personRef: workerOf.quiet, name: '职*', phone: '138****0202' },
      ]);
      const names = entries
        .filter((e) => e.fieldName === 'name' && e.typeName === 'Worker')
        .map((e) => [e.subjectKey, e.outcome, e.channelId]);
      expect(names).toEqual([
        [workerOf.arrears, 'GRANTED', 'HR-UNION-ARREARS'],
        [workerOf.settled, 'MASKED', null],
        [workerOf.quiet, 'MASKED', null],
      ]);
    });

    it('asks the scope once per type for a list of 200 workers, not once per worker', async () => {
      hr.subgraph.queries.reset();
      const { body } = await hr.query(workers, { c: firms.arrears }, asPrincipal(UNION, Role.CASEWORKER));
      expect(body.errors).toBeUndefined();
      expect(body.data.enterprise.workers).toHaveLength(200);
      expect(body.data.enterprise.workers.every((w: { name: string }) => /^职工\d+$/.test(w.name))).toBe(true);
      const statements = hr.subgraph.queries.lastStatements;
      expect(statements.filter((sql) => sql.includes('from worker w'))).toHaveLength(1);
      // The enterprise, its workers, the scope: nothing per worker.
      expect(hr.subgraph.queries.count).toBe(3);
    });

    it('denies an arrears amount of a settled warning (FORBIDDEN, logged DENIED) and grants an open one', async () => {
      const read = (c: string) =>
        hr.query(
          `query ($c: String!) { enterprise(creditCode: $c) { wageArrearsAlerts { alertNo amountOwed } } }`,
          { c },
          asPrincipal(UNION, Role.CASEWORKER),
        );
      const open = await read(firms.arrears);
      expect(open.body).toEqual({ data: { enterprise: { wageArrearsAlerts: [{ alertNo: 'SCOPE-OPEN', amountOwed: '1000.00' }] } } });
      const settled = await read(firms.settled);
      expect(settled.body.data).toEqual({ enterprise: { wageArrearsAlerts: [{ alertNo: 'SCOPE-SETTLED', amountOwed: null }] } });
      expect(settled.body.errors).toEqual([
        expect.objectContaining({ path: ['enterprise', 'wageArrearsAlerts', 0, 'amountOwed'], extensions: { code: 'FORBIDDEN' } }),
      ]);
      expect(entries.filter((e) => e.subjectKey === 'SCOPE-SETTLED').map((e) => e.outcome)).toEqual(['DENIED']);
    });

    it('decides the parties of an arbitration case by the case: clear for the court under an ended case, masked under an open one', async () => {
      const { body } = await hr.query(
        `query ($c: String!) { enterprise(creditCode: $c) { arbitrationCases { caseNo awardSummary applicants { name idNumber } } } }`,
        { c: firms.quiet },
        asPrincipal(COURT, Role.CASEWORKER),
      );
      const byCase = Object.fromEntries(body.data.enterprise.arbitrationCases.map((c: { caseNo: string }) => [c.caseNo, c]));
      const id = idNumber('11010519880101123');
      expect(byCase['京开劳人仲字〔2026〕第9901号']).toEqual({
        caseNo: '京开劳人仲字〔2026〕第9901号',
        awardSummary: '裁决支付工资5000元',
        applicants: [{ name: '赵申请', idNumber: id }],
      });
      expect(byCase['京开劳人仲字〔2026〕第9903号']).toEqual({
        caseNo: '京开劳人仲字〔2026〕第9903号',
        awardSummary: null,
        applicants: [{ name: '赵*', idNumber: `${id.slice(0, 6)}********${id.slice(-4)}` }],
      });
      const open = body.data.enterprise.arbitrationCases.findIndex((c: { caseNo: string }) => c.caseNo === '京开劳人仲字〔2026〕第9903号');
      expect(body.errors).toEqual([
        expect.objectContaining({ path: ['enterprise', 'arbitrationCases', open, 'awardSummary'], extensions: { code: 'FORBIDDEN' } }),
      ]);
    });

    it('opens a layoff plan only while its placements are followed', async () => {
      const { body } = await hr.query(
        `query ($c: String!) { enterprise(creditCode: $c) { layoffReports { reportNo placementPlan } } }`,
        { c: firms.quiet },
        asPrincipal(UNION, Role.CASEWORKER),
      );
      const plans = Object.fromEntries(
        body.data.enterprise.layoffReports.map((r: { reportNo: string; placementPlan: string | null }) => [r.reportNo, r.placementPlan]),
      );
      expect(plans).toEqual({
        'SCOPE-LAYOFF-SOON': 'SCOPE-LAYOFF-SOON安置方案',
        'SCOPE-LAYOFF-YEAR': 'SCOPE-LAYOFF-YEAR安置方案',
        'SCOPE-LAYOFF-OLD': null,
      });
    });
  });
});
