import { unclassifiedFields } from '@labour/shared';
import type { GraphQLSchema } from 'graphql';
import { nonPublicFields } from '@labour/testing/schema-classes';
import { buildHrBureauSchema } from './schema';

describe('hr-bureau schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildHrBureauSchema();
  });

  it('declares a data class on every field', () => {
    expect(unclassifiedFields(schema)).toEqual([]);
  });

  // The bureau's decisions in one place; SHARED and RESTRICTED fields are nullable so that a denial nulls the field, not its parent.
  it('lists its SHARED, PERSONAL and RESTRICTED fields; SHARED and RESTRICTED ones are nullable', () => {
    expect(nonPublicFields(schema)).toEqual([
      'ArbitrationCase.awardSummary: SHARED',
      'ArbitrationCase.claimAmount: SHARED',
      'ArbitrationCase.claims: SHARED',
      'Indicators.openArrearsAmount: SHARED', // a statistic of WageArrearsAlert.amountOwed (@Shared({ statistic: true }))
      'LaborInspection.findings: SHARED',
      'LayoffReport.placementPlan: SHARED',
      'LayoffReport.reason: SHARED',
      'Party.idNumber: PERSONAL(idNumber) NON_NULL',
      'Party.name: PERSONAL(name) NON_NULL',
      'WageArrearsAlert.amountOwed: SHARED',
      'WageArrearsAlert.project: SHARED',
      'Worker.idNumber: PERSONAL(idNumber)', // nullable: other departments' answers reach a worker by reference
      'Worker.name: PERSONAL(name)', // nullable: other departments' answers reach a worker by reference
      'Worker.phone: PERSONAL(phone)', // nullable: other departments' answers reach a worker by reference
    ]);
  });
});
