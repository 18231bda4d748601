import { bulkInsert, Department, Role } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { justiceSubgraph } from '../definition';
import { LegalAidCase } from '../legal-aid/legal-aid-case.entity';

/**
 * The justice bureau's figures on seven hand-made legal-aid cases, through `_entities` as the gateway asks
 * for them: applications counted by the day applied, grants by the day granted (2025: 5 applied, 3 granted).
 */
const FIGURES = /* GraphQL */ `
  query Figures($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Indicators {
        period district
        legalAidCases { value cases suppressed byDistrict { district } }
        legalAidGranted { value cases suppressed byDistrict { district } }
      }
    }
  }
`;

const figure = (value: number, cases = value) => ({ value, cases, suppressed: false, byDistrict: [] });

describe('justice indicators', () => {
  const figures = async (period: string, district = '', headers?: Record<string, string>) => {
    const { data, errors } = (await justice.query(FIGURES, { reps: [{ __typename: 'Indicators', period, district }] }, headers)).body;
    expect(errors).toBeUndefined();
    return data!._entities[0];
  };

  const justice = useSubgraph(justiceSubgraph);
  beforeAll(async () => {
    let seq = 0;
    const legalAid = (appliedOn: string, status: string, grantedOn: string | null = null) => ({
      caseNo: `法援${++seq}`,
      disputeNo: `LD-JU-2025-${String(seq).padStart(6, '0')}`,
      applicant: { personRef: 'ref', name: '张三', idNumber: '110101199001011234' },
      applicantRef: `ref${seq}`,
      enterpriseCreditCode: '911100000000000001',
      eligibilityBasis: 'MIGRANT_WAGE_CLAIM',
      hardshipEvidence: null,
      lawyer: grantedOn ? '李律师' : null,
      appliedOn,
      grantedOn,
      status,
    });
    await bulkInsert(justice.subgraph.orm.em.fork(), LegalAidCase, [
      legalAid('2025-01-10', 'GRANTED', '2025-01-15'),
      legalAid('2025-02-20', 'REFUSED'),
      legalAid('2025-03-28', 'GRANTED', '2025-04-02'), // applied in Q1, granted in April
      legalAid('2025-06-01', 'APPLIED'),
      legalAid('2024-12-28', 'CLOSED', '2025-01-03'), // applied in 2024, granted in 2025
      legalAid('2025-12-30', 'GRANTED', '2026-01-04'), // applied in 2025, granted in 2026
      legalAid('2026-02-01', 'APPLIED'), // after the year
    ]);
  });

  it('gives a caseworker the applications and grants of 2025, exactly', async () => {
    expect(await figures('2025')).toEqual({ period: '2025', district: '', legalAidCases: figure(5), legalAidGranted: figure(3) });
  });

  it('counts a quarter and a month by their own dates', async () => {
    expect(await figures('2025-Q1')).toMatchObject({ legalAidCases: figure(3), legalAidGranted: figure(2) });
    expect(await figures('2025-Q2')).toMatchObject({ legalAidCases: figure(1), legalAidGranted: figure(1) });
    expect(await figures('2025-04')).toMatchObject({ legalAidCases: figure(0), legalAidGranted: figure(1) });
    expect(await figures('2024-12')).toMatchObject({ legalAidCases: figure(1), legalAidGranted: figure(0) });
    expect(await figures('2026-01')).toMatchObject({ legalAidCases: figure(0), legalAidGranted: figure(1) });
  });

  it('gives an analyst the zone figures however small, as they have no district cells', async () => {
    const analyst = asPrincipal(Department.JUSTICE, Role.ANALYST);
    expect(await figures('2025', '', analyst)).toMatchObject({ legalAidCases: figure(5), legalAidGranted: figure(3) });
    expect(await figures('2025-Q1', '', analyst)).toMatchObject({ legalAidCases: figure(3), legalAidGranted: figure(2) });
  });

  it('leaves both figures empty when a district is asked for', async () => {
    expect(await figures('2025', '甲镇')).toEqual({ period: '2025', district: '甲镇', legalAidCases: null, legalAidGranted: null });
  });

  it('refuses a malformed period with BAD_USER_INPUT', async () => {
    const { errors } = (await justice.query(FIGURES, { reps: [{ __typename: 'Indicators', period: '2025-5', district: '' }] })).body;
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period', rule: 'period' });
  });
});
