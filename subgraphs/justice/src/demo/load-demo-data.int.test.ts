import { addDays, personRefOf } from '@labour/shared';
import { generateWorld, type DemoLegalAidCase, type DemoPeopleMediationCase, type World } from '@labour/demo-world';
import { itLeavesPlannerStatistics, TEST_AS_OF, TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { justiceSubgraph } from '../definition';

let world: World;

const running = useSubgraph(justiceSubgraph, { demo: true });
beforeAll(async () => {
  world = generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF });
}, 120_000);

/** The order the justice lists promise: newest application first, then case number. */
const newestFirst = (a: { appliedOn: string; caseNo: string }, b: { appliedOn: string; caseNo: string }) =>
  b.appliedOn.localeCompare(a.appliedOn) || b.caseNo.localeCompare(a.caseNo);
const caseNos = (cases: Array<DemoLegalAidCase | DemoPeopleMediationCase>) =>
  [...cases].sort(newestFirst).map((c) => ({ caseNo: c.caseNo }));

describe('demo world (justice slice)', () => {
  itLeavesPlannerStatistics(running);

  it('loads every committee and case of the world', async () => {
    const response = await running.query(/* GraphQL */ `{
      all: peopleMediationCommittees(first: 100) { totalCount }
      enterprise: peopleMediationCommittees(level: ENTERPRISE, first: 100) { totalCount }
      district: peopleMediationCommittee(code: "TWH-0001") { name level enterprise { creditCode } }
    }`);
    const { committees } = world.justice;
    expect(response.body).toEqual({
      data: {
        all: { totalCount: committees.length },
        enterprise: { totalCount: committees.filter((c) => c.level === 'ENTERPRISE').length },
        district: { name: '大兴区劳动争议人民调解委员会', level: 'DISTRICT', enterprise: null },
      },
    });
    const rows = await running.subgraph.orm.em
      .fork()
      .getConnection()
      .execute<Array<{ aid: string; mediation: string }>>(
        'select (select count(*) from legal_aid_case) as aid, (select count(*) from people_mediation_case) as mediation',
      );
    expect(rows[0]).toEqual({
      aid: String(world.justice.legalAidCases.length),
      mediation: String(world.justice.peopleMediationCases.length),
    });
  });

  it("stores a people's mediation case with its committee, parties and the 15-day period", async () => {
    const sample = world.justice.peopleMediationCases[0]!;
    const response = await running.query(
      `query ($caseNo: String!) {
      peopleMediationCase(caseNo: $caseNo) { disputeNo appliedOn dueOn status committee { code } parties { personRef name } enterprise { creditCode } }
    }`,
      { caseNo: sample.caseNo },
    );
    expect(response.body).toEqual({
      data: {
        peopleMediationCase: {
          disputeNo: sample.disputeNo,
          appliedOn: sample.appliedOn,
          dueOn: addDays(sample.appliedOn, 15),
          status: sample.status,
          committee: { code: sample.committeeCode },
          parties: sample.parties.map((p) => ({ personRef: personRefOf(p.idNumber, TEST_LINKAGE_KEY), name: p.name })),
          enterprise: { creditCode: sample.enterpriseCreditCode },
        },
      },
    });
  });

  it('resolves an Enterprise, a Worker and a Dispute representation to their justice records', async () => {
    const { legalAidCases, peopleMediationCases, committees } = world.justice;
    const host = committees.find(
      (c) => c.level === 'ENTERPRISE' && peopleMediationCases.some((m) => m.enterpriseCreditCode === c.enterpriseCreditCode),
    )!;
    const creditCode = host.enterpriseCreditCode!;
    const aid = legalAidCases[0]!;
    const response = await running.query(
      /* GraphQL */ `query ($reps: [_Any!]!) {
      _entities(representations: $reps) {
        ... on Enterprise { legalAidCases { caseNo } peopleMediationCases { caseNo } peopleMediationCommittees { code } }
        ... on Worker { legalAidCases { caseNo } }
        ... on Dispute { legalAidCases { caseNo } }
      }
    }`,
      {
        reps: [
          { __typename: 'Enterprise', creditCode },
          { __typename: 'Worker', personRef: personRefOf(aid.applicant.idNumber, TEST_LINKAGE_KEY) },
          { __typename: 'Dispute', disputeNo: aid.disputeNo },
        ],
      },
    );
    expect(response.body).toEqual({
      data: {
        _entities: [
          {
            legalAidCases: caseNos(legalAidCases.filter((c) => c.enterpriseCreditCode === creditCode)),
            peopleMediationCases: caseNos(peopleMediationCases.filter((c) => c.enterpriseCreditCode === creditCode)),
            peopleMediationCommittees: committees.filter((c) => c.enterpriseCreditCode === creditCode).map((c) => ({ code: c.code })),
          },
          { legalAidCases: caseNos(legalAidCases.filter((c) => c.applicant.idNumber === aid.applicant.idNumber)) },
          { legalAidCases: caseNos(legalAidCases.filter((c) => c.disputeNo === aid.disputeNo)) },
        ],
      },
    });
    expect(response.body.data._entities[0].peopleMediationCases.length).toBeGreaterThan(0);
  });
});
