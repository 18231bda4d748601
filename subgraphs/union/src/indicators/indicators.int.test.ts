import { bulkInsert, Department, Role } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { CollectiveContract } from '../contract/collective-contract.entity';
import { unionSubgraph } from '../definition';
import { MediationCase } from '../mediation/mediation-case.entity';
import { UnionOrganization } from '../organization/union-organization.entity';

/**
 * The union's figures on a small hand-made zone, through `_entities` as the gateway asks for them:
 * 8 mediation cases (6 applied in 2025, 5 closed in 2025 of which 3 agreed), unions covering enterprises
 * E1–E6 in 甲镇 and E7, E8 (and E1 again) in 乙镇, one in 丙镇 founded 2026, and 6 collective contracts.
 */
const FIGURES = /* GraphQL */ `
  query Figures($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Indicators {
        period district
        mediationCases { value cases suppressed byDistrict { district } }
        mediationSuccessRate { value cases suppressed byDistrict { district } }
        mediationAgreed { value cases suppressed byDistrict { district } }
        enterprisesWithUnion { value cases suppressed byDistrict { district value cases suppressed } }
        enterprisesWithContract { value cases suppressed byDistrict { district } }
      }
    }
  }
`;

const code = (n: number) => `9111000000000000${String(n).padStart(2, '0')}`;
const figure = (value: number | null, cases: number | null, suppressed = false) => ({ value, cases, suppressed, byDistrict: [] });
const cell = (district: string, value: number | null, cases: number | null, suppressed = false) => ({ district, value, cases, suppressed });
const hidden = (district: string) => cell(district, null, null, true);
const ANALYST = asPrincipal(Department.UNION, Role.ANALYST);

