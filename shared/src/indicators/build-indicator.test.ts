import { Department, Role, type Principal } from '../context/principal';
import { statisticViewOf } from '../permissions/statistic';
import { buildAmountIndicator, buildIndicator, readIndicatorsKey, type IndicatorRow } from './build-indicator';

const as = (department: Department, ...roles: Role[]): Principal => ({ subject: 'u', name: 'n', department, roles });
const scopeOf = (principal: Principal, district = '') =>
  readIndicatorsKey({ period: '2025', district }, principal, Department.HR_BUREAU).scope;
const STAFF = as(Department.HR_BUREAU, Role.CASEWORKER);
const ANALYST = as(Department.HR_BUREAU, Role.ANALYST);
const OTHER = as(Department.UNION, Role.COORDINATOR);

/** A zone of four districts: 乙镇 has one warning of ¥486,300, 甲镇 seven. */
const ARREARS: IndicatorRow[] = [
  { district: '甲镇', cases: 7, amount: '70000.00' },
  { district: '乙镇', cases: 1, amount: '486300.00' },
  { district: '丙镇', cases: 9, amount: '123456.78' },
  { district: '丁镇', cases: 12, amount: '1004999.99' },
  { district: null, cases: 29, amount: '1684756.77' },
];
const COUNTS: IndicatorRow[] = ARREARS.map(({ district, cases }) => ({ district, cases }));

describe('buildAmountIndicator', () => {
  it("gives the owning department's staff every amount exactly", () => {
    const figure = buildAmountIndicator(ARREARS, scopeOf(STAFF));
    expect(figure).toEqual({
      amount: '1684756.77',
      cases: 29,
      suppressed: false,
      roundedTo: null,
      byDistrict: [
        { district: '丁镇', amount: '1004999.99', cases: 12, suppressed: false },
        { district: '丙镇', amount: '123456.78', cases: 9, suppressed: false },
        { district: '乙镇', amount: '486300.00', cases: 1, suppressed: false },
        { district: '甲镇', amount: '70000.00', cases: 7, suppressed: false },
      ],
    });
    expect(statisticViewOf(figure)).toBe('exact');
  });

  it('gives everyone else rounded amounts, the small cell and its complement withheld', () => {
    for (const reader of [ANALYST, OTHER, as(Department.UNION, Role.ANALYST)]) {
      const figure = buildAmountIndicator(ARREARS, scopeOf(reader));
      expect(figure).toEqual({
        amount: '1680000.00',
        cases: 29,
        suppressed: false,
        roundedTo: 10_000,
        byDistrict: [
          { district: '丁镇', amount: '1000000.00', cases: 12, suppressed: false },
          { district: '丙镇', amount: '120000.00', cases: 9, suppressed: false },
          { district: '乙镇', amount: null, cases: null, suppressed: true },
          { district: '甲镇', amount: null, cases: null, suppressed: true },
        ],
      });
      expect(statisticViewOf(figure)).toBe('controlled');
      // The attack: total minus the published cells is 甲镇 and 乙镇 together, 29 − 21 = 8 warnings, ¥560,000 ± 15,000.
      const visible = figure.byDistrict.filter((c) => !c.suppressed);
      expect(figure.cases! - visible.reduce((s, c) => s + c.cases!, 0)).toBe(8);
      expect(Number(figure.amount) - visible.reduce((s, c) => s + Number(c.amount), 0)).toBe(560_000);
    }
  });

  it('gives one district the cell it has in the zone: withheld when the cell is, though it has 7 warnings', () => {
    expect(buildAmountIndicator(ARREARS, scopeOf(ANALYST, '甲镇'))).toEqual({
      amount: null,
      cases: null,
      suppressed: true,
      roundedTo: 10_000,
      byDistrict: [{ district: '甲镇', amount: null, cases: null, suppressed: true }],
    });
    expect(buildAmountIndicator(ARREARS, scopeOf(ANALYST, '丙镇'))).toEqual({
      amount: '120000.00',
      cases: 9,
      suppressed: false,
      roundedTo: 10_000,
      byDistrict: [{ district: '丙镇', amount: '120000.00', cases: 9, suppressed: false }],
    });
    expect(buildAmountIndicator(ARREARS, scopeOf(STAFF, '甲镇'))).toEqual({
      amount: '70000.00',
      cases: 7,
      suppressed: false,
      roundedTo: null,
      byDistrict: [{ district: '甲镇', amount: '70000.00', cases: 7, suppressed: false }],
    });
    // A district with no warnings: nothing to show but "withheld" to an analyst, zero to the staff.
    expect(buildAmountIndicator(ARREARS, scopeOf(ANALYST, '戊镇'))).toEqual({
      amount: null,
      cases: null,
      suppressed: true,
      roundedTo: 10_000,
      byDistrict: [],
    });
    expect(buildAmountIndicator(ARREARS, scopeOf(STAFF, '戊镇'))).toEqual({
      amount: '0.00',
      cases: 0,
      suppressed: false,
      roundedTo: null,
      byDistrict: [],
    });
  });

  it('withholds from everyone else a zone total of fewer than 5 warnings', () => {
    const rows: IndicatorRow[] = [
      { district: '甲镇', cases: 3, amount: '30000.00' },
      { district: null, cases: 3, amount: '30000.00' },
    ];
    expect(buildAmountIndicator(rows, scopeOf(OTHER))).toEqual({
      amount: null,
      cases: null,
      suppressed: true,
      roundedTo: 10_000,
      byDistrict: [{ district: '甲镇', amount: null, cases: null, suppressed: true }],
    });
    expect(buildAmountIndicator(rows, scopeOf(STAFF)).amount).toBe('30000.00');
  });
});

