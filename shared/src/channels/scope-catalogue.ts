import { Department } from '../context/principal';

/**
 * A scope kind (共享范围): which records of the types it covers a sharing channel grants. A channel grants
 * its fields for the records its purpose covers, not for a whole type: the labour bureau's arrears channel
 * opens workers' names at enterprises under an open wage-arrears warning, not the whole worker register.
 * The provider department implements each of its kinds in SQL (its subgraph's `channel-scope/` folder);
 * a subgraph refuses to start while a kind of its department has no implementation.
 */
export interface ScopeKind {
  /** Its name, as a channel names it, e.g. `HR_OPEN_WAGE_ARREARS`. */
  name: string;
  /** The department whose records it selects: only that department's channels may name it. */
  provider: Department;
  /**
   * The types a channel of this kind may grant. A type of records (with a key) is decided by the
   * provider's SQL; a type nested in those records (a case's `Party`) is in scope with its record.
   */
  types: readonly string[];
  description: string;
  descriptionZh: string;
}

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;

/** Every department's scope kinds: what a channel proposal may name as its `scope`. */
export const SCOPE_KINDS: readonly ScopeKind[] = [
  {
    name: 'HR_OPEN_WAGE_ARREARS',
    provider: HR_BUREAU,
    types: ['WageArrearsAlert', 'Worker'],
    description: 'Open wage-arrears warnings (not yet settled), and the workers of an enterprise with an open warning.',
    descriptionZh: '未化解的欠薪预警，以及有未化解欠薪预警企业的在册职工。',
  },
  {
    name: 'HR_CURRENT_LAYOFFS',
    provider: HR_BUREAU,
    types: ['LayoffReport'],
    description:
      'Layoff reports whose layoff takes effect today or later, or took effect within the last 365 days: the placements still followed.',
    descriptionZh: '裁员生效日在今日之后或近365日内的经济性裁员报告（职工安置仍在跟踪）。',
  },
  {
    name: 'HR_ENDED_ARBITRATION',
    provider: HR_BUREAU,
    types: ['ArbitrationCase', 'Party'],
    description: 'Arbitration cases that have ended (closed or not accepted), the ones a court may hear next, and their applicants.',
    descriptionZh: '已结案或不予受理的仲裁案件（可能进入诉讼的案件）及其申请人。',
  },
  {
    name: 'HR_PUBLISHED_FIGURES',
    provider: HR_BUREAU,
    types: ['Indicators'],
    description:
      "The labour bureau's published figures of any period and district: statistics, disclosure-controlled (suppressed and rounded) for every reader outside its staff, about no one record.",
    descriptionZh: '人社局任一统计期、任一区域的统计指标（对本部门工作人员以外的读者经抑制和取整处理），不涉及具体记录。',
  },
  {
    name: 'UNION_REFERRED_DISPUTES',
    provider: UNION,
    types: ['LegalConsultation', 'MediationCase', 'Party'],
    description:
      'Legal consultations and mediation cases of the disputes the union referred to the consumer over this channel (a REFERRAL notice carrying their dispute number), and the workers they name.',
    descriptionZh: '工会通过本渠道向使用方转介（转介通报载明争议编号）的争议所涉法律咨询和调解案件及其职工。',
  },
  {
    name: 'UNION_OPEN_MEDIATION',
    provider: UNION,
    types: ['MediationCase', 'Party'],
    description: 'Mediation cases still under way (APPLIED or MEDIATING), and the workers they name.',
    descriptionZh: '尚未结案（已申请或调解中）的调解案件及其职工。',
  },
  {
    name: 'JUSTICE_UNION_DISPUTES',
    provider: JUSTICE,
    types: ['LegalAidCase'],
    description: 'Legal-aid cases of disputes that came through the union (dispute numbers LD-UN-…).',
    descriptionZh: '经工会受理的争议（争议编号LD-UN-…）所涉法律援助案件。',
  },
  {
    name: 'COURT_CURRENT_ENFORCEMENT',
    provider: COURT,
    types: ['EnforcementCase'],
    description: 'Enforcement cases still open, or ended within the last 365 days.',
    descriptionZh: '执行中或近365日内结案的执行案件。',
  },
  {
    name: 'COURT_JUDGED_LAWSUITS',
    provider: COURT,
    types: ['Lawsuit', 'Party'],
    description:
      'Lawsuits in which judgment has been given, and their plaintiffs (never those of a sealed case: its record rule comes first).',
    descriptionZh: '已作出判决的劳动争议诉讼案件及其原告（不公开审理的案件除外）。',
  },
  {
    name: 'COURT_SUGGESTIONS_TO_CONSUMER',
    provider: COURT,
    types: ['JudicialSuggestion'],
    description: 'Judicial suggestions addressed to the department reading them.',
    descriptionZh: '向读取方部门发出的司法建议。',
  },
];

/** The scope kind named `name`, if there is one. */
export function scopeKindNamed(name: string): ScopeKind | undefined {
  return SCOPE_KINDS.find((kind) => kind.name === name);
}

/** The scope kinds of one provider department. */
export function scopeKindsOf(provider: Department): ScopeKind[] {
  return SCOPE_KINDS.filter((kind) => kind.provider === provider);
}
