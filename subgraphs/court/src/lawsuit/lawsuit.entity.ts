import { ArrayType } from '@mikro-orm/core';
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import {
  CaseRecord,
  CaseOutcomeField,
  Party,
  Public,
  PublicDateField,
  SealedWhen,
  Shared,
  RecordName,
  StageField,
  PartiesField,
  PersonRefsColumn,
  StringField,
  SourceCaseNumberField,
} from '@labour/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum LawsuitStage {
  FILED = 'FILED',
  IN_TRIAL = 'IN_TRIAL',
  JUDGED = 'JUDGED',
  APPEALED = 'APPEALED',
  CLOSED = 'CLOSED',
}
registerEnumType(LawsuitStage, {
  name: 'LawsuitStage',
  description:
    'Stage of a labour lawsuit. FILED → IN_TRIAL → JUDGED → APPEALED or CLOSED; APPEALED → CLOSED; FILED or IN_TRIAL → CLOSED on withdrawal or settlement.',
  valuesConfig: {
    FILED: { description: 'Case filed (立案), trial not yet begun' },
    IN_TRIAL: { description: 'Under trial (审理中)' },
    JUDGED: { description: 'Judgment given (已判决), appeal period running' },
    APPEALED: { description: 'Appealed to the higher court (已上诉)' },
    CLOSED: { description: 'Closed (已结案): judgment effective, or withdrawn or settled' },
  },
});

export enum LawsuitOutcome {
  UPHELD = 'UPHELD',
  PARTIALLY_UPHELD = 'PARTIALLY_UPHELD',
  DISMISSED = 'DISMISSED',
  SETTLED = 'SETTLED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(LawsuitOutcome, {
  name: 'LawsuitOutcome',
  description: 'How a labour lawsuit was decided or ended.',
  valuesConfig: {
    UPHELD: { description: "Plaintiffs' claims upheld (支持诉讼请求)" },
    PARTIALLY_UPHELD: { description: "Plaintiffs' claims partly upheld (部分支持)" },
    DISMISSED: { description: "Plaintiffs' claims dismissed (驳回诉讼请求)" },
    SETTLED: { description: 'Settled by court mediation (调解结案)' },
    WITHDRAWN: { description: 'Withdrawn by the plaintiffs (撤诉)' },
  },
});

/** The most defendant employers one suit names (its input refuses more). */
export const MAX_DEFENDANTS = 20;

/**
 * A labour-dispute lawsuit (劳动争议诉讼), brought after arbitration. A case heard in private is sealed:
 * no sharing channel reaches its summary or its plaintiffs' names and ID numbers (record-rule.ts); its
 * PUBLIC fields stay readable. Anything but an explicit `sealed: false` counts as sealed (a record
 * loaded without the column fails closed).
 */
@SealedWhen<Lawsuit>((lawsuit) => lawsuit.sealed !== false, { nested: ['plaintiffs'] })
@ObjectType('Lawsuit', { description: 'A labour-dispute lawsuit (劳动争议诉讼), brought after arbitration. Owned by COURT.' })
@RecordName('Lawsuit')
@Entity({ tableName: 'lawsuit' })
@Index({
  name: 'lawsuit_plaintiff_refs_idx',
  expression: 'create index "lawsuit_plaintiff_refs_idx" on "lawsuit" using gin ("plaintiff_refs")',
})
// The order of the `lawsuits` list (newest filed first, same day by case number), and the risk signals' and
// indicators' date windows on filed_on (its leading column).
@Index({
  name: 'lawsuit_filed_on_case_no_idx',
  expression: 'create index "lawsuit_filed_on_case_no_idx" on "lawsuit" ("filed_on" desc, "case_no")',
})
@Index({
  name: 'lawsuit_defendant_credit_codes_idx',
  expression: 'create index "lawsuit_defendant_credit_codes_idx" on "lawsuit" using gin ("defendant_credit_codes")',
})
export class Lawsuit extends CaseRecord<'stage' | 'judgmentOn' | 'outcome' | 'judgmentSummary' | 'sealed' | 'dueOn'>(
  'Case number (案号), e.g. （2026）京0115民初1234号 (民初 first instance, 民终 appeal).',
) {
  @SourceCaseNumberField('Number of the arbitration case that preceded the lawsuit (仲裁案号): arbitration comes first (仲裁前置).')
  arbitrationCaseNo: string;

  @PartiesField('Plaintiffs (原告), the workers bringing the suit.', 'a suit names no more')
  plaintiffs: Party[];

  /** personRefs of the plaintiffs, for the `Worker.lawsuits` lookup (GIN-indexed). */
  @PersonRefsColumn()
  plaintiffRefs: string[];

  /** Credit codes of the defendant employers (被告), for `Enterprise.lawsuits` (GIN-indexed). */
  @Property({ type: ArrayType, columnType: 'text[]' })
  defendantCreditCodes: string[];

  @Field({ description: 'Cause of action (案由), e.g. 劳动报酬纠纷.' })
  @Public() // a category of the catalogue of causes (案由), not the claims themselves
  @Property({ length: 100 })
  cause: string;

  // Indexed with case_no (above) for the list's order and the risk signals' date window (事前预警).
  @PublicDateField('Date the case was filed (立案日期).')
  filedOn: string;

  @StageField(LawsuitStage)
  stage: LawsuitStage = LawsuitStage.FILED;

  // Indexed for the list's `judgmentOn` filter.
  @PublicDateField('Date of the judgment (判决日期), or of the mediation statement or ruling that ended the case before judgment.', {
    nullable: true,
    index: true,
  })
  judgmentOn: string | null = null;

  @CaseOutcomeField(LawsuitOutcome, 'How the case was decided or ended (裁判结果).')
  outcome: LawsuitOutcome | null = null;

  // Never through a channel when the case is sealed (@SealedWhen above).
  @StringField('Summary of the judgment (裁判要旨).', Shared(), { nullable: true })
  judgmentSummary: string | null = null;

  @Field({
    description:
      "Whether the case is heard in private (不公开审理), e.g. trade secrets: no sharing channel then reaches its judgment summary or its plaintiffs' names and ID numbers; its other fields stay public.",
  })
  @Public()
  @Property()
  sealed: boolean = false;

  @PublicDateField(
    'Legal deadline of the current stage: end of the trial period (6 months after filing at first instance, 3 months on appeal) while FILED or IN_TRIAL; end of the 15-day appeal period while JUDGED at first instance; empty otherwise.',
    { nullable: true, index: true },
  )
  dueOn: string | null = null;
}
