import { bulkInsert, Department, Role, staticGrantSource, type AccessEntry } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { ArbitrationCase } from '../arbitration/arbitration-case.entity';
import { hrBureauSubgraph } from '../definition';
import { Enterprise } from '../enterprise/enterprise.entity';
import { LayoffReport } from '../layoff/layoff-report.entity';
import { WageArrearsAlert } from '../wage-arrears/wage-arrears-alert.entity';

/**
 * The labour bureau's figures on a small hand-made zone (period 2025): 甲镇 with 7 arbitration cases and
 * 5 open warnings, 乙镇 with 2 (+1 filed in 2024 but due in 2025) and 1 warning. The union holds a channel
 * granting it the open arrears amount (a SHARED figure); the court holds none.
 */
const FIGURES = /* GraphQL */ `
  query Figures($period: String!, $district: String) {
    indicators(period: $period, district: $district) {
      period district
      arbitrationCases { value cases suppressed byDistrict { district value cases suppressed } }
      arbitrationClosureRate { value cases suppressed byDistrict { district value cases suppressed } }
      openArrearsAmount { amount cases suppressed roundedTo byDistrict { district amount cases suppressed } }
      layoffReports { value cases suppressed byDistrict { district value cases suppressed } }
      enterprisesKnown { value cases byDistrict { district value } }
    }
  }
`;

const cell = (district: string, value: number | null, cases: number | null, suppressed = false) => ({ district, value, cases, suppressed });
const hidden = (district: string) => cell(district, null, null, true);

/** The open arrears of 2025 as a reader outside the bureau's staff gets them: rounded, each district's cell withheld. */
const ARREARS_2025_ROUNDED = {
  amount: '10000.00',
  cases: 6,
  suppressed: false,
  roundedTo: 10000,
  byDistrict: [
    { district: '乙镇', amount: null, cases: null, suppressed: true },
    { district: '甲镇', amount: null, cases: null, suppressed: true },
  ],
};

