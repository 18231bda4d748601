import { addDays, personRefOf } from '@labour/shared';
import { generateWorld, type World } from '@labour/demo-world';
import { itLeavesPlannerStatistics, TEST_AS_OF, TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { JudicialConfirmation } from './confirmation/judicial-confirmation.entity';
import { courtSubgraph } from './definition';
import { EnforcementCase } from './enforcement/enforcement-case.entity';
import { Lawsuit } from './lawsuit/lawsuit.entity';
import { JudicialSuggestion } from './suggestion/judicial-suggestion.entity';

/** The same world the subgraph loaded: what the court's answers must match. */
const world: World = generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF });
const { lawsuits, enforcementCases, judicialConfirmations, judicialSuggestions } = world.court;
const refOf = (idNumber: string) => personRefOf(idNumber, TEST_LINKAGE_KEY);
const sorted = (values: string[]) => [...values].sort();
const caseNos = (rows: { caseNo: string }[]) => sorted(rows.map((r) => r.caseNo));

const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Enterprise { creditCode lawsuits { caseNo } enforcementCases { caseNo } judicialConfirmations { caseNo } judicialSuggestions { suggestionNo } }
  ... on Worker { personRef lawsuits { caseNo } enforcementCases { caseNo } judicialConfirmations { caseNo } }
  ... on Dispute { disputeNo lawsuits { caseNo } enforcementCases { caseNo } judicialConfirmations { caseNo } }
} }`;

const running = useSubgraph(courtSubgraph, { demo: true });

async function entities(reps: Record<string, string>[]) {
  const { body } = await running.query(ENTITIES, { reps });
  expect(body.errors).toBeUndefined();
  return body.data._entities as Array<Record<string, any>>;
}
const listed = (entity: Record<string, any>, field: string, key = 'caseNo') =>
  sorted(entity[field].map((r: Record<string, string>) => r[key]));

describe('court demo data', () => {
  itLeavesPlannerStatistics(running);
  it("loads the court's slice of the demo world, deadlines included", async () => {
    const em = running.subgraph.orm.em.fork();
    expect(lawsuits.length).toBeGreaterThan(0);
    expect(await em.count(Lawsuit)).toBe(lawsuits.length);
    expect(await em.count(JudicialConfirmation)).toBe(judicialConfirmations.length);
    expect(await em.count(EnforcementCase)).toBe(enforcementCases.length);
    expect(await em.count(JudicialSuggestion)).toBe(judicialSuggestions.length);
    const judged = lawsuits.find((l) => l.stage === 'JUDGED' && l.caseNo.includes('民初'))!;
    const { body } = await running.query(
      `query ($caseNo: String!) { lawsuit(caseNo: $caseNo) { stage judgmentOn dueOn plaintiffs { personRef } defendants { creditCode } } }`,
      { caseNo: judged.caseNo },
    );
    expect(body.data.lawsuit).toEqual({
      stage: 'JUDGED',
      judgmentOn: judged.judgmentOn,
      dueOn: addDays(judged.judgmentOn!, 15),
      plaintiffs: judged.plaintiffs.map((p) => ({ personRef: refOf(p.idNumber) })),
      defendants: judged.defendantCreditCodes.map((creditCode) => ({ creditCode })),
    });
  });

  it("adds the court's records to an Enterprise representation", async () => {
    const code = enforcementCases[0]!.respondentCreditCode;
    const [enterprise] = await entities([{ __typename: 'Enterprise', creditCode: code }]);
    expect(enterprise!['creditCode']).toBe(code);
    expect(listed(enterprise!, 'lawsuits')).toEqual(caseNos(lawsuits.filter((l) => l.defendantCreditCodes.includes(code))));
    expect(listed(enterprise!, 'enforcementCases')).toEqual(caseNos(enforcementCases.filter((e) => e.respondentCreditCode === code)));
    expect(listed(enterprise!, 'judicialConfirmations')).toEqual(
      caseNos(judicialConfirmations.filter((c) => c.enterpriseCreditCode === code)),
    );
    expect(listed(enterprise!, 'judicialSuggestions', 'suggestionNo')).toEqual(
      sorted(judicialSuggestions.filter((s) => s.enterpriseCreditCode === code).map((s) => s.suggestionNo)),
    );
    expect(listed(enterprise!, 'lawsuits').length).toBeGreaterThan(0);
  });

  it("adds a worker's court cases to a Worker representation, linked by personRef", async () => {
    const idNumber = enforcementCases[0]!.applicant.idNumber;
    const [worker] = await entities([{ __typename: 'Worker', personRef: refOf(idNumber) }]);
    expect(listed(worker!, 'lawsuits')).toEqual(caseNos(lawsuits.filter((l) => l.plaintiffs.some((p) => p.idNumber === idNumber))));
    expect(listed(worker!, 'enforcementCases')).toEqual(caseNos(enforcementCases.filter((e) => e.applicant.idNumber === idNumber)));
    expect(listed(worker!, 'judicialConfirmations')).toEqual(
      caseNos(judicialConfirmations.filter((c) => c.applicants.some((p) => p.idNumber === idNumber))),
    );
    expect(listed(worker!, 'enforcementCases').length).toBeGreaterThan(0);
  });

  it("adds the court's stages to a Dispute representation", async () => {
    const disputeNo = enforcementCases[0]!.disputeNo;
    const [dispute] = await entities([{ __typename: 'Dispute', disputeNo }]);
    expect(dispute).toEqual({
      disputeNo,
      lawsuits: lawsuits.filter((l) => l.disputeNo === disputeNo).map((l) => ({ caseNo: l.caseNo })),
      enforcementCases: enforcementCases.filter((e) => e.disputeNo === disputeNo).map((e) => ({ caseNo: e.caseNo })),
      judicialConfirmations: judicialConfirmations.filter((c) => c.disputeNo === disputeNo).map((c) => ({ caseNo: c.caseNo })),
    });
  });
});

describe('batching', () => {
  const reps = {
    Enterprise: world.hr.enterprises.map((e) => ({ __typename: 'Enterprise', creditCode: e.creditCode })),
    Worker: world.hr.workers.map((w) => ({ __typename: 'Worker', personRef: refOf(w.idNumber) })),
    Dispute: [...new Set(world.hr.arbitrationCases.map((a) => a.disputeNo))].map((disputeNo) => ({ __typename: 'Dispute', disputeNo })),
  };
  // One statement per list field, whatever the number of representations.
  const fieldCount = { Enterprise: 4, Worker: 3, Dispute: 3 } as const;

  it.each(Object.keys(reps) as Array<keyof typeof reps>)(
    'resolves 1 or 100 %s representations in the same number of statements',
    async (type) => {
      expect(reps[type].length).toBeGreaterThanOrEqual(100);
      const statementsFor = async (count: number) => {
        running.subgraph.queries.reset();
        expect(await entities(reps[type].slice(0, count))).toHaveLength(count);
        return running.subgraph.queries.count;
      };
      expect(await statementsFor(1)).toBe(fieldCount[type]);
      expect(await statementsFor(100)).toBe(fieldCount[type]);
    },
  );
});
