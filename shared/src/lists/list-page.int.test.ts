import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { Filing, filings, useFilings } from '@labour/testing/filings';
import { Department, Role, type Principal } from '../context/principal';
import { DataClass } from '../permissions/data-class';
import { listPage, type ListCaller, type RecordList } from './list-page';

const { all: FILINGS, newestFirst: NEWEST_FIRST } = filings(
  24,
  (i) => `2026-0${1 + (i % 3)}-1${i % 2}`,
  (i) => (i % 3 === 0 ? 'CLOSED' : 'OPEN'),
);
const orm = useFilings('list_page', FILINGS);

const classified = (dataClass: DataClass) => ({ type: GraphQLString, extensions: { classification: { dataClass } } });
const FilingType = new GraphQLObjectType({
  name: 'Filing',
  fields: { status: classified(DataClass.PUBLIC), filedOn: classified(DataClass.PUBLIC), applicantName: classified(DataClass.PERSONAL) },
});
const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { filing: { type: FilingType } } }) });

interface FilingFilter {
  status?: string | null;
  filedBefore?: string | null;
  applicantName?: string | null;
}

const FILING_LIST: RecordList<Filing, FilingFilter> = {
  entity: Filing,
  typeName: 'Filing',
  provider: Department.HR_BUREAU,
  order: { date: 'filedOn', key: 'filingNo' },
  filterFields: { status: 'status', filedBefore: 'filedOn', applicantName: 'applicantName' },
  conditions: (filter, today) => [
    ...(filter.status ? [{ status: filter.status }] : []),
    ...(filter.filedBefore ? [{ filedOn: { $lt: filter.filedBefore === 'today' ? today : filter.filedBefore } }] : []),
    ...(filter.applicantName ? [{ applicantName: filter.applicantName }] : []),
  ],
};

const principal = (department: Department, ...roles: Role[]): Principal => ({ subject: 'u1', name: 'Tester', department, roles });
const staff: ListCaller = { schema, principal: principal(Department.HR_BUREAU, Role.CASEWORKER), today: '2026-02-11' };
const outsider: ListCaller = { ...staff, principal: principal(Department.COURT, Role.CASEWORKER) };

/** A fresh entity manager whose reads are counted. */
function countedEm(): { em: EntityManager; statements: () => number } {
  const em = orm().em.fork();
  const find = jest.spyOn(em, 'find');
  const count = jest.spyOn(em, 'count');
  return { em, statements: () => find.mock.calls.length + count.mock.calls.length };
}

describe('listPage', () => {
  it('pages every record newest first when no filter is given, in two statements', async () => {
    const { em, statements } = countedEm();
    const page = await listPage(em, FILING_LIST, { first: 5 }, outsider);
    expect(page.nodes.map((f) => f.filingNo)).toEqual(NEWEST_FIRST.slice(0, 5).map((f) => f.filingNo));
    expect(page.totalCount).toBe(FILINGS.length);
    expect(statements()).toBe(2);
  });

  it('ANDs the conditions of every filter set, with the request day, and passes the cursor on', async () => {
    const matching = NEWEST_FIRST.filter((f) => f.status === 'OPEN' && f.filedOn < staff.today && f.applicantName === 'Wang');
    expect(matching.length).toBeGreaterThan(2);
    const filter = { status: 'OPEN', filedBefore: 'today', applicantName: 'Wang' };
    const firstPage = await listPage(orm().em.fork(), FILING_LIST, { filter, first: 2 }, staff);
    expect(firstPage.nodes.map((f) => f.filingNo)).toEqual(matching.slice(0, 2).map((f) => f.filingNo));
    expect(firstPage.totalCount).toBe(matching.length);
    const next = await listPage(orm().em.fork(), FILING_LIST, { filter, first: 2, after: firstPage.pageInfo.endCursor }, staff);
    expect(next.nodes.map((f) => f.filingNo)).toEqual(matching.slice(2, 4).map((f) => f.filingNo));
  });

  it('takes a page of 20 when `first` is left out', async () => {
    const page = await listPage(orm().em.fork(), FILING_LIST, { filter: null, first: null, after: null }, staff);
    expect(page.nodes).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses a filter the caller may not read on every record, naming it, and runs no statement', async () => {
    const { em, statements } = countedEm();
    await expect(listPage(em, FILING_LIST, { filter: { status: 'OPEN', applicantName: 'Wang' } }, outsider)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN', field: 'filter.applicantName' },
    });
    expect(statements()).toBe(0);
  });

  it('refuses a page size out of bounds, naming `first`, and runs no statement', async () => {
    const { em, statements } = countedEm();
    await expect(listPage(em, FILING_LIST, { first: 101 }, staff)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    expect(statements()).toBe(0);
  });
});
