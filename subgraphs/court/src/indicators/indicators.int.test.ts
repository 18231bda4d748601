import { bulkInsert, Department, Role } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { courtSubgraph } from '../definition';
import { Lawsuit } from '../lawsuit/lawsuit.entity';

/**
 * The court's figures on seven hand-made lawsuits, through `_entities` as the gateway asks for them:
 * five filed in 2025 (three of them now on appeal), one filed on 2024-12-31 and one on 2026-01-01, both on appeal or open.
 */
const FIGURES = /* GraphQL */ `
  query Figures($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Indicators {
        period district
        lawsuitsFiled { value cases suppressed byDistrict { district } }
        lawsuitsAppealed { value cases suppressed byDistrict { district } }
      }
    }
  }
`;

const figure = (value: number, cases = value) => ({ value, cases, suppressed: false, byDistrict: [] });

describe('court indicators', () => {
  const figures = async (period: string, district = '', headers?: Record<string, string>) => {
    const { data, errors } = (await court.query(FIGURES, { reps: [{ __typename: 'Indicators', period, district }] }, headers)).body;
    expect(errors).toBeUndefined();
    return data!._entities[0];
  };

  const court = useSubgraph(courtSubgraph);
  beforeAll(async () => {
    let seq = 0;
    const lawsuit = (filedOn: string, stage: string) => ({
      caseNo: `民初${++seq}`,
      disputeNo: `LD-CT-2025-${String(seq).padStart(6, '0')}`,
      arbitrationCaseNo: `仲${seq}`,
      plaintiffs: [],
      plaintiffRefs: [],
      defendantCreditCodes: ['911100000000000001'],
      cause: '劳动争议',
      filedOn,
      stage,
      judgmentOn: stage === 'FILED' ? null : filedOn,
      outcome: stage === 'FILED' ? null : 'UPHELD',
      judgmentSummary: null,
      sealed: false,
      dueOn: null,
    });
    await bulkInsert(court.subgraph.orm.em.fork(), Lawsuit, [
      lawsuit('2025-02-10', 'FILED'),
      lawsuit('2025-03-20', 'APPEALED'),
      lawsuit('2025-05-05', 'APPEALED'),
      lawsuit('2025-07-01', 'JUDGED'),
      lawsuit('2025-12-31', 'APPEALED'),
      lawsuit('2024-12-31', 'APPEALED'), // the day before the year
      lawsuit('2026-01-01', 'FILED'), // the day after it
    ]);
  });

  it('gives a caseworker the lawsuits filed and appealed in 2025, exactly', async () => {
    expect(await figures('2025')).toEqual({ period: '2025', district: '', lawsuitsFiled: figure(5), lawsuitsAppealed: figure(3) });
  });

  it('counts a quarter and a month by their own filing dates', async () => {
    expect(await figures('2025-Q1')).toMatchObject({ lawsuitsFiled: figure(2), lawsuitsAppealed: figure(1) });
    expect(await figures('2025-Q3')).toMatchObject({ lawsuitsFiled: figure(1), lawsuitsAppealed: figure(0) });
    expect(await figures('2025-05')).toMatchObject({ lawsuitsFiled: figure(1), lawsuitsAppealed: figure(1) });
    expect(await figures('2024-12')).toMatchObject({ lawsuitsFiled: figure(1), lawsuitsAppealed: figure(1) });
    expect(await figures('2026')).toMatchObject({ lawsuitsFiled: figure(1), lawsuitsAppealed: figure(0) });
  });

  it('gives an analyst the zone figures however small, as they have no district cells', async () => {
    const analyst = asPrincipal(Department.COURT, Role.ANALYST);
    expect(await figures('2025', '', analyst)).toMatchObject({ lawsuitsFiled: figure(5), lawsuitsAppealed: figure(3) });
    expect(await figures('2025-Q1', '', analyst)).toMatchObject({ lawsuitsFiled: figure(2), lawsuitsAppealed: figure(1) });
  });

  it('leaves both figures empty when a district is asked for', async () => {
    expect(await figures('2025', '甲镇')).toEqual({ period: '2025', district: '甲镇', lawsuitsFiled: null, lawsuitsAppealed: null });
  });

  it('refuses a malformed period with BAD_USER_INPUT', async () => {
    const { errors } = (await court.query(FIGURES, { reps: [{ __typename: 'Indicators', period: '2025-Q5', district: '' }] })).body;
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period', rule: 'period' });
  });
});
