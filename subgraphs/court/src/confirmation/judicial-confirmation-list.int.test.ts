import { demoWorld, describeCaseList, listQuery } from '@labour/testing/case-list';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { courtCaseworker, errorsOf, hrCaseworker, TODAY, YEAR } from '../case-lists/case-list.fixtures';
import { LI, mutation } from '../court.fixtures';
import { courtSubgraph } from '../definition';
import { confirmationDueOn } from '../legal-clock/court-deadlines';
import { confirmationDueOnOf } from '../legal-clock/stage-due-dates';

const world = demoWorld();
const ENTERPRISE = world.court.judicialConfirmations[0]!.enterpriseCreditCode;
const DISPUTES = [...new Set(world.court.judicialConfirmations.map((c) => c.disputeNo))].slice(0, 3);

const PARTIES = { applicants: [LI], enterpriseCreditCode: ENTERPRISE };
/** The demo world has no application undecided past its deadline on its day: two registered here. */
const OVERDUE = [
  {
    caseNo: '（2026）京0115民特9901号',
    appliedOn: '2026-10-20',
    disputeNo: 'LD-UN-2026-009901',
    mediationCaseNo: '京开工调字〔2026〕第9901号',
  },
  {
    caseNo: '（2026）京0115民特9902号',
    appliedOn: '2026-11-02',
    disputeNo: 'LD-UN-2026-009902',
    mediationCaseNo: '京开工调字〔2026〕第9902号',
  },
].map((c) => ({ ...c, ...PARTIES }));

/** The court's judicial confirmations as the subgraph holds them, each with its deadline. */
const CONFIRMATIONS = [
  ...world.court.judicialConfirmations.map((c) => ({ ...c, dueOn: confirmationDueOnOf(c) })),
  ...OVERDUE.map((c) => ({ ...c, status: 'APPLIED', decidedOn: null, dueOn: confirmationDueOn(c.appliedOn) })),
];
const within = (day: string | null, from: string, to: string) => day !== null && day >= from && day <= to;
const MEDIATION = world.court.judicialConfirmations[1]!.mediationCaseNo;

const running = useSubgraph(courtSubgraph, { demo: true });
const FILTER_TYPE = 'JudicialConfirmationFilter';
const list = (filter: object | null, headers: Record<string, string>, selection: string) =>
  running.query(listQuery('judicialConfirmations', FILTER_TYPE, selection), { filter, first: 100 }, headers);

describeCaseList({
  running,
  list: 'judicialConfirmations',
  filterType: FILTER_TYPE,
  rows: () => CONFIRMATIONS,
  seed: { mutation: mutation('createJudicialConfirmation', 'CreateJudicialConfirmationInput', 'caseNo'), inputs: OVERDUE },
  date: 'appliedOn',
  key: 'caseNo',
  filters: [
    ['status', { status: ['APPLIED', 'REFUSED'] }, (c) => c.status !== 'CONFIRMED'],
    [
      'appliedOn',
      { appliedOn: { from: `${YEAR}-06-01`, to: `${YEAR}-09-30` } },
      (c) => within(c.appliedOn, `${YEAR}-06-01`, `${YEAR}-09-30`),
    ],
    ['decidedOn', { decidedOn: { to: `${YEAR}-06-30` } }, (c) => within(c.decidedOn, '0000-01-01', `${YEAR}-06-30`)],
    ['dueOn', { dueOn: { from: TODAY } }, (c) => c.dueOn !== null && c.dueOn >= TODAY],
    ['overdue', { overdue: true }, (c) => c.dueOn !== null && c.dueOn < TODAY],
    ['not overdue', { overdue: false }, (c) => c.dueOn === null || c.dueOn >= TODAY],
    ['enterprise', { enterprise: ENTERPRISE }, (c) => c.enterpriseCreditCode === ENTERPRISE],
    ['mediationCaseNo', { mediationCaseNo: MEDIATION }, (c) => c.mediationCaseNo === MEDIATION],
    ['disputeNos', { disputeNos: DISPUTES }, (c) => DISPUTES.includes(c.disputeNo)],
    [
      'pending applications against one employer past their deadline',
      { enterprise: ENTERPRISE, status: ['APPLIED'], overdue: true },
      (c) => OVERDUE.some((o) => o.caseNo === c.caseNo),
    ],
    [
      'applications confirmed this autumn',
      { status: ['CONFIRMED'], decidedOn: { from: `${YEAR}-09-01`, to: `${YEAR}-11-30` } },
      (c) => c.status === 'CONFIRMED' && within(c.decidedOn, `${YEAR}-09-01`, `${YEAR}-11-30`),
    ],
  ],
  badFilters: [
    [
      'a decision range ending before it starts',
      { decidedOn: { from: `${YEAR}-09-30`, to: `${YEAR}-07-01` } },
      'filter.decidedOn.to',
      `must not be before filter.decidedOn.from (${YEAR}-09-30)`,
    ],
    [
      '101 dispute numbers',
      { disputeNos: Array.from({ length: 101 }, () => DISPUTES[0]) },
      'filter.disputeNos',
      'must name at most 100 disputes',
    ],
    [
      'an empty list of statuses',
      { status: [] },
      'filter.status',
      'must name at least one value: leave the filter out to take every value',
    ],
  ],
  statements: {
    filter: { overdue: false },
    firsts: [1, 100],
    costs: [
      [
        'every field selected',
        `caseNo disputeNo mediationCaseNo applicants { personRef name idNumber } enterprise { creditCode }
          appliedOn decidedOn status dueOn overdue version dispute { disputeNo }`,
        2,
      ],
    ],
  },
});

describe('judicialConfirmations: who may filter and read what', () => {
  it("lets another department use every filter (all PUBLIC) and read each application as by lookup, applicants' names masked", async () => {
    const selection = 'caseNo status applicants { name idNumber }';
    const { body } = await list({ enterprise: ENTERPRISE, overdue: true }, hrCaseworker, selection);
    expect(errorsOf(body.errors)).toEqual([]);
    const lookups = [];
    for (const { caseNo } of body.data.judicialConfirmations.nodes) {
      const lookup = `query ($caseNo: String!) { judicialConfirmation(caseNo: $caseNo) { ${selection} } }`;
      lookups.push((await running.query(lookup, { caseNo }, hrCaseworker)).body.data.judicialConfirmation);
    }
    expect(body.data.judicialConfirmations.nodes).toEqual(lookups);
    expect(lookups.map((c) => c.applicants[0].name)).toEqual([`${LI.name[0]}*`, `${LI.name[0]}*`]);
    const own = await list({ enterprise: ENTERPRISE, overdue: true }, courtCaseworker, selection);
    expect(own.body.data.judicialConfirmations.nodes.map((c: { applicants: unknown[] }) => c.applicants)).toEqual([[LI], [LI]]);
  });
});
