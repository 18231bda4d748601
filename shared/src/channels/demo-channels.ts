import { Department } from '../context/principal';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;

/** The department ADMINs who agreed the demo channels at the joint meeting. */
export const DEMO_CHANNEL_ADMINS: Record<Department, { subject: string; name: string }> = {
  HR_BUREAU: { subject: 'demo-admin-hr-bureau', name: '人社局信息化管理员' },
  UNION: { subject: 'demo-admin-union', name: '总工会信息化管理员' },
  COURT: { subject: 'demo-admin-court', name: '法院信息化管理员' },
  JUSTICE: { subject: 'demo-admin-justice', name: '司法局信息化管理员' },
};

/** One seed channel: its code, provider and content (validity comes from the demo day: `demoChannelValidity`). */
export interface DemoChannel {
  code: string;
  provider: Department;
  consumers: Department[];
  grants: Array<{ typeName: string; fields: string[] }>;
  /** The scope kind of the records it grants its fields for (shared/src/channels/scope-catalogue.ts). */
  scope: string;
  purpose: string;
  legalBasis: string;
}

/**
 * The channels the seeds describe: the labour bureau's wage-arrears warnings and layoff reports to the
 * union, arbitration outcomes to the court, the union's referrals to legal aid, and the court's judicial
 * suggestions back to the labour bureau; and two the joint meeting's merged view needs: legal aid's
 * reply to the union's referrals and the court's enforcement results. Only SHARED and PERSONAL fields
 * (a test checks them against the field catalogue).
 */
export const DEMO_CHANNELS: readonly DemoChannel[] = [
  {
    code: 'HR-UNION-ARREARS',
    provider: HR_BUREAU,
    consumers: [UNION],
    grants: [
      { typeName: 'WageArrearsAlert', fields: ['project', 'amountOwed'] },
      // The union reaches the workers owed wages to organise help: names and phones only, no ID numbers.
      { typeName: 'Worker', fields: ['name', 'phone'] },
    ],
    // Open warnings, and the workers of an enterprise under one: not the whole worker register.
    scope: 'HR_OPEN_WAGE_ARREARS',
    purpose: '欠薪预警信息推送工会：工会组织参与欠薪隐患排查化解，联系受影响职工提供帮扶和法律服务。',
    legalBasis: '《劳动保障监察条例》第七条（工会对用人单位遵守劳动保障法律法规的情况进行监督）；《保障农民工工资支付条例》第八条',
  },
  {
    code: 'HR-UNION-LAYOFF',
    provider: HR_BUREAU,
    consumers: [UNION],
    grants: [{ typeName: 'LayoffReport', fields: ['reason', 'placementPlan'] }],
    // Layoffs whose placements are still followed, not the archive.
    scope: 'HR_CURRENT_LAYOFFS',
    purpose: '经济性裁员报告通报工会：工会跟踪裁员方案和职工安置落实情况。',
    legalBasis: '《中华人民共和国劳动合同法》第四十一条（裁减人员方案听取工会意见并向劳动行政部门报告）',
  },
  {
    code: 'HR-COURT-ARBITRATION',
    provider: HR_BUREAU,
    consumers: [COURT],
    grants: [
      { typeName: 'ArbitrationCase', fields: ['claims', 'claimAmount', 'awardSummary'] },
      { typeName: 'Party', fields: ['name', 'idNumber'] },
    ],
    // Cases that ended, which may come to court next, and their applicants; not cases still before the commission.
    scope: 'HR_ENDED_ARBITRATION',
    purpose: '仲裁结果推送法院：裁审衔接，法院审理不服仲裁裁决起诉的案件时调阅仲裁请求与裁决要旨。',
    legalBasis:
      '《关于建立劳动人事争议仲裁与诉讼衔接机制的意见》（人社部发〔2017〕70号）；《中华人民共和国劳动争议调解仲裁法》第四十八条、第五十条',
  },
  {
    code: 'UNION-JUSTICE-REFERRAL',
    provider: UNION,
    consumers: [JUSTICE],
    grants: [
      { typeName: 'LegalConsultation', fields: ['topic', 'answerSummary'] },
      { typeName: 'MediationCase', fields: ['claims', 'agreement'] },
      { typeName: 'Party', fields: ['name', 'idNumber'] },
    ],
    // Only the disputes referred to legal aid over this channel: not, say, the recipients of the union's hardship aid.
    scope: 'UNION_REFERRED_DISPUTES',
    purpose: '工会法律咨询和调解案件转介法律援助：法律援助中心受理转介的职工时了解诉求和调解情况。',
    legalBasis: '《中华人民共和国法律援助法》第六十八条（群团组织开展法律援助）；《中华人民共和国工会法》',
  },
  {
    // "A receiving department must respond" (docs/domain.md): legal aid tells the union what became of its referrals,
    // which is also what the joint meeting's merged view of an enterprise shows.
    code: 'JUSTICE-UNION-REFERRAL-REPLY',
    provider: JUSTICE,
    consumers: [UNION],
    grants: [{ typeName: 'LegalAidCase', fields: ['eligibilityBasis'] }],
    // Only the cases of disputes that came through the union.
    scope: 'JUSTICE_UNION_DISPUTES',
    purpose: '法律援助受理情况反馈工会：工会转介的职工是否获得法律援助及其依据，供工会跟踪帮扶和双月沟通会研判。',
    legalBasis: '《中华人民共和国法律援助法》第四十三条、第六十八条',
  },
  {
    // The joint meeting (union, labour bureau, court) follows whether workers' awards are actually paid.
    code: 'COURT-UNION-ENFORCEMENT',
    provider: COURT,
    consumers: [UNION],
    grants: [{ typeName: 'EnforcementCase', fields: ['amount', 'recoveredAmount'] }],
    // Enforcement still running or recently ended.
    scope: 'COURT_CURRENT_ENFORCEMENT',
    purpose: '劳动争议执行情况通报工会：工会跟踪职工胜诉款项执行到位情况，在双月沟通会上研判欠薪化解。',
    legalBasis: '《最高人民法院 中华全国总工会关于在部分地区开展劳动争议多元化解试点工作的意见》',
  },
  {
    code: 'COURT-HR-SUGGESTIONS',
    provider: COURT,
    consumers: [HR_BUREAU],
    grants: [{ typeName: 'JudicialSuggestion', fields: ['subject', 'content'] }],
    // Only the suggestions addressed to the labour bureau.
    scope: 'COURT_SUGGESTIONS_TO_CONSUMER',
    purpose: '司法建议抄送人社局：人社局据以改进劳动保障监察和仲裁工作，并按期书面回复。',
    legalBasis: '《最高人民法院关于加强司法建议工作的意见》（法〔2012〕74号）',
  },
];

/**
 * The validity of every demo channel: in force from New Year of the demo year until the end of the year
 * after next, so that they also grant on the real calendar day the services run.
 */
export function demoChannelValidity(asOf: string): { validFrom: string; validUntil: string } {
  const year = Number(asOf.slice(0, 4));
  return { validFrom: `${year}-01-01`, validUntil: `${year + 2}-12-31` };
}