describe('buildIndicator', () => {
  it('applies the same suppression to counts, for analysts and for other departments, not for the staff', () => {
    const hidden = (district: string) => ({ district, value: null, cases: null, suppressed: true });
    const controlled = {
      value: 29,
      cases: 29,
      suppressed: false,
      byDistrict: [
        { district: '丁镇', value: 12, cases: 12, suppressed: false },
        { district: '丙镇', value: 9, cases: 9, suppressed: false },
        hidden('乙镇'),
        hidden('甲镇'),
      ],
    };
    expect(buildIndicator('count', COUNTS, scopeOf(ANALYST))).toEqual(controlled);
    expect(buildIndicator('count', COUNTS, scopeOf(OTHER))).toEqual(controlled);
    expect(buildIndicator('count', COUNTS, scopeOf(STAFF)).byDistrict.every((c) => !c.suppressed)).toBe(true);
  });

  it('withholds the zone total when its only district is small', () => {
    const rows: IndicatorRow[] = [
      { district: '乙镇', cases: 1 },
      { district: null, cases: 1 },
    ];
    expect(buildIndicator('count', rows, scopeOf(ANALYST))).toEqual({
      value: null,
      cases: null,
      suppressed: true,
      byDistrict: [{ district: '乙镇', value: null, cases: null, suppressed: true }],
    });
  });

  it('publishes a zone-only figure however small: it has no cells to give away', () => {
    expect(buildIndicator('count', [{ district: null, cases: 2 }], scopeOf(ANALYST), false)).toEqual({
      value: 2,
      cases: 2,
      suppressed: false,
      byDistrict: [],
    });
  });

  it("keeps a rate's withheld cells from being all at 1", () => {
    const rows: IndicatorRow[] = [
      { district: 'A', cases: 2, hits: 2 },
      { district: 'B', cases: 6, hits: 6 },
      { district: 'C', cases: 8, hits: 4 },
      { district: null, cases: 16, hits: 12 },
    ];
    expect(buildIndicator('rate', rows, scopeOf(ANALYST))).toEqual({
      value: 0.75,
      cases: 16,
      suppressed: false,
      byDistrict: ['A', 'B', 'C'].map((district) => ({ district, value: null, cases: null, suppressed: true })),
    });
  });
});
