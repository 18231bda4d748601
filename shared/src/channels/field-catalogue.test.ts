import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { Department } from '../context/principal';
import { DataClass } from '../permissions/data-class';
import { catalogueOfSchema, FIELD_CATALOGUE, lookUpField } from './field-catalogue';

const classified = (dataClass: DataClass) => ({ type: GraphQLString, extensions: { classification: { dataClass } } });

describe('field catalogue', () => {
  it('lists each object type of a schema and its fields with their data class, never the roots or federation types', () => {
    const Alert = new GraphQLObjectType({
      name: 'Alert',
      fields: { alertNo: classified(DataClass.PUBLIC), amountOwed: classified(DataClass.SHARED), note: { type: GraphQLString } },
    });
    const Query = new GraphQLObjectType({ name: 'Query', fields: { alert: { type: Alert }, _service: { type: GraphQLString } } });
    const Service = new GraphQLObjectType({ name: '_Service', fields: { sdl: { type: GraphQLString } } });
    const schema = new GraphQLSchema({ query: Query, types: [Service] });
    expect(catalogueOfSchema(schema)).toEqual({ Alert: { alertNo: 'PUBLIC', amountOwed: 'SHARED', note: null } });
  });

  it('is committed for the four departments (npm run schema:generate; a test fails when it is stale)', () => {
    expect(Object.keys(FIELD_CATALOGUE).sort()).toEqual(['COURT', 'HR_BUREAU', 'JUSTICE', 'UNION']);
    expect(lookUpField(Department.HR_BUREAU, 'WageArrearsAlert', 'amountOwed')).toEqual({ found: 'field', dataClass: 'SHARED' });
    expect(lookUpField(Department.UNION, 'MediationCase', 'notes')).toEqual({ found: 'field', dataClass: 'RESTRICTED' });
    expect(lookUpField(Department.UNION, 'WageArrearsAlert', 'amountOwed')).toEqual({ found: 'no-type' });
    expect(lookUpField(Department.HR_BUREAU, 'WageArrearsAlert', 'toString')).toEqual({ found: 'no-field' });
    expect(lookUpField(Department.HR_BUREAU, 'constructor', 'name')).toEqual({ found: 'no-type' });
  });
});
