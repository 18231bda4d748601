import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, addWorkingDays, Department } from '@labour/shared';
import { Notice, NoticeKind, NoticeSeverity, NoticeStatus } from './notice.entity';
import { NOTICE_ANSWER_WORKING_DAYS } from './notice.service';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;
const { SENT, ACKNOWLEDGED, ANSWERED } = NoticeStatus;

/** The story enterprises (demo-world/src/story.ts), repeated here so that a production start never loads the generator. */
const CONSTRUCTION = '91110115102884310L';
const ELECTRONICS = '91110302802205163G';

/** The demo officials who acknowledged and answered, per department. */
const OFFICIALS: Record<Department, { subject: string; name: string }> = {
  HR_BUREAU: { subject: 'demo-caseworker-hr-bureau', name: '人社局劳动监察科' },
  UNION: { subject: 'demo-caseworker-union', name: '总工会职工服务中心' },
  COURT: { subject: 'demo-caseworker-court', name: '法院立案庭' },
  JUSTICE: { subject: 'demo-caseworker-justice', name: '法律援助中心' },
};

interface DemoNotice {
  key: string;
  channelCode: string;
  sender: Department;
  recipient: Department;
  kind: NoticeKind;
  severity: NoticeSeverity;
  subject: { enterpriseCreditCode: string } | { disputeNo: string };
  summary: string;
  /** Days before the demo date it was sent. */
  sentDaysAgo: number;
  status: NoticeStatus;
  answer?: string;
}

/**
 * Notices over the seed channels, in every state: answered, acknowledged and sent, some past their T+2
 * day (overdue), and the union's referral of the construction crew to legal aid, carrying its dispute
 * number so that legal aid's cases join the same dispute.
 */
function demoNotices(referralDisputeNo: string): DemoNotice[] {
  return [
    {
      key: 'demo-hr-arrears-red-alert', channelCode: 'HR-UNION-ARREARS', sender: HR_BUREAU, recipient: UNION,
      kind: NoticeKind.WAGE_ARREARS, severity: NoticeSeverity.MAJOR, subject: { enterpriseCreditCode: CONSTRUCTION },
      summary: '京开建工集团安置房项目拖欠58名农民工工资48.63万元，已发红色预警，请工会组织排查化解、联系受影响职工。',
      sentDaysAgo: 35, status: ANSWERED, answer: '已约谈项目负责人，组织12名职工申请调解，并转介法律援助。',
    },
    {
      key: 'demo-union-referral-legal-aid', channelCode: 'UNION-JUSTICE-REFERRAL', sender: UNION, recipient: JUSTICE,
      kind: NoticeKind.REFERRAL, severity: NoticeSeverity.MAJOR, subject: { disputeNo: referralDisputeNo },
      summary: '安置房项目农民工集体欠薪争议调解未果，转介法律援助中心，请依法为申请人提供法律援助（追索劳动报酬免予经济困难审查）。',
      sentDaysAgo: 16, status: ANSWERED, answer: '已受理4名农民工的法律援助申请并指派律师。',
    },
    {
      key: 'demo-hr-layoff-report', channelCode: 'HR-UNION-LAYOFF', sender: HR_BUREAU, recipient: UNION,
      kind: NoticeKind.LAYOFF, severity: NoticeSeverity.MAJOR, subject: { enterpriseCreditCode: ELECTRONICS },
      summary: '芯联电子报告经济性裁员200人，请工会跟踪裁员方案听取意见和职工安置落实情况。',
      sentDaysAgo: 12, status: ACKNOWLEDGED,
    },
    {
      key: 'demo-court-suggestion-arrears', channelCode: 'COURT-HR-SUGGESTIONS', sender: COURT, recipient: HR_BUREAU,
      kind: NoticeKind.JUDICIAL_SUGGESTION, severity: NoticeSeverity.ROUTINE, subject: { enterpriseCreditCode: CONSTRUCTION },
      summary: '京开建工集团欠薪案件执行不到位，建议加强工资保证金和农民工工资专用账户监管。',
      sentDaysAgo: 9, status: SENT,
    },
    {
      key: 'demo-court-enforcement-hazard', channelCode: 'COURT-UNION-ENFORCEMENT', sender: COURT, recipient: UNION,
      kind: NoticeKind.HAZARD, severity: NoticeSeverity.MAJOR, subject: { enterpriseCreditCode: CONSTRUCTION },
      summary: '京开建工集团名下暂无可供执行财产，职工胜诉款项执行困难，存在群体性上访隐患。',
      sentDaysAgo: 1, status: ACKNOWLEDGED,
    },
    {
      key: 'demo-hr-arrears-digest', channelCode: 'HR-UNION-ARREARS', sender: HR_BUREAU, recipient: UNION,
      kind: NoticeKind.WAGE_ARREARS, severity: NoticeSeverity.ROUTINE, subject: { enterpriseCreditCode: CONSTRUCTION },
      summary: '定期通报：京开建工集团欠薪整改期限已过，仍在整改中。',
      sentDaysAgo: 0, status: SENT,
    },
  ];
}

/** 09:30 in Beijing on `day`. */
const morningOf = (day: string) => new Date(`${day}T09:30:00+08:00`);

/** The dispute of the union's referral to legal aid in the construction story: its consultation names the crew's dispute. */
function referralDisputeNo(consultations: ReadonlyArray<{ referredToLegalAid: boolean; disputeNo: string | null; enterpriseCreditCode: string | null }>): string {
  const referral = consultations.find((c) => c.referredToLegalAid && c.disputeNo !== null && c.enterpriseCreditCode === CONSTRUCTION);
  if (!referral?.disputeNo) throw new Error('the demo world has no referral to legal aid in the construction story');
  return referral.disputeNo;
}

/** Loads the demo notices as of `asOf`, over the demo channels, about the seeds' stories. */
export async function loadDemoNotices(
  em: EntityManager,
  options: { asOf: string; consultations: Parameters<typeof referralDisputeNo>[0] },
): Promise<number> {
  const notices = demoNotices(referralDisputeNo(options.consultations));
  for (const n of notices) {
    const sentOn = addDays(options.asOf, -n.sentDaysAgo);
    const sentAt = morningOf(sentOn);
    // Acknowledged the next morning, answered the day after (on time or not, as the due day says).
    const acknowledged = n.status !== SENT;
    const answered = n.status === ANSWERED;
    em.create(Notice, {
      idempotencyKey: n.key, channelCode: n.channelCode, sender: n.sender, recipient: n.recipient, kind: n.kind, severity: n.severity,
      ...n.subject, summary: n.summary, sentAt, dueOn: addWorkingDays(sentOn, NOTICE_ANSWER_WORKING_DAYS), status: n.status,
      acknowledgedAt: acknowledged ? morningOf(addDays(sentOn, Math.min(1, n.sentDaysAgo))) : null,
      acknowledgedBy: acknowledged ? OFFICIALS[n.recipient] : null,
      answer: answered ? n.answer ?? null : null,
      answeredAt: answered ? morningOf(addDays(sentOn, 2)) : null,
      answeredBy: answered ? OFFICIALS[n.recipient] : null,
    });
  }
  await em.flush();
  return notices.length;
}
