import { demoWorld, describeCaseList } from '@labour/testing/case-list';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { courtAnalyst, hrCaseworker, TODAY, unionCaseworker, YEAR } from '../case-lists/case-list.fixtures';
import { LI, mutation } from '../court.fixtures';
import { courtSubgraph } from '../definition';
import { enforcementDueOn } from '../legal-clock/court-deadlines';
import { enforcementDueOnOf } from '../legal-clock/stage-due-dates';

const world = demoWorld();
const RESPONDENT = world.court.enforcementCases[0]!.respondentCreditCode;
const DISPUTES = [...new Set(world.court.enforcementCases.map((e) => e.disputeNo))].slice(0, 3);

const PARTIES = { sourceCaseNo: '（2026）京0115民初9901号', applicant: LI, respondentCreditCode: RESPONDENT };
/** The demo world has no enforcement past its deadline on its day: two filed here, against the first case's employer. */
const OVERDUE = [
  { caseNo: '（2026）京0115执9901号', filedOn: '2026-03-02', disputeNo: 'LD-HR-2026-009901', amount: '12000.00', ...PARTIES },
  { caseNo: '（2026）京0115执9902号', filedOn: '2026-05-01', disputeNo: 'LD-HR-2026-009902', amount: '800000.00', ...PARTIES },
];

/** The court's enforcement cases as the subgraph holds them, each with its deadline. */
const CASES = [
  ...world.court.enforcementCases.map((e) => ({ ...e, dueOn: enforcementDueOnOf(e) })),
  ...OVERDUE.map((e) => ({ ...e, status: 'OPEN', closedOn: null, dueOn: enforcementDueOn(e.filedOn) })),
];
const within = (day: string | null, from: string, to: string) => day !== null && day >= from && day <= to;
const SOURCE = CASES.find((e) => CASES.filter((o) => o.sourceCaseNo === e.sourceCaseNo).length === 1)!.sourceCaseNo;

const running = useSubgraph(courtSubgraph, { demo: true });

describeCaseList({
  running,
  list: 'enforcementCases',
  filterType: 'EnforcementCaseFilter',
  rows: () => CASES,
  seed: { mutation: mutation('createEnforcementCase', 'CreateEnforcementCaseInput', 'caseNo'), inputs: OVERDUE },
  date: 'filedOn',
  key: 'caseNo',
  filters: [
    ['status', { status: ['OPEN', 'TERMINATED_NO_ASSETS'] }, (e) => e.status !== 'CONCLUDED'],
    ['filedOn', { filedOn: { from: `${YEAR}-06-01`, to: `${YEAR}-09-30` } }, (e) => within(e.filedOn, `${YEAR}-06-01`, `${YEAR}-09-30`)],
    ['closedOn', { closedOn: { from: `${YEAR}-09-01` } }, (e) => within(e.closedOn, `${YEAR}-09-01`, '9999-12-31')],
    ['dueOn', { dueOn: { to: `${YEAR}-12-31` } }, (e) => e.dueOn !== null && e.dueOn <= `${YEAR}-12-31`],
    ['overdue', { overdue: true }, (e) => e.dueOn !== null && e.dueOn < TODAY],
    ['not overdue', { overdue: false }, (e) => e.dueOn === null || e.dueOn >= TODAY],
    ['enterprise', { enterprise: RESPONDENT }, (e) => e.respondentCreditCode === RESPONDENT],
    ['sourceCaseNo', { sourceCaseNo: SOURCE }, (e) => e.sourceCaseNo === SOURCE],
    ['disputeNos', { disputeNos: DISPUTES }, (e) => DISPUTES.includes(e.disputeNo)],
    ['amountAtLeast', { amountAtLeast: '50000.5' }, (e) => Number(e.amount) >= 50000.5],
    [
      'overdue cases against one employer for large amounts',
      { enterprise: RESPONDENT, overdue: true, amountAtLeast: '100000' },
      (e) => e.caseNo === OVERDUE[1]!.caseNo,
    ],
    [
      'open cases filed this year',
      { status: ['OPEN'], filedOn: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` } },
      (e) => e.status === 'OPEN' && e.filedOn.startsWith(YEAR),
    ],
  ],
  none: [{ status: ['CONCLUDED'], overdue: true }],
  badFilters: [
    [
      'a closing range ending before it starts',
      { closedOn: { from: `${YEAR}-09-30`, to: `${YEAR}-07-01` } },
      'filter.closedOn.to',
      `must not be before filter.closedOn.from (${YEAR}-09-30)`,
    ],
    [
      '101 dispute numbers',
      { disputeNos: Array.from({ length: 101 }, () => DISPUTES[0]) },
      'filter.disputeNos',
      'must name at most 100 disputes',
    ],
    ['a negative amount', { amountAtLeast: '-1' }, 'filter.amountAtLeast', 'must be at least 0.00'],
    [
      'an empty list of statuses',
      { status: [] },
      'filter.status',
      'must name at least one value: leave the filter out to take every value',
    ],
  ],
  statements: {
    filter: { overdue: false, amountAtLeast: '1' },
    firsts: [1, 100],
    costs: [
      [
        'every field selected',
        `caseNo disputeNo sourceCaseNo applicant { personRef name idNumber } respondent { creditCode } amount
          recoveredAmount filedOn closedOn status dueOn overdue version dispute { disputeNo }`,
        2,
      ],
    ],
  },
  publicFilters: {
    filter: { enterprise: RESPONDENT, status: ['OPEN'] },
    keep: (e) => e.respondentCreditCode === RESPONDENT && e.status === 'OPEN',
    shared: ['amount'],
    callers: [['another department', hrCaseworker]],
  },
  sharedFilter: {
    filter: { status: ['OPEN'], amountAtLeast: '1000' },
    field: 'amountAtLeast',
    on: 'amount',
    callers: [
      ['another department', hrCaseworker],
      ['the department its sharing channel grants the amounts to', unionCaseworker],
      ["the court's own analyst", courtAnalyst],
    ],
  },
});