describe('hr-bureau indicators', () => {
  /** What the access recorder is given: the reads of the bureau's non-PUBLIC fields by other departments. */
  const entries: AccessEntry[] = [];

  const hr = useSubgraph(hrBureauSubgraph, {
    grants: staticGrantSource({ UNION: { 'Indicators.openArrearsAmount': 'HR-UNION-FIGURES' } }),
    accessRecorder: () => ({ record: (entry) => entries.push(entry) }),
  });
  beforeAll(async () => {
    const em = hr.subgraph.orm.em.fork();
    const enterprise = (creditCode: string, district: string, registeredOn: string) => ({
      creditCode,
      name: `企业${creditCode.slice(-4)}`,
      industry: '制造业',
      district,
      address: '某路1号',
      ownership: 'PRIVATE',
      employeeCount: 10,
      registeredOn,
    });
    const [a, b] = await bulkInsert(em, Enterprise, [
      enterprise('91110000000000001A', '甲镇', '2020-01-01'),
      enterprise('91110000000000002B', '乙镇', '2020-01-01'),
      enterprise('91110000000000003C', '乙镇', '2026-01-01'),
    ]);
    let seq = 0;
    const arbitration = (respondent: string, filedOn: string, acceptedOn: string | null, closedOn: string | null, extended = false) => ({
      caseNo: `仲${++seq}`,
      disputeNo: `LD-HR-2025-${String(seq).padStart(6, '0')}`,
      applicants: [],
      applicantRefs: [],
      respondent,
      claims: '工资',
      claimAmount: '1000.00',
      filedOn,
      acceptedOn,
      dueOn: null,
      extended,
      closedOn,
      status: acceptedOn === null ? 'DECLINED' : closedOn ? 'CLOSED' : 'ACCEPTED',
      outcome: closedOn ? 'AWARD' : null,
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
      alertNo: `预${++seq}`,
      enterprise: enterpriseId,
      project: '项目',
      level: 'RED',
      amountOwed,
      workersAffected: 3,
      raisedOn,
      resolvedOn,
    });
    await bulkInsert(em, WageArrearsAlert, [
      ...[1, 2, 3, 4].map(() => alert(a!.id, '1000.50', '2025-05-01', null)),
      alert(a!.id, '1000.50', '2025-05-01', '2026-01-05'), // resolved after the period: open at its end
      alert(a!.id, '9999.00', '2025-02-01', '2025-06-01'), // resolved within it
      alert(a!.id, '9999.00', '2026-01-02', null), // raised after it
      alert(b!.id, '300.00', '2025-10-01', null),
    ]);
    await bulkInsert(em, LayoffReport, [
      {
        reportNo: 'LR-1',
        enterprise: b!.id,
        plannedCount: 40,
        reason: '订单下降',
        reportedOn: '2025-08-01',
        effectiveOn: '2025-09-15',
        placementPlan: '转岗',
      },
    ]);
  });

  it('gives a caseworker every figure and every cell, exactly', async () => {
    const { data, errors } = (await hr.query(FIGURES, { period: '2025' })).body;
    expect(errors).toBeUndefined();
    expect(data!.indicators).toEqual({
      period: '2025',
      district: '',
      arbitrationCases: { value: 9, cases: 9, suppressed: false, byDistrict: [cell('乙镇', 2, 2), cell('甲镇', 7, 7)] },
      arbitrationClosureRate: {
        value: 0.6667,
        cases: 9,
        suppressed: false,
        byDistrict: [cell('乙镇', 0.6667, 3), cell('甲镇', 0.6667, 6)],
      },
      openArrearsAmount: {
        amount: '5302.50',
        cases: 6,
        suppressed: false,
        roundedTo: null,
        byDistrict: [
          { district: '乙镇', amount: '300.00', cases: 1, suppressed: false },
          { district: '甲镇', amount: '5002.50', cases: 5, suppressed: false },
        ],
      },
      layoffReports: { value: 1, cases: 1, suppressed: false, byDistrict: [cell('乙镇', 1, 1)] },
      enterprisesKnown: {
        value: 2,
        cases: 2,
        byDistrict: [
          { district: '乙镇', value: 1 },
          { district: '甲镇', value: 1 },
        ],
      },
    });
  });

  it('withholds from an analyst the small cells and the cells that would give them away, and rounds the amount', async () => {
    const zone = (await hr.query(FIGURES, { period: '2025' }, asPrincipal(Department.HR_BUREAU, Role.ANALYST))).body;
    expect(zone.errors).toBeUndefined();
    // 乙镇 is small; 甲镇 is withheld beside it, else 9 − 7 would give 乙镇's 2 back.
    expect(zone.data.indicators.arbitrationCases).toEqual({
      value: 9,
      cases: 9,
      suppressed: false,
      byDistrict: [hidden('乙镇'), hidden('甲镇')],
    });
    expect(zone.data.indicators.arbitrationClosureRate).toEqual({
      value: 0.6667,
      cases: 9,
      suppressed: false,
      byDistrict: [hidden('乙镇'), hidden('甲镇')],
    });
    expect(zone.data.indicators.openArrearsAmount).toEqual(ARREARS_2025_ROUNDED);
    // One district of one report: the zone's total would be that district's figure.
    expect(zone.data.indicators.layoffReports).toEqual({ value: null, cases: null, suppressed: true, byDistrict: [hidden('乙镇')] });
    expect(zone.data.indicators.enterprisesKnown).toEqual({
      value: null,
      cases: null,
      byDistrict: [
        { district: '乙镇', value: null },
        { district: '甲镇', value: null },
      ],
    });

    // A district's own figure is its cell of the zone: 甲镇's 7 cases are withheld as its cell is.
    for (const district of ['乙镇', '甲镇']) {
      const one = (await hr.query(FIGURES, { period: '2025', district }, asPrincipal(Department.HR_BUREAU, Role.ANALYST))).body;
      expect(one.data.indicators.district).toBe(district);
      expect(one.data.indicators.arbitrationCases).toEqual({ value: null, cases: null, suppressed: true, byDistrict: [hidden(district)] });
      expect(one.data.indicators.openArrearsAmount).toMatchObject({ amount: null, cases: null, suppressed: true });
    }
    const asCaseworker = (await hr.query(FIGURES, { period: '2025', district: '甲镇' })).body;
    expect(asCaseworker.data.indicators.arbitrationCases).toEqual({
      value: 7,
      cases: 7,
      suppressed: false,
      byDistrict: [cell('甲镇', 7, 7)],
    });
    expect(asCaseworker.data.indicators.openArrearsAmount).toEqual({
      amount: '5002.50',
      cases: 5,
      suppressed: false,
      roundedTo: null,
      byDistrict: [{ district: '甲镇', amount: '5002.50', cases: 5, suppressed: false }],
    });
  });

  it('denies the open arrears amount, a SHARED figure, to another department without a channel and to its analysts, and logs it', async () => {
    for (const [department, role] of [
      [Department.COURT, Role.CASEWORKER],
      [Department.UNION, Role.ANALYST],
    ] as const) {
      entries.length = 0;
      const { data, errors } = (await hr.query(FIGURES, { period: '2025' }, asPrincipal(department, role))).body;
      expect(data.indicators.openArrearsAmount).toBeNull();
      expect(errors).toEqual([
        expect.objectContaining({ path: ['indicators', 'openArrearsAmount'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
      ]);
      expect(entries).toEqual([
        expect.objectContaining({
          typeName: 'Indicators',
          fieldName: 'openArrearsAmount',
          dataClass: 'SHARED',
          outcome: 'DENIED',
          channelId: null,
        }),
      ]);
      // The PUBLIC counts stay, disclosure-controlled.
      expect(data.indicators.arbitrationCases).toEqual({
        value: 9,
        cases: 9,
        suppressed: false,
        byDistrict: [hidden('乙镇'), hidden('甲镇')],
      });
    }
  });

  it('gives it through a channel granting Indicators.openArrearsAmount, rounded and suppressed as to an analyst, and logs the read', async () => {
    entries.length = 0;
    const { data, errors } = (await hr.query(FIGURES, { period: '2025' }, asPrincipal(Department.UNION, Role.COORDINATOR))).body;
    expect(errors).toBeUndefined();
    expect(data.indicators.openArrearsAmount).toEqual(ARREARS_2025_ROUNDED);
    expect(entries).toEqual([
      expect.objectContaining({
        typeName: 'Indicators',
        fieldName: 'openArrearsAmount',
        outcome: 'GRANTED',
        channelId: 'HR-UNION-FIGURES',
      }),
    ]);
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
    expect(errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'period', rule: 'period' }) }),
    ]);
  });
});
