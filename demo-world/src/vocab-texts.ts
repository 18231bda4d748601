/**
 * Prose for the records that are not disputes: inspection findings, warnings, layoff reasons, aid,
 * consultations and judicial suggestions. Kept short and in the register of real case files.
 */
export const INSPECTION_CLEAN_FINDINGS: readonly string[] = [
  '抽查劳动合同签订、工资支付及工时台账，未发现违法行为。',
  '查阅工资支付记录和社会保险缴费明细，用工基本规范。',
  '检查农民工工资专用账户及实名制管理台账，符合规定。',
  '核查女职工特殊保护和休息休假制度落实情况，未见违法问题。',
];

export const INSPECTION_VIOLATION_FINDINGS: readonly string[] = [
  '部分职工未签订书面劳动合同，责令限期补签。',
  '延长工作时间超过法定上限且未足额支付加班费，责令改正。',
  '未按时足额支付职工工资，责令限期支付。',
  '未依法为部分职工缴纳社会保险，责令限期补缴。',
  '工资支付台账不全，未按规定保存考勤记录，责令整改。',
  '未设立农民工工资专用账户，未按月足额发放农民工工资，责令改正。',
];

export const SPECIAL_CAMPAIGNS: readonly string[] = [
  '根治欠薪冬季专项行动',
  '清理整顿人力资源市场秩序专项行动',
  '农民工工资支付情况专项检查',
];

export const CONSTRUCTION_PROJECTS: readonly string[] = [
  '亦庄新城安置房项目',
  '经开区产业园厂房二期工程',
  '马驹桥物流园仓储中心工程',
  '台湖演艺小镇配套工程',
  '旧宫镇棚户区改造项目',
  '瀛海镇共有产权住房项目',
  '科创十三街道路改造工程',
  '亦庄线地铁站配套工程',
];

export const NON_CONSTRUCTION_ARREARS: readonly string[] = ['生产线员工工资', '门店员工工资', '配送站快递员工资', '项目组员工工资'];

export const LAYOFF_REASONS: readonly string[] = [
  '受订单下滑影响，生产经营发生严重困难，需裁减部分生产岗位人员。',
  '企业转产、重大技术革新，经变更劳动合同后仍需裁减人员。',
  '产线整体迁移至外地生产基地，本地相关岗位撤销。',
  '客观经济情况发生重大变化，原劳动合同无法履行，需精简人员。',
];

export const PLACEMENT_PLANS: readonly string[] = [
  '依法支付经济补偿，工会参与制定安置方案，职工服务中心组织专场招聘会。',
  '优先安排内部转岗，无法转岗的依法支付经济补偿并提供职业介绍服务。',
  '支付N+1经济补偿，协调园区用工企业定向招聘，组织技能培训。',
];

export const AID_REASONS: Readonly<Record<'LIVING' | 'MEDICAL' | 'EDUCATION' | 'EMERGENCY', readonly string[]>> = {
  LIVING: ['家庭收入低于本市低收入标准，生活困难。', '单亲家庭，独自抚养子女，生活困难。', '失业后暂未再就业，家庭生活困难。'],
  MEDICAL: ['本人患重大疾病，医疗费用负担较重。', '配偶患慢性病长期治疗，家庭支出较大。', '子女患病住院，自付医疗费用较高。'],
  EDUCATION: ['子女考入大学，学费负担较重。', '两名子女同时在读，教育支出较大。'],
  EMERGENCY: ['遭遇突发意外，家庭临时生活困难。', '企业欠薪期间生活无着，给予临时救助。', '家中房屋受损，临时生活困难。'],
};

export const WORKER_TOPICS: readonly string[] = [
  '拖欠工资如何维权',
  '被辞退能否主张经济补偿',
  '加班费计算标准',
  '未签劳动合同二倍工资',
  '工伤认定程序',
  '社会保险断缴问题',
  '试用期解除劳动合同',
  '年休假工资',
  '劳动仲裁申请材料',
  '法律援助申请条件',
];

export const ENTERPRISE_TOPICS: readonly string[] = [
  '经济性裁员程序',
  '集体合同签订与备案',
  '规章制度民主程序',
  '劳务派遣用工比例',
  '竞业限制协议效力',
  '工资集体协商要约',
  '停工停产期间工资支付',
  '农民工工资专用账户管理',
];

export const CONSULTATION_ANSWERS: readonly string[] = [
  '告知相关法律规定及维权途径，建议先行协商或申请工会调解。',
  '解释法律条文并提供计算方法，提示保留工资条、考勤记录等证据。',
  '告知可向劳动人事争议仲裁委员会申请仲裁，仲裁时效为一年。',
  '建议企业依法履行民主程序，并提供示范文本。',
  '符合法律援助条件，已转介司法局法律援助中心。',
];

export const SUGGESTION_SUBJECTS: readonly (readonly [string, string])[] = [
  ['规范劳动合同签订', '审理中发现该企业多名职工未签订书面劳动合同，建议规范用工管理，及时签订劳动合同。'],
  ['加强在建工程农民工工资支付监管', '近期涉建筑施工企业追索劳动报酬案件集中，建议加强工资专用账户和实名制管理监督。'],
  ['完善经济性裁员程序', '建议企业裁员前依法向工会说明情况、听取意见，并向劳动行政部门报告裁员方案。'],
  ['依法足额缴纳社会保险', '审理中发现企业未依法为职工缴纳社会保险，建议依法补缴并完善内部管理。'],
  ['完善规章制度民主程序', '建议企业规章制度经职工代表大会讨论并公示，避免因程序瑕疵引发争议。'],
];

export const HARDSHIP_EVIDENCE: readonly string[] = [
  '户籍所在地街道办事处出具的经济困难证明',
  '最低生活保障证及家庭收入情况说明',
  '失业登记证明及家庭经济状况申报表',
  '低收入家庭认定证明',
];

export const WORK_INJURY_EVIDENCE = '工伤认定决定书及劳动能力鉴定结论书';

export const OTHER_AID_EVIDENCE: readonly string[] = ['残疾人证', '特困供养人员证明'];

/** A suggestion to the justice bureau about legal publicity, not aimed at one enterprise. */
export const PUBLICITY_SUGGESTION: readonly [string, string] = [
  '加强园区劳动法律普法宣传',
  '近期劳动争议案件中职工证据意识薄弱、企业用工不规范问题较为突出，建议联合开展“送法进园区”普法宣传活动。',
];
