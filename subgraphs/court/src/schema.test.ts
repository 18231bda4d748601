import { unclassifiedFields } from '@labour/shared';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { nonPublicFields } from '@labour/testing/schema-classes';
import { buildCourtSchema } from './schema';

/** Every described thing of the court's own schema that has no description (federation machinery aside). */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (/^(__|_|link__|federation__)/.test(type.name) || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue;
    if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

const fieldsOf = (schema: GraphQLSchema, type: string) => {
  const found = schema.getType(type);
  if (!isObjectType(found)) throw new Error(`${type} is not an object type`);
  return Object.keys(found.getFields())
    .filter((name) => !name.startsWith('_'))
    .sort();
};

describe('court schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildCourtSchema();
  });

  it('describes every type, field, argument, enum value and input field', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  // Names other subgraphs must not reuse (and the court must not take theirs, e.g. a root `dispute`).
  it("adds only the court's fields to the shared entities and the root types", () => {
    expect(fieldsOf(schema, 'Enterprise')).toEqual([
      'creditCode',
      'enforcementCases',
      'judicialConfirmations',
      'judicialSuggestions',
      'lawsuits',
    ]);
    expect(fieldsOf(schema, 'Worker')).toEqual(['enforcementCases', 'judicialConfirmations', 'lawsuits', 'personRef']);
    expect(fieldsOf(schema, 'Dispute')).toEqual(['disputeNo', 'enforcementCases', 'judicialConfirmations', 'lawsuits']);
    expect(fieldsOf(schema, 'Query')).toEqual([
      'courtAccessLog',
      'courtAccessLogChain',
      'courtRiskSignalColumns',
      'courtRiskSignals',
      'courtWitnessedLogHeads',
      'enforcementCase',
      'enforcementCases',
      'judicialConfirmation',
      'judicialConfirmations',
      'judicialSuggestion',
      'judicialSuggestions',
      'lawsuit',
      'lawsuits',
    ]);
    expect(fieldsOf(schema, 'Mutation')).toEqual([
      'appealLawsuit',
      'closeEnforcementCase',
      'closeLawsuit',
      'courtWitnessLogHead',
      'createEnforcementCase',
      'createJudicialConfirmation',
      'createJudicialSuggestion',
      'createLawsuit',
      'decideJudicialConfirmation',
      'recordLawsuitJudgment',
      'startLawsuitTrial',
      'updateEnforcementCase',
      'updateJudicialConfirmation',
      'updateJudicialSuggestion',
      'updateLawsuit',
    ]);
  });

  it('declares a data class on every field', () => {
    expect(unclassifiedFields(schema)).toEqual([]);
  });

  // The court's decisions in one place; SHARED and RESTRICTED fields are nullable so that a denial nulls the field, not its parent.
  it('lists its SHARED, PERSONAL and RESTRICTED fields; SHARED and RESTRICTED ones are nullable', () => {
    expect(nonPublicFields(schema)).toEqual([
      'EnforcementCase.amount: SHARED',
      'EnforcementCase.recoveredAmount: SHARED',
      'JudicialSuggestion.content: SHARED',
      'JudicialSuggestion.subject: SHARED',
      'Lawsuit.judgmentSummary: SHARED',
      'Party.idNumber: PERSONAL(idNumber) NON_NULL',
      'Party.name: PERSONAL(name) NON_NULL',
    ]);
  });
});
