import { demoWorld, describeCaseList, listQuery } from '@labour/testing/case-list';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { courtAnalyst, hrCaseworker, TODAY, YEAR } from '../case-lists/case-list.fixtures';
import { LI, mutation } from '../court.fixtures';
import { courtSubgraph } from '../definition';
import { trialDueOn } from '../legal-clock/court-deadlines';
import { lawsuitDueOnOf } from '../legal-clock/stage-due-dates';

const world = demoWorld();

/** An employer sued more than once in the demo world, and three disputes that reached court. */
const suedCount = new Map<string, number>();
for (const l of world.court.lawsuits) for (const code of l.defendantCreditCodes) suedCount.set(code, (suedCount.get(code) ?? 0) + 1);
const SUED_TWICE = [...suedCount].find(([, n]) => n >= 2)![0];
const DISPUTES = [...new Set(world.court.lawsuits.map((l) => l.disputeNo))].slice(0, 3);

const PARTIES = {
  /** The demo world has no lawsuit past its deadline on its day: two filed here, one at each instance. */
  arbitrationCaseNo: '京开劳人仲字〔2026〕第9900号',
  plaintiffs: [LI],
  defendantCreditCodes: [SUED_TWICE],
  cause: '劳动报酬纠纷',
};
const OVERDUE = [
  { caseNo: '（2026）京0115民初9901号', filedOn: '2026-03-02', disputeNo: 'LD-HR-2026-009901', ...PARTIES },
  { caseNo: '（2026）京0115民终9902号', filedOn: '2026-06-01', disputeNo: 'LD-HR-2026-009902', ...PARTIES },
];

/** The court's lawsuits as the subgraph holds them: the demo world's and the two above, each with its stage's deadline. */
const LAWSUITS = [
  ...world.court.lawsuits.map((l) => ({ ...l, dueOn: lawsuitDueOnOf(l) })),
  ...OVERDUE.map((l) => ({ ...l, stage: 'FILED', outcome: null, judgmentOn: null, dueOn: trialDueOn(l.caseNo, l.filedOn) })),
];
const within = (day: string | null, from: string, to: string) => day !== null && day >= from && day <= to;

const running = useSubgraph(courtSubgraph, { demo: true });

