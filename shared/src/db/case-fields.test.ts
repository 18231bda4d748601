import 'reflect-metadata';
import { Entity, Enum, Index, Property, ReflectMetadataProvider, Unique } from '@mikro-orm/decorators/legacy';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { buildSchema, Field, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { classificationOf, Public, Shared } from '../permissions/data-class';
import { BaseRecord } from './base-record';
import { DateScalar, DecimalScalar } from '../scalars';
import {
  CaseNumberField,
  CaseOutcomeField,
  DisputeNoField,
  PublicDateField,
  SharedAmountField,
  SourceCaseNumberField,
  StageField,
  StringField,
} from './case-fields';

// One enum serves as the stage and as the outcome of the test case.
enum TestStage {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(TestStage, {
  name: 'TestStage',
  description: 'Stage.',
  valuesConfig: { OPEN: { description: 'Open.' }, CLOSED: { description: 'Closed.' } },
});

// The same case record twice: once with the decorators, once with the stacks they stand for.
@ObjectType('DecoratedCase', { description: 'A case with the shared decorators.' })
@Entity({ tableName: 'test_case' })
class DecoratedCase extends BaseRecord {
  @CaseNumberField('Case number (案号), e.g. 京开劳人仲字〔2026〕第0123号.')
  caseNo: string;

  @DisputeNoField()
  disputeNo: string;

  @Field({ description: 'Claims.' })
  @Public()
  @Property({ type: 'text' })
  claims: string;

  @PublicDateField('Filed on.', { index: true })
  filedOn: string;

  @PublicDateField('Closed on.', { nullable: true })
  closedOn: string | null = null;

  @StageField(TestStage)
  stage: TestStage = TestStage.OPEN;

  @CaseOutcomeField(TestStage, 'Outcome.')
  outcome: TestStage | null = null;

  @StringField('Summary.', Shared(), { refusable: true })
  summary: string;

  @SharedAmountField('Amount, in yuan.', { index: true })
  amount: string;

  @SourceCaseNumberField('Number of the case it follows from.')
  sourceCaseNo: string;
}

@ObjectType('WrittenOutCase', { description: 'A case with the stacks written out.' })
@Entity({ tableName: 'test_case_written_out' })
class WrittenOutCase extends BaseRecord {
  @Field({ description: 'Case number (案号), e.g. 京开劳人仲字〔2026〕第0123号.' })
  @Public()
  @Property({ length: 60 })
  @Unique()
  caseNo: string;

  @Field({ description: 'Dispute number (争议编号) shared by every department handling the same dispute.' })
  @Public()
  @Property({ length: 20 })
  @Index()
  disputeNo: string;

  @Field({ description: 'Claims.' })
  @Public()
  @Property({ type: 'text' })
  claims: string;

  @Field(() => DateScalar, { description: 'Filed on.' })
  @Public()
  @Property({ type: 'date' })
  @Index()
  filedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Closed on.' })
  @Public()
  @Property({ type: 'date', nullable: true })
  closedOn: string | null = null;

  @Field(() => TestStage, { description: 'Stage of the case.' })
  @Public()
  @Enum({ items: () => TestStage })
  @Index()
  stage: TestStage = TestStage.OPEN;

  @Field(() => TestStage, { nullable: true, description: 'Outcome.' })
  @Public()
  @Enum({ items: () => TestStage, nullable: true })
  outcome: TestStage | null = null;

  @Field({ nullable: true, description: 'Summary.' })
  @Shared()
  @Property({ type: 'text' })
  summary: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount, in yuan.' })
  @Shared()
  @Property({ type: 'decimal', precision: 15, scale: 2 })
  @Index()
  amount: string;

  @Field({ description: 'Number of the case it follows from.' })
  @Public()
  @Property({ length: 60 })
  @Index()
  sourceCaseNo: string;
}

@Resolver()
class CaseResolver {
  @Query(() => DecoratedCase, { nullable: true, description: 'A decorated case.' })
  decoratedCase(): DecoratedCase | null {
    return null;
  }

  @Query(() => WrittenOutCase, { nullable: true, description: 'A written-out case.' })
  writtenOutCase(): WrittenOutCase | null {
    return null;
  }
}

/** `field: Type "description" CLASS` of each field of an object type, in the schema's order. */
function fields(schema: GraphQLSchema, type: string): string[] {
  const found = schema.getType(type);
  if (!isObjectType(found)) throw new Error(`${type} is not an object type`);
  return Object.values(found.getFields()).map(
    (field) => `${field.name}: ${String(field.type)} ${JSON.stringify(field.description)} ${classificationOf(field)?.dataClass}`,
  );
}

describe('CaseNumberField, DisputeNoField, PublicDateField, StageField, CaseOutcomeField, StringField, SharedAmountField and SourceCaseNumberField', () => {
  it('make the same schema fields, in the same places, as the stacks they stand for', async () => {
    const schema = await buildSchema({ resolvers: [CaseResolver], validate: false });
    expect(fields(schema, 'DecoratedCase')).toEqual(fields(schema, 'WrittenOutCase'));
    expect(fields(schema, 'DecoratedCase').slice(-10)).toEqual([
      'caseNo: String! "Case number (案号), e.g. 京开劳人仲字〔2026〕第0123号." PUBLIC',
      'disputeNo: String! "Dispute number (争议编号) shared by every department handling the same dispute." PUBLIC',
      'claims: String! "Claims." PUBLIC',
      'filedOn: Date! "Filed on." PUBLIC',
      'closedOn: Date "Closed on." PUBLIC',
      'stage: TestStage! "Stage of the case." PUBLIC',
      'outcome: TestStage "Outcome." PUBLIC',
      'summary: String "Summary." SHARED',
      'amount: Decimal "Amount, in yuan." SHARED',
      'sourceCaseNo: String! "Number of the case it follows from." PUBLIC',
    ]);
  });

  it('make the same table as the stacks they stand for (columns, unique key, indexes)', async () => {
    const orm = new MikroORM({
      driver: PostgreSqlDriver,
      clientUrl: 'postgresql://nobody@127.0.0.1:1/none',
      entities: [BaseRecord, DecoratedCase, WrittenOutCase],
      metadataProvider: ReflectMetadataProvider,
    });
    const table = async (name: string) =>
      (await orm.schema.getCreateSchemaSQL({ wrap: false }))
        .split('\n\n')
        .find((statements) => statements.startsWith(`create table "${name}" `))!
        .trim()
        .replaceAll(name, 'TABLE');
    const decorated = await table('test_case');
    expect(decorated).toContain('"case_no" varchar(60) not null, "dispute_no" varchar(20) not null, "claims" text not null');
    expect(decorated).toContain('add constraint "TABLE_case_no_unique" unique ("case_no")');
    expect(decorated).toContain('create index "TABLE_dispute_no_index" on "TABLE" ("dispute_no")');
    expect(decorated).toContain(
      '"filed_on" date not null, "closed_on" date null, "stage" text not null default \'OPEN\', "outcome" text null',
    );
    expect(decorated).toContain('create index "TABLE_filed_on_index" on "TABLE" ("filed_on")');
    expect(decorated).toContain('create index "TABLE_stage_index" on "TABLE" ("stage")');
    for (const part of [
      '"outcome" text null, "summary" text not null, "amount" numeric(15,2) not null, "source_case_no" varchar(60) not null',
      'create index "TABLE_amount_index" on "TABLE" ("amount")',
      'create index "TABLE_source_case_no_index" on "TABLE" ("source_case_no")',
    ]) {
      expect(decorated).toContain(part);
    }
    expect(decorated).toBe(await table('test_case_written_out'));
  });
});
