import { Entity, Index } from '@mikro-orm/decorators/legacy';
import {
  CaseRecord,
  Party,
  PublicDateField,
  RecordName,
  StageField,
  CreditCodeColumn,
  PartyField,
  PersonRefColumn,
  SharedAmountField,
  SourceCaseNumberField,
} from '@labour/shared';
import { ObjectType, registerEnumType } from 'type-graphql';

export enum EnforcementStatus {
  OPEN = 'OPEN',
  CONCLUDED = 'CONCLUDED',
  TERMINATED_NO_ASSETS = 'TERMINATED_NO_ASSETS',
}
registerEnumType(EnforcementStatus, {
  name: 'EnforcementStatus',
  description: 'Stage of an enforcement case: OPEN → CONCLUDED or TERMINATED_NO_ASSETS; due within 6 months of filing.',
  valuesConfig: {
    OPEN: { description: 'Under enforcement (执行中)' },
    CONCLUDED: { description: 'Enforcement concluded (执行完毕)' },
    TERMINATED_NO_ASSETS: { description: 'Ended for want of assets (终结本次执行程序): a failed enforcement that may be resumed' },
  },
});

/** Enforcement (执行) of a judgment, confirmed agreement or award against an employer. */
@ObjectType('EnforcementCase', {
  description: 'Enforcement (执行) of a judgment, confirmed mediation agreement or arbitration award against an employer. Owned by COURT.',
})
@RecordName('Enforcement case')
@Entity({ tableName: 'enforcement_case' })
// The order of the `enforcementCases` list: newest filed first, the same day by case number.
@Index({
  name: 'enforcement_case_filed_on_case_no_idx',
  expression: 'create index "enforcement_case_filed_on_case_no_idx" on "enforcement_case" ("filed_on" desc, "case_no")',
})
export class EnforcementCase extends CaseRecord<'recoveredAmount' | 'closedOn' | 'status' | 'dueOn'>(
  'Case number (案号), e.g. （2026）京0115执567号.',
) {
  @SourceCaseNumberField('Number of the case whose decision is enforced (执行依据): a court case or an arbitration award.')
  sourceCaseNo: string;

  @PartyField('Applicant for enforcement (申请执行人), the worker.')
  applicant: Party;

  /** personRef of the applicant, for `Worker.enforcementCases`. */
  @PersonRefColumn()
  applicantRef: string;

  /** The employer against whom enforcement runs (被执行人); the enterprise file is HR's. */
  @CreditCodeColumn()
  respondentCreditCode: string;

  // Indexed for the list's `amountAtLeast`.
  @SharedAmountField('Amount to be enforced, in yuan (执行标的).', { index: true })
  amount: string;

  @SharedAmountField('Amount recovered so far, in yuan (执行到位金额); never more than the amount.')
  recoveredAmount: string = '0.00';

  @PublicDateField('Date the case was filed (立案日期).')
  filedOn: string;

  // Indexed for the list's `closedOn` filter.
  @PublicDateField('Date the case was closed (结案日期).', { nullable: true, index: true })
  closedOn: string | null = null;

  @StageField(EnforcementStatus)
  status: EnforcementStatus = EnforcementStatus.OPEN;

  @PublicDateField('Legal deadline of the enforcement (6 months after filing) while OPEN; empty once closed.', {
    nullable: true,
    index: true,
  })
  dueOn: string | null = null;
}
