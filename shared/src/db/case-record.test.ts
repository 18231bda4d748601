import 'reflect-metadata';
import { Entity, Property, ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { isObjectType } from 'graphql';
import { buildSchema, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Public } from '../permissions/data-class';
import { BaseRecord } from './base-record';
import { CaseRecord } from './case-record';

// Two case kinds in one service: each keeps the case-number description it was given.
@ObjectType('FirstCase', { description: 'A case.' })
@Entity({ tableName: 'test_first_case' })
class FirstCase extends CaseRecord('Case number (案号), e.g. 京开劳人仲字〔2026〕第0123号.') {
  @Field({ description: 'Claims.' })
  @Public()
  @Property({ type: 'text' })
  claims: string;
}

@ObjectType('SecondCase', { description: 'Another case.' })
@Entity({ tableName: 'test_second_case' })
class SecondCase extends CaseRecord<'closed'>('Case number (案号), e.g. （2026）京0115执567号.') {
  @Field({ description: 'Whether it is closed.' })
  @Public()
  @Property()
  closed: boolean = false;
}

@Resolver()
class CaseResolver {
  @Query(() => FirstCase, { nullable: true, description: 'A case.' })
  firstCase(): FirstCase | null {
    return null;
  }

  @Query(() => SecondCase, { nullable: true, description: 'Another case.' })
  secondCase(): SecondCase | null {
    return null;
  }
}

describe('CaseRecord', () => {
  it("puts the case number, in the kind's own description, and the dispute number right after the record's fields", async () => {
    const schema = await buildSchema({ resolvers: [CaseResolver], validate: false });
    const fields = (name: string) => {
      const type = schema.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
      return Object.values(type.getFields()).map((field) => `${field.name}: ${field.description}`);
    };
    expect(fields('FirstCase').map((field) => field.split(':')[0])).toEqual(['id', 'version', 'caseNo', 'disputeNo', 'claims']);
    expect(fields('FirstCase')[2]).toBe('caseNo: Case number (案号), e.g. 京开劳人仲字〔2026〕第0123号.');
    expect(fields('SecondCase').map((field) => field.split(':')[0])).toEqual(['id', 'version', 'caseNo', 'disputeNo', 'closed']);
    expect(fields('SecondCase')[2]).toBe('caseNo: Case number (案号), e.g. （2026）京0115执567号.');
    expect(schema.getType('Case')).toBeUndefined();
  });

  it("puts their columns, unique key and index right after the record's columns", async () => {
    const orm = new MikroORM({
      driver: PostgreSqlDriver,
      clientUrl: 'postgresql://nobody@127.0.0.1:1/none',
      entities: [BaseRecord, FirstCase, SecondCase],
      metadataProvider: ReflectMetadataProvider,
    });
    const sql = await orm.schema.getCreateSchemaSQL({ wrap: false });
    for (const [table, own] of [
      ['test_first_case', '"claims" text not null'],
      ['test_second_case', '"closed" boolean not null default false'],
    ]) {
      expect(sql).toContain(
        `create table "${table}" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, ` +
          `"updated_at" timestamptz not null, "case_no" varchar(60) not null, "dispute_no" varchar(20) not null, ${own}, primary key ("id"));`,
      );
      expect(sql).toContain(`alter table "${table}" add constraint "${table}_case_no_unique" unique ("case_no");`);
      expect(sql).toContain(`create index "${table}_dispute_no_index" on "${table}" ("dispute_no");`);
    }
    await orm.close();
  });
});
