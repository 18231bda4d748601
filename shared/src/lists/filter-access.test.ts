import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { Department, Role, type Principal } from '../context/principal';
import { DataClass } from '../permissions/data-class';
import { refuseUnreadableFilters } from './filter-access';

const classified = (dataClass: DataClass) => ({ type: GraphQLString, extensions: { classification: { dataClass } } });
const Case = new GraphQLObjectType({
  name: 'Case',
  fields: {
    status: classified(DataClass.PUBLIC),
    claims: classified(DataClass.SHARED),
    applicantName: classified(DataClass.PERSONAL),
    note: classified(DataClass.RESTRICTED),
    unclassified: { type: GraphQLString },
  },
});
const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { case: { type: Case } } }) });

const principal = (department: Department, ...roles: Role[]): Principal => ({ subject: 'u1', name: 'Tester', department, roles });
const filterOn = (who: Principal | null, field: string) => () =>
  refuseUnreadableFilters(schema, 'Case', Department.HR_BUREAU, who, [{ argument: `filter.${field}`, field }]);

describe('refuseUnreadableFilters', () => {
  it('lets every caller filter on a PUBLIC field', () => {
    for (const who of [
      principal(Department.HR_BUREAU, Role.CASEWORKER),
      principal(Department.COURT, Role.CASEWORKER),
      principal(Department.UNION, Role.ANALYST),
    ]) {
      expect(filterOn(who, 'status')).not.toThrow();
    }
  });

  it.each(['claims', 'applicantName', 'note'])("lets the owning department's staff filter on %s", (field) => {
    for (const role of [Role.CASEWORKER, Role.COORDINATOR, Role.SERVICE, Role.ADMIN]) {
      expect(filterOn(principal(Department.HR_BUREAU, role), field)).not.toThrow();
    }
  });

  it.each([
    ['another department', principal(Department.COURT, Role.CASEWORKER), 'claims', 'SHARED'],
    ['another department', principal(Department.UNION, Role.COORDINATOR), 'applicantName', 'PERSONAL'],
    ["the owning department's analyst", principal(Department.HR_BUREAU, Role.ANALYST), 'claims', 'SHARED'],
    ["the owning department's analyst", principal(Department.HR_BUREAU, Role.ANALYST), 'applicantName', 'PERSONAL'],
    ['another department', principal(Department.JUSTICE, Role.ADMIN), 'note', 'RESTRICTED'],
    ['no one', null, 'status', 'PUBLIC'],
  ])('refuses %s a filter on %s (%s), naming the argument', (_who, who, field, dataClass) => {
    expect(filterOn(who, field)).toThrow(
      expect.objectContaining({
        message: expect.stringContaining(`filter.${field} filters on Case.${field}, which is ${dataClass}`),
        extensions: expect.objectContaining({ code: 'FORBIDDEN', field: `filter.${field}` }),
      }),
    );
  });

  it('refuses a filter on an unclassified field, even to the owner', () => {
    expect(filterOn(principal(Department.HR_BUREAU, Role.CASEWORKER), 'unclassified')).toThrow(/unclassified/);
  });

  it('fails loudly when a list names a field its type does not have', () => {
    expect(filterOn(principal(Department.HR_BUREAU, Role.CASEWORKER), 'missing')).toThrow(
      /Case.missing, which filter.missing filters on, is not in the schema/,
    );
  });
});