describeCaseList({
  running,
  list: 'lawsuits',
  filterType: 'LawsuitFilter',
  rows: () => LAWSUITS,
  seed: { mutation: mutation('createLawsuit', 'CreateLawsuitInput', 'caseNo'), inputs: OVERDUE },
  date: 'filedOn',
  key: 'caseNo',
  filters: [
    ['stage', { stage: ['APPEALED', 'JUDGED'] }, (l) => l.stage === 'APPEALED' || l.stage === 'JUDGED'],
    ['instance APPEAL (民终)', { instance: 'APPEAL' }, (l) => l.caseNo.includes('民终')],
    ['instance FIRST_INSTANCE (民初)', { instance: 'FIRST_INSTANCE' }, (l) => l.caseNo.includes('民初')],
    ['outcome', { outcome: ['SETTLED', 'WITHDRAWN'] }, (l) => l.outcome === 'SETTLED' || l.outcome === 'WITHDRAWN'],
    ['filedOn', { filedOn: { from: `${YEAR}-03-01`, to: `${YEAR}-06-30` } }, (l) => within(l.filedOn, `${YEAR}-03-01`, `${YEAR}-06-30`)],
    ['filedOn from only', { filedOn: { from: `${YEAR}-07-01` } }, (l) => l.filedOn >= `${YEAR}-07-01`],
    ['judgmentOn', { judgmentOn: { from: `${YEAR}-01-01`, to: TODAY } }, (l) => within(l.judgmentOn, `${YEAR}-01-01`, TODAY)],
    ['dueOn to only', { dueOn: { to: `${YEAR}-12-31` } }, (l) => l.dueOn !== null && l.dueOn <= `${YEAR}-12-31`],
    ['overdue', { overdue: true }, (l) => l.dueOn !== null && l.dueOn < TODAY],
    ['not overdue', { overdue: false }, (l) => l.dueOn === null || l.dueOn >= TODAY],
    ['enterprise', { enterprise: SUED_TWICE }, (l) => l.defendantCreditCodes.includes(SUED_TWICE)],
    ['disputeNos', { disputeNos: DISPUTES }, (l) => DISPUTES.includes(l.disputeNo)],
    [
      'lawsuits on appeal (民终) filed this year',
      { instance: 'APPEAL', filedOn: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` } },
      (l) => l.caseNo.includes('民终') && l.filedOn.startsWith(YEAR),
    ],
    [
      'first-instance cases still at trial, not overdue',
      { instance: 'FIRST_INSTANCE', stage: ['FILED', 'IN_TRIAL'], overdue: false },
      (l) => l.caseNo.includes('民初') && (l.stage === 'FILED' || l.stage === 'IN_TRIAL') && l.dueOn! >= TODAY,
    ],
    [
      'first-instance cases against one employer, overdue',
      { enterprise: SUED_TWICE, overdue: true, instance: 'FIRST_INSTANCE' },
      (l) => l.caseNo === OVERDUE[0]!.caseNo,
    ],
  ],
  none: [{ filedOn: { from: '1999-01-01', to: '1999-12-31' } }, { enterprise: SUED_TWICE, stage: ['CLOSED'], overdue: true }],
  walks: [{ first: 7 }, { first: 7, filter: { stage: ['CLOSED'] }, keep: (l) => l.stage === 'CLOSED' }],
  badFilters: [
    [
      'a date range ending before it starts',
      { filedOn: { from: `${YEAR}-09-30`, to: `${YEAR}-07-01` } },
      'filter.filedOn.to',
      `must not be before filter.filedOn.from (${YEAR}-09-30)`,
    ],
    [
      'a due range ending before it starts',
      { dueOn: { from: `${YEAR}-09-30`, to: `${YEAR}-07-01` } },
      'filter.dueOn.to',
      `must not be before filter.dueOn.from (${YEAR}-09-30)`,
    ],
    [
      '101 dispute numbers',
      { disputeNos: Array.from({ length: 101 }, () => DISPUTES[0]) },
      'filter.disputeNos',
      'must name at most 100 disputes',
    ],
    ['a dispute number of no form', { disputeNos: ['D-1'] }, 'filter.disputeNos', 'item 1 must look like LD-UN-2026-000123'],
    ['an empty list of stages', { stage: [] }, 'filter.stage', 'must name at least one value: leave the filter out to take every value'],
    [
      'a credit code that is no credit code',
      { enterprise: '91110115MA01WE4BD0' },
      'filter.enterprise',
      expect.stringContaining('is not a valid unified social credit code'),
    ],
  ],
  statements: {
    filter: { instance: 'FIRST_INSTANCE', overdue: false },
    firsts: [1, 100],
    costs: [
      [
        'every field of the lawsuit selected',
        `caseNo disputeNo arbitrationCaseNo cause filedOn stage judgmentOn outcome judgmentSummary sealed dueOn overdue
          version plaintiffs { personRef name idNumber } defendants { creditCode } dispute { disputeNo }`,
        2,
      ],
    ],
  },
  publicFilters: {
    filter: { instance: 'FIRST_INSTANCE', stage: ['JUDGED', 'CLOSED'], outcome: ['UPHELD'], filedOn: { from: `${YEAR}-01-01` } },
    keep: (l) =>
      l.caseNo.includes('民初') && ['JUDGED', 'CLOSED'].includes(l.stage) && l.outcome === 'UPHELD' && l.filedOn >= `${YEAR}-01-01`,
    shared: ['judgmentSummary'],
    visible: (l) => ({ outcome: l.outcome }),
    callers: [['another department', hrCaseworker]],
  },
});

describe('lawsuits: who may read what', () => {
  it("gives the court's analyst the same filters, the parties' names masked", async () => {
    const query = listQuery('lawsuits', 'LawsuitFilter', 'caseNo plaintiffs { name }');
    const { body } = await running.query(query, { filter: { disputeNos: DISPUTES.slice(0, 1) }, first: 100 }, courtAnalyst);
    expect(body.errors).toBeUndefined();
    const [first] = LAWSUITS.filter((l) => l.disputeNo === DISPUTES[0]);
    expect(body.data.lawsuits.nodes[0].plaintiffs[0].name).toBe(`${first!.plaintiffs[0]!.name[0]}*`);
  });
});
