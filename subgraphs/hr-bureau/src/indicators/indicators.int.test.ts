import { bulkInsert, Department, Role } from '@labour/shared';
import { startSubgraph, type RunningSubgraph } from '../../../../test/support/subgraph-harness';
import { asPrincipal } from '../../../../test/support/tokens';
import { ArbitrationCase } from '../arbitration/arbitration-case.entity';
import { hrBureauSubgraph } from '../definition';
import { Enterprise } from '../enterprise/enterprise.entity';
import { LayoffReport } from '../layoff/layoff-report.entity';
import { WageArrearsAlert } from '../wage-arrears/wage-arrears-alert.entity';

/**
 * The labour bureau's figures on a small hand-made zone (period 2025): 甲镇 with 7 arbitration cases and
 * 5 open warnings, 乙镇 with 2 (+1 filed in 2024 but due in 2025) and 1 warning.
 */
const FIGURES = /* GraphQL */ `
  query Figures($period: String!, $district: String) {
    indicators(period: $period, district: $district) {
      period district
      arbitrationCases { value cases suppressed byDistrict { district value cases suppressed } }
      arbitrationClosureRate { value cases suppressed byDistrict { district value cases suppressed } }
      openArrearsAmount { amount cases suppressed byDistrict { district amount cases suppressed } }
      layoffReports { value cases suppressed byDistrict { district value cases suppressed } }
      enterprisesKnown { value cases byDistrict { district value } }
    }
  }
`;

const cell = (district: string, value: number | null, cases: number | null, suppressed = false) => ({ district, value, cases, suppressed });
const hidden = (district: string) => cell(district, null, null, true);