describe('union indicators', () => {
  const figures = async (period: string, district = '', headers?: Record<string, string>) => {
    const { data, errors } = (await union.query(FIGURES, { reps: [{ __typename: 'Indicators', period, district }] }, headers)).body;
    expect(errors).toBeUndefined();
    return data!._entities[0];
  };

  const union = useSubgraph(unionSubgraph);
  beforeAll(async () => {
    const em = union.subgraph.orm.em.fork();
    let seq = 0;
    const mediation = (appliedOn: string, closedOn: string | null, outcome: string | null) => ({
      caseNo: `工调${++seq}`,
      disputeNo: `LD-UN-2025-${String(seq).padStart(6, '0')}`,
      workers: [],
      workerRefs: [],
      enterpriseCreditCode: code(1),
      mediator: '调解员',
      claims: '工资',
      notes: '',
      appliedOn,
      dueOn: appliedOn,
      closedOn,
      status: closedOn ? 'CLOSED' : 'MEDIATING',
      outcome,
      agreement: outcome === 'AGREED' ? '协议' : null,
    });
    await bulkInsert(em, MediationCase, [
      mediation('2025-01-05', '2025-01-15', 'AGREED'),
      mediation('2025-02-01', '2025-02-10', 'AGREED'),
      mediation('2025-03-10', '2025-03-25', 'FAILED'),
      mediation('2025-03-25', '2025-04-08', 'AGREED'), // applied in Q1, closed in April
      mediation('2025-06-01', null, null), // still open
      mediation('2024-12-20', '2025-01-04', 'LAPSED'), // applied in 2024, closed in 2025
      mediation('2025-12-28', '2026-01-05', 'AGREED'), // applied in 2025, closed in 2026
      mediation('2026-01-10', null, null), // after the year
    ]);
    const organization = (district: string, codes: number[], foundedOn: string) => ({
      name: `工会${++seq}`,
      kind: codes.length > 1 ? 'JOINT' : 'ENTERPRISE',
      enterpriseCreditCodes: codes.map(code),
      district,
      foundedOn,
      chairName: '主席',
      memberCount: 20,
    });
    await bulkInsert(em, UnionOrganization, [
      organization('甲镇', [1], '2020-01-01'),
      organization('甲镇', [2, 3, 4], '2024-06-01'),
      organization('甲镇', [5], '2025-03-01'),
      organization('甲镇', [6], '2025-08-01'),
      organization('乙镇', [7], '2019-05-01'),
      organization('乙镇', [8, 1], '2025-11-01'), // E1 covered twice: once in the zone's total
      organization('丙镇', [9], '2026-02-01'), // founded after 2025
    ]);
    const contract = (enterprise: number, effectiveOn: string, expiresOn: string, kind = 'COMPREHENSIVE') => ({
      contractNo: `集合${++seq}`,
      enterpriseCreditCode: code(enterprise),
      kind,
      signedOn: effectiveOn,
      filedOn: effectiveOn,
      effectiveOn,
      expiresOn,
      wageIncreasePct: '5.00',
      coveredWorkers: 10,
    });
    await bulkInsert(em, CollectiveContract, [
      contract(1, '2023-01-01', '2025-12-31'), // in force on its last day
      contract(1, '2025-01-01', '2027-12-31', 'WAGE'), // E1's second: counted once
      contract(2, '2022-01-01', '2025-06-30'),
      contract(3, '2025-04-01', '2028-03-31'),
      contract(5, '2024-07-01', '2025-09-30'),
      contract(7, '2026-01-01', '2028-12-31'),
    ]);
  });

  it('gives a caseworker every figure of 2025 and every district cell, exactly', async () => {
    expect(await figures('2025')).toEqual({
      period: '2025',
      district: '',
      mediationCases: figure(6, 6),
      mediationSuccessRate: figure(0.6, 5),
      mediationAgreed: figure(3, 3),
      enterprisesWithUnion: { value: 8, cases: 8, suppressed: false, byDistrict: [cell('乙镇', 3, 3), cell('甲镇', 6, 6)] },
      enterprisesWithContract: figure(2, 2),
    });
  });

  it('counts a quarter and a month by their own dates', async () => {
    expect(await figures('2025-Q1')).toMatchObject({
      mediationCases: figure(4, 4),
      mediationSuccessRate: figure(0.5, 4),
      mediationAgreed: figure(2, 2),
      enterprisesWithUnion: { value: 6, cases: 6, byDistrict: [cell('乙镇', 1, 1), cell('甲镇', 5, 5)] },
      enterprisesWithContract: figure(3, 3),
    });
    expect(await figures('2025-04')).toMatchObject({
      mediationCases: figure(0, 0),
      mediationSuccessRate: figure(1, 1),
      mediationAgreed: figure(1, 1),
      enterprisesWithContract: figure(4, 4), // E3's contract took effect on 2025-04-01
    });
    // On 2025-06-30 the contract of E2 is still in force (its last day).
    expect((await figures('2025-06')).enterprisesWithContract).toEqual(figure(4, 4));
    expect((await figures('2024-06')).enterprisesWithUnion).toEqual({
      value: 5,
      cases: 5,
      suppressed: false,
      byDistrict: [cell('乙镇', 1, 1), cell('甲镇', 4, 4)],
    });
    expect((await figures('2026')).enterprisesWithUnion.byDistrict).toEqual([cell('丙镇', 1, 1), cell('乙镇', 3, 3), cell('甲镇', 6, 6)]);
  });

  it('withholds from an analyst, and from another department, the small cells and the cells that would give them away', async () => {
    for (const reader of [ANALYST, asPrincipal(Department.HR_BUREAU, Role.COORDINATOR)]) {
      const zone = await figures('2025', '', reader);
      // Zone-only figures have no cells to give away: published however small.
      expect(zone.mediationCases).toEqual(figure(6, 6));
      expect(zone.mediationSuccessRate).toEqual(figure(0.6, 5));
      // 乙镇 (3) is small; 甲镇 is withheld with it, so the total less the published cells bounds neither.
      expect(zone.enterprisesWithUnion).toEqual({ value: 8, cases: 8, suppressed: false, byDistrict: [hidden('乙镇'), hidden('甲镇')] });
      expect((await figures('2025-Q1', '', reader)).enterprisesWithUnion).toEqual({
        value: 6,
        cases: 6,
        suppressed: false,
        byDistrict: [hidden('乙镇'), hidden('甲镇')],
      });
      // 1 and 4: together too few for either to be possibly 5 or more, and no other cell: the total goes.
      expect((await figures('2024-06', '', reader)).enterprisesWithUnion).toEqual({
        value: null,
        cases: null,
        suppressed: true,
        byDistrict: [hidden('乙镇'), hidden('甲镇')],
      });
      // 2026: 丙镇 (1) and 乙镇 (3) are small, 甲镇 joins them.
      expect((await figures('2026', '', reader)).enterprisesWithUnion.byDistrict).toEqual([hidden('丙镇'), hidden('乙镇'), hidden('甲镇')]);

      // A district's own figure is its cell of the zone, withheld as the cell is: 甲镇's 6 too.
      expect((await figures('2025', '乙镇', reader)).enterprisesWithUnion).toEqual({
        value: null,
        cases: null,
        suppressed: true,
        byDistrict: [hidden('乙镇')],
      });
      expect((await figures('2025', '甲镇', reader)).enterprisesWithUnion).toEqual({
        value: null,
        cases: null,
        suppressed: true,
        byDistrict: [hidden('甲镇')],
      });
    }
    expect((await figures('2025', '乙镇')).enterprisesWithUnion).toEqual({
      value: 3,
      cases: 3,
      suppressed: false,
      byDistrict: [cell('乙镇', 3, 3)],
    });
    expect((await figures('2025', '甲镇')).enterprisesWithUnion).toEqual({
      value: 6,
      cases: 6,
      suppressed: false,
      byDistrict: [cell('甲镇', 6, 6)],
    });
    expect((await figures('2025', '戊镇')).enterprisesWithUnion).toEqual({ value: 0, cases: 0, suppressed: false, byDistrict: [] });
  });

  it('leaves the zone-only figures empty when a district is asked for', async () => {
    expect(await figures('2025', '甲镇')).toMatchObject({
      district: '甲镇',
      mediationCases: null,
      mediationSuccessRate: null,
      mediationAgreed: null,
      enterprisesWithContract: null,
    });
  });

  it('refuses a malformed period with BAD_USER_INPUT', async () => {
    const { errors } = (await union.query(FIGURES, { reps: [{ __typename: 'Indicators', period: '2025-13', district: '' }] })).body;
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period', rule: 'period' });
  });
});
