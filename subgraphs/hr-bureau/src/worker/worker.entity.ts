import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { BaseRecord, Personal, Public } from '@labour/shared';
import { Directive, Field, ObjectType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.entity';

/**
 * A worker as the social-insurance register knows them. Owned by HR_BUREAU; other departments link
 * their cases to the same person by `personRef`, never by sending the ID number around.
 */
@ObjectType('Worker', {
  description:
    'A worker in the social-insurance register (参保职工). Owned by HR_BUREAU; every department adds its cases about the same person.',
})
@Directive('@key(fields: "personRef")')
@Entity({ tableName: 'worker' })
export class Worker extends BaseRecord<'employer'> {
  @Field({ description: 'Cross-department link to the person: keyed hash (HMAC-SHA-256) of the ID number (人员关联码).' })
  @Public() // the federation key: a keyed hash that names no one without the linkage key
  @Property({ length: 32 })
  @Unique()
  personRef: string;

  @Field({ nullable: true, description: 'Name (姓名). Personal data.' })
  @Personal('name')
  @Property({ length: 40 })
  name: string;

  @Field({ nullable: true, description: 'Resident identity number (身份证号). Personal data.' })
  @Personal('idNumber')
  @Property({ length: 18 })
  @Unique()
  idNumber: string;

  @Field({ nullable: true, description: 'Mobile phone number (手机号). Personal data.' })
  @Personal('phone')
  @Property({ length: 11 })
  phone: string;

  /** Current employer; resolved through the request's enterprise loader. */
  @ManyToOne(() => Enterprise, { nullable: true, ref: true, index: true })
  employer: Ref<Enterprise> | null = null;
}