describe('hr-bureau indicators', () => {
  let hr: RunningSubgraph;

  beforeAll(async () => {
    hr = await startSubgraph(hrBureauSubgraph);
    const em = hr.subgraph.orm.em.fork();
    const enterprise = (creditCode: string, district: string, registeredOn: string) => ({
      creditCode, name: `企业${creditCode.slice(-4)}`, industry: '制造业', district, address: '某路1号', ownership: 'PRIVATE', employeeCount: 10, registeredOn,
    });
    const [a, b] = await bulkInsert(em, Enterprise, [
      enterprise('91110000000000001A', '甲镇', '2020-01-01'),
      enterprise('91110000000000002B', '乙镇', '2020-01-01'),
      enterprise('91110000000000003C', '乙镇', '2026-01-01'),
    ]);
    let seq = 0;
    const arbitration = (respondent: string, filedOn: string, acceptedOn: string | null, closedOn: string | null, extended = false) => ({
      caseNo: `仲${++seq}`, disputeNo: `LD-HR-2025-${String(seq).padStart(6, '0')}`, applicants: [], applicantRefs: [], respondent, claims: '工资',
      claimAmount: '1000.00', filedOn, acceptedOn, dueOn: null, extended, closedOn,
      status: acceptedOn === null ? 'DECLINED' : closedOn ? 'CLOSED' : 'ACCEPTED', outcome: closedOn ? 'AWARD' : null,
    });
    await bulkInsert(em, ArbitrationCase, [
      // 甲镇: accepted 2025-03-03, award due 2025-04-17; four in time, one late, one still open; one declined.
      ...[1, 2, 3, 4].map(() => arbitration(a!.id, '2025-03-01', '2025-03-03', '2025-04-10')),
      arbitration(a!.id, '2025-03-01', '2025-03-03', '2025-05-01'),
      arbitration(a!.id, '2025-03-01', '2025-03-03', null),
      arbitration(a!.id, '2025-09-01', null, null),
      // 乙镇: extended (due 2025-08-01) closed in time; not extended (due 2025-07-17) closed late; filed 2024, due 2025-01-16, in time.
      arbitration(b!.id, '2025-06-01', '2025-06-02', '2025-07-25', true),
      arbitration(b!.id, '2025-06-01', '2025-06-02', '2025-07-20'),
      arbitration(b!.id, '2024-12-01', '2024-12-02', '2025-01-10'),
    ]);
    const alert = (enterpriseId: string, amountOwed: string, raisedOn: string, resolvedOn: string | null) => ({
      alertNo: `预${++seq}`, enterprise: enterpriseId, project: '项目', level: 'RED', amountOwed, workersAffected: 3, raisedOn, resolvedOn,
    });
    await bulkInsert(em, WageArrearsAlert, [
      ...[1, 2, 3, 4].map(() => alert(a!.id, '1000.50', '2025-05-01', null)),
      alert(a!.id, '1000.50', '2025-05-01', '2026-01-05'), // resolved after the period: open at its end
      alert(a!.id, '9999.00', '2025-02-01', '2025-06-01'), // resolved within it
      alert(a!.id, '9999.00', '2026-01-02', null), // raised after it
      alert(b!.id, '300.00', '2025-10-01', null),
    ]);
    await bulkInsert(em, LayoffReport, [
      { reportNo: 'LR-1', enterprise: b!.id, plannedCount: 40, reason: '订单下降', reportedOn: '2025-08-01', effectiveOn: '2025-09-15', placementPlan: '转岗' },
    ]);
  });

  afterAll(() => hr.stop());

  it('gives a caseworker every figure and every cell, exactly', async () => {
    const { data, errors } = (await hr.query(FIGURES, { period: '2025' })).body;
    expect(errors).toBeUndefined();
    expect(data!.indicators).toEqual({
      period: '2025',
      district: '',
      arbitrationCases: { value: 9, cases: 9, suppressed: false, byDistrict: [cell('乙镇', 2, 2), cell('甲镇', 7, 7)] },
      arbitrationClosureRate: { value: 0.6667, cases: 9, suppressed: false, byDistrict: [cell('乙镇', 0.6667, 3), cell('甲镇', 0.6667, 6)] },
      openArrearsAmount: {
        amount: '5302.50', cases: 6, suppressed: false,
        byDistrict: [{ district: '乙镇', amount: '300.00', cases: 1, suppressed: false }, { district: '甲镇', amount: '5002.50', cases: 5, suppressed: false }],
      },
      layoffReports: { value: 1, cases: 1, suppressed: false, byDistrict: [cell('乙镇', 1, 1)] },
      enterprisesKnown: { value: 2, cases: 2, byDistrict: [{ district: '乙镇', value: 1 }, { district: '甲镇', value: 1 }] },
    });
  });

  it('withholds from an analyst every cell under 5 cases, and the figure of one small district', async () => {
    const zone = (await hr.query(FIGURES, { period: '2025' }, asPrincipal(Department.HR_BUREAU, Role.ANALYST))).body;
    expect(zone.errors).toBeUndefined();
    expect(zone.data.indicators.arbitrationCases).toEqual({ value: 9, cases: 9, suppressed: false, byDistrict: [hidden('乙镇'), cell('甲镇', 7, 7)] });
    expect(zone.data.indicators.arbitrationClosureRate.byDistrict).toEqual([hidden('乙镇'), cell('甲镇', 0.6667, 6)]);
    expect(zone.data.indicators.openArrearsAmount.byDistrict).toEqual([
      { district: '乙镇', amount: null, cases: null, suppressed: true },
      { district: '甲镇', amount: '5002.50', cases: 5, suppressed: false },
    ]);
    expect(zone.data.indicators.layoffReports).toEqual({ value: 1, cases: 1, suppressed: false, byDistrict: [hidden('乙镇')] });

    const small = (await hr.query(FIGURES, { period: '2025', district: '乙镇' }, asPrincipal(Department.HR_BUREAU, Role.ANALYST))).body;
    expect(small.data.indicators.district).toBe('乙镇');
    expect(small.data.indicators.arbitrationCases).toEqual({ value: null, cases: null, suppressed: true, byDistrict: [hidden('乙镇')] });
    const asCaseworker = (await hr.query(FIGURES, { period: '2025', district: '乙镇' })).body;
    expect(asCaseworker.data.indicators.arbitrationCases).toEqual({ value: 2, cases: 2, suppressed: false, byDistrict: [cell('乙镇', 2, 2)] });
  });

  it('counts a quarter and a month by their own dates', async () => {
    const q1 = (await hr.query(FIGURES, { period: '2025-Q1' })).body;
    expect(q1.data.indicators.arbitrationCases.value).toBe(6);
    // due in Q1: only the 乙镇 case of 2024 (2025-01-16), closed in time.
    expect(q1.data.indicators.arbitrationClosureRate).toMatchObject({ value: 1, cases: 1 });
    const june = (await hr.query(FIGURES, { period: '2025-06' })).body;
    expect(june.data.indicators.openArrearsAmount).toMatchObject({ amount: '5002.50', cases: 5 });
  });

  it('refuses a malformed period with BAD_USER_INPUT', async () => {
    const { data, errors } = (await hr.query(FIGURES, { period: '2025-13' })).body;
    expect(data).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'period', rule: 'period' }) })]);
  });
});
