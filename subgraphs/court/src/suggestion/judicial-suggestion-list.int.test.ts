import { demoWorld, describeCaseList, listQuery, newestFirst } from '@labour/testing/case-list';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { courtAnalyst, errorsOf, hrCaseworker, TODAY, YEAR } from '../case-lists/case-list.fixtures';
import { courtSubgraph } from '../definition';
import { suggestionDueOnOf } from '../legal-clock/stage-due-dates';

// No suggestion is added here: the list holds the world's.
const SUGGESTIONS = demoWorld().court.judicialSuggestions.map((s) => ({ ...s, dueOn: suggestionDueOnOf(s) }));
const ALL = newestFirst(SUGGESTIONS, 'issuedOn', 'suggestionNo');
const within = (day: string | null, from: string, to: string) => day !== null && day >= from && day <= to;
const ENTERPRISE = SUGGESTIONS.find((s) => s.enterpriseCreditCode)!.enterpriseCreditCode!;

const running = useSubgraph(courtSubgraph, { demo: true });
const FILTER_TYPE = 'JudicialSuggestionFilter';
const list = (filter: object | null, headers: Record<string, string>, selection: string, first = 100) =>
  running.query(listQuery('judicialSuggestions', FILTER_TYPE, selection), { filter, first }, headers);
const SELECTION = 'suggestionNo recipientDepartment subject content issuedOn repliedOn dueOn overdue version enterprise { creditCode }';

describeCaseList({
  running,
  list: 'judicialSuggestions',
  filterType: FILTER_TYPE,
  rows: () => SUGGESTIONS,
  date: 'issuedOn',
  key: 'suggestionNo',
  filters: [
    ['recipientDepartment', { recipientDepartment: ['HR_BUREAU', 'UNION'] }, (s) => s.recipientDepartment !== 'JUSTICE'],
    ['issuedOn', { issuedOn: { from: `${YEAR}-04-01`, to: `${YEAR}-08-31` } }, (s) => within(s.issuedOn, `${YEAR}-04-01`, `${YEAR}-08-31`)],
    ['repliedOn', { repliedOn: { from: `${YEAR}-01-01` } }, (s) => within(s.repliedOn, `${YEAR}-01-01`, '9999-12-31')],
    ['dueOn', { dueOn: { from: TODAY } }, (s) => s.dueOn !== null && s.dueOn >= TODAY],
    ['replied', { replied: true }, (s) => s.repliedOn !== null],
    ['awaiting a reply', { replied: false }, (s) => s.repliedOn === null],
    ['overdue', { overdue: true }, (s) => s.dueOn !== null && s.dueOn < TODAY],
    ['not overdue', { overdue: false }, (s) => s.dueOn === null || s.dueOn >= TODAY],
    ['enterprise', { enterprise: ENTERPRISE }, (s) => s.enterpriseCreditCode === ENTERPRISE],
    [
      'suggestions to the labour bureau still awaiting a reply',
      { recipientDepartment: ['HR_BUREAU'], replied: false },
      (s) => s.recipientDepartment === 'HR_BUREAU' && s.repliedOn === null,
    ],
  ],
  none: [{ replied: true, overdue: true }],
  walks: [{ first: 5 }],
  badFilters: [
    [
      'an issue range ending before it starts',
      { issuedOn: { from: `${YEAR}-09-30`, to: `${YEAR}-07-01` } },
      'filter.issuedOn.to',
      `must not be before filter.issuedOn.from (${YEAR}-09-30)`,
    ],
    [
      'an empty list of departments',
      { recipientDepartment: [] },
      'filter.recipientDepartment',
      'must name at least one value: leave the filter out to take every value',
    ],
  ],
  statements: { filter: { overdue: false }, firsts: [1, 100], costs: [['the court reading every field', SELECTION, 2]] },
  publicFilters: {
    filter: { recipientDepartment: ['JUSTICE'], replied: true },
    keep: (s) => s.recipientDepartment === 'JUSTICE' && s.repliedOn !== null,
    shared: ['subject'],
    callers: [["the court's analyst", courtAnalyst]],
  },
});

describe('judicialSuggestions: what the labour bureau reads, and what it costs', () => {
  it.each([1, 100])(
    'costs the labour bureau two more for a page of %i: the scope of its channel for the whole page, and the access log',
    async (first) => {
      // The access log's first write reads the head of its chain once; after that one insert a request.
      await list(null, hrCaseworker, SELECTION, first);
      running.subgraph.queries.reset();
      const { body } = await list(null, hrCaseworker, SELECTION, first);
      expect(body.data.judicialSuggestions.nodes).toHaveLength(Math.min(first, ALL.length));
      expect(running.subgraph.queries.count).toBe(4);
    },
  );

  it('gives the labour bureau the subject of what is addressed to it (its channel) and null + FORBIDDEN of the rest', async () => {
    const { body } = await list({ issuedOn: { from: `${YEAR}-01-01` } }, hrCaseworker, 'suggestionNo subject');
    const rows = ALL.map((no) => SUGGESTIONS.find((s) => s.suggestionNo === no)!).filter((s) => s.issuedOn >= `${YEAR}-01-01`);
    expect(body.data.judicialSuggestions.nodes).toEqual(
      rows.map((s) => ({ suggestionNo: s.suggestionNo, subject: s.recipientDepartment === 'HR_BUREAU' ? s.subject : null })),
    );
    expect(errorsOf(body.errors)).toEqual(
      rows.flatMap((s, i) =>
        s.recipientDepartment === 'HR_BUREAU' ? [] : [[`judicialSuggestions.nodes.${i}.subject`, 'FORBIDDEN', null]],
      ),
    );
  });
});
