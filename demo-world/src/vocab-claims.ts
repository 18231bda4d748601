/**
 * What workers claim, and the phrases awards, agreements and judgments use for it.
 */
export type ClaimKind = 'WAGES' | 'SEVERANCE' | 'OVERTIME' | 'DOUBLE_WAGES' | 'INJURY' | 'SOCIAL_INSURANCE';

/** The short label used in topics and summaries (拖欠工资, 加班费, ...). */
export const CLAIM_LABELS: Readonly<Record<ClaimKind, string>> = {
  WAGES: '拖欠工资',
  SEVERANCE: '解除劳动合同经济补偿',
  OVERTIME: '加班费',
  DOUBLE_WAGES: '未签劳动合同二倍工资',
  INJURY: '工伤待遇',
  SOCIAL_INSURANCE: '社会保险',
};

/** The court's cause of action (案由) for a dispute led by this kind of claim. */
export const LAWSUIT_CAUSES: Readonly<Record<ClaimKind, string>> = {
  WAGES: '追索劳动报酬纠纷',
  SEVERANCE: '经济补偿金纠纷',
  OVERTIME: '追索劳动报酬纠纷',
  DOUBLE_WAGES: '劳动合同纠纷',
  INJURY: '工伤保险待遇纠纷',
  SOCIAL_INSURANCE: '社会保险纠纷',
};

/** Kept under seal (不公开) more often: non-compete and trade-secret matters. */
export const SEALED_CAUSE = '竞业限制纠纷';

export const MEDIATION_NOTES: readonly string[] = [
  '调解员电话联系企业人事负责人，次日组织双方到职工服务中心面对面协商。',
  '经“云调解”平台线上受理，调解员向双方释明劳动合同法相关规定。',
  '企业工会主席参与调解，企业同意核对考勤及工资发放记录。',
  '调解员前往企业走访，调取劳动合同、工资条等材料。',
  '双方对工资基数存在争议，调解员组织核算后提出调解方案。',
  '企业表示资金紧张，调解员协调分期支付方案。',
  '职工情绪激动，调解员先行安抚并告知仲裁、法律援助等维权途径。',
];

export const FAILED_MEDIATION_NOTES: readonly string[] = [
  '企业拒不到场，调解员告知职工可申请劳动仲裁。',
  '双方对解除劳动合同的性质分歧较大，未能达成一致。',
  '企业仅同意支付部分款项，职工不同意，调解不成。',
];

export const LAPSED_MEDIATION_NOTE = '自申请之日起十五日内未达成调解协议，告知当事人可依法申请仲裁。';
