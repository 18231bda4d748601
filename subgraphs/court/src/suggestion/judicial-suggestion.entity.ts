import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { BaseRecord, Public, PublicDateField, Shared, RecordName, StringField } from '@labour/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** The department a judicial suggestion goes to; named apart from any later department enum of the supergraph. */
export enum RecipientDepartment {
  HR_BUREAU = 'HR_BUREAU',
  UNION = 'UNION',
  COURT = 'COURT',
  JUSTICE = 'JUSTICE',
}
registerEnumType(RecipientDepartment, {
  name: 'RecipientDepartment',
  description: 'The department a judicial suggestion is addressed to (被建议单位).',
  valuesConfig: {
    HR_BUREAU: { description: 'Human Resources and Social Security Bureau (人社局)' },
    UNION: { description: 'Federation of Trade Unions (总工会)' },
    COURT: { description: "People's Court (法院)" },
    JUSTICE: { description: 'Justice Bureau (司法局)' },
  },
});

/** A judicial suggestion (司法建议): what the court learnt from its cases, sent to a department to act on. */
@ObjectType('JudicialSuggestion', {
  description:
    'A judicial suggestion (司法建议): a problem the court saw in its cases, sent to a department to act on, about an enterprise or in general. Owned by COURT.',
})
@RecordName('Judicial suggestion')
@Entity({ tableName: 'judicial_suggestion' })
// The order of the `judicialSuggestions` list: newest issued first, the same day by number.
@Index({
  name: 'judicial_suggestion_issued_on_suggestion_no_idx',
  expression: 'create index "judicial_suggestion_issued_on_suggestion_no_idx" on "judicial_suggestion" ("issued_on" desc, "suggestion_no")',
})
export class JudicialSuggestion extends BaseRecord<'enterpriseCreditCode' | 'repliedOn' | 'dueOn'> {
  @StringField('Suggestion number (司法建议书编号), e.g. （2026）京0115司建12号.', Public(), { length: 60, unique: true })
  suggestionNo: string;

  /** The enterprise it concerns, if any; the enterprise file is HR's, so only its validated code is kept. */
  @Property({ length: 18, nullable: true })
  @Index()
  enterpriseCreditCode: string | null = null;

  @Field(() => RecipientDepartment, { description: 'The department it is addressed to (被建议单位).' })
  @Public()
  @Enum({ items: () => RecipientDepartment })
  @Index()
  recipientDepartment: RecipientDepartment;

  @StringField('Subject (事由).', Shared(), { length: 200, refusable: true })
  subject: string;

  @StringField('Content of the suggestion (建议内容).', Shared(), { refusable: true })
  content: string;

  @PublicDateField('Date issued (发出日期).')
  issuedOn: string;

  // Indexed for the list's `repliedOn` filter.
  @PublicDateField('Date the recipient replied (回复日期); empty while awaited.', { nullable: true, index: true })
  repliedOn: string | null = null;

  @PublicDateField('Deadline of the written reply (2 months after issue) while it is awaited; empty once replied.', {
    nullable: true,
    index: true,
  })
  dueOn: string | null = null;
}
