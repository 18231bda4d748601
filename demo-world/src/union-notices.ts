import { addDays, Department } from '@labour/shared';
import type { Notice } from '../../subgraphs/union/src/notice/notice.entity';
import { STORY_ENTERPRISES } from './story';
import type { EntityRow, IsoDate } from './world.types';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;

/** A notice as the union stores it; the loader adds its due day (T+2 working days from `sentOn`). */
export interface DemoNotice extends EntityRow<Notice, 'dueOn' | 'personRef', 'enterpriseCreditCode' | 'disputeNo'> {
  /** The day it was sent, in China. */
  sentOn: IsoDate;
}

const CONSTRUCTION = STORY_ENTERPRISES.constructionArrears;
const ELECTRONICS = STORY_ENTERPRISES.electronicsLayoff;

/** The demo officials who acknowledged and answered, per department. */
const OFFICIALS: Record<Department, { subject: string; name: string }> = {
  HR_BUREAU: { subject: 'demo-caseworker-hr-bureau', name: '人社局劳动监察科' },
  UNION: { subject: 'demo-caseworker-union', name: '总工会职工服务中心' },
  COURT: { subject: 'demo-caseworker-court', name: '法院立案庭' },
  JUSTICE: { subject: 'demo-caseworker-justice', name: '法律援助中心' },
};

/** A notice as the story tells it. */
interface NoticeStory {
  key: string;
  channelCode: string;
  sender: Department;
  recipient: Department;
  kind: DemoNotice['kind'];
  severity: DemoNotice['severity'];
  subject: { enterpriseCreditCode: string } | { disputeNo: string };
  summary: string;
  /** Days before the demo date it was sent. */
  sentDaysAgo: number;
  status: DemoNotice['status'];
  answer?: string;
}

/**
 * Notices over the seed channels, in every state: answered, acknowledged and sent, some past their T+2
 * day (overdue), and the union's referral of the construction crew to legal aid, carrying its dispute
 * number so that legal aid's cases join the same dispute.
 */
function noticeStories(referralDisputeNo: string): NoticeStory[] {
  return [
    {
      key: 'demo-hr-arrears-red-alert',
      channelCode: 'HR-UNION-ARREARS',
      sender: HR_BUREAU,
      recipient: UNION,
      kind: 'WAGE_ARREARS',
      severity: 'MAJOR',
      subject: { enterpriseCreditCode: CONSTRUCTION },
      summary: '京开建工集团安置房项目拖欠58名农民工工资48.63万元，已发红色预警，请工会组织排查化解、联系受影响职工。',
      sentDaysAgo: 35,
      status: 'ANSWERED',
      answer: '已约谈项目负责人，组织12名职工申请调解，并转介法律援助。',
    },
    {
      key: 'demo-union-referral-legal-aid',
      channelCode: 'UNION-JUSTICE-REFERRAL',
      sender: UNION,
      recipient: JUSTICE,
      kind: 'REFERRAL',
      severity: 'MAJOR',
      subject: { disputeNo: referralDisputeNo },
      summary: '安置房项目农民工集体欠薪争议调解未果，转介法律援助中心，请依法为申请人提供法律援助（追索劳动报酬免予经济困难审查）。',
      sentDaysAgo: 16,
      status: 'ANSWERED',
      answer: '已受理4名农民工的法律援助申请并指派律师。',
    },
    {
      key: 'demo-hr-layoff-report',
      channelCode: 'HR-UNION-LAYOFF',
      sender: HR_BUREAU,
      recipient: UNION,
      kind: 'LAYOFF',
      severity: 'MAJOR',
      subject: { enterpriseCreditCode: ELECTRONICS },
      summary: '芯联电子报告经济性裁员200人，请工会跟踪裁员方案听取意见和职工安置落实情况。',
      sentDaysAgo: 12,
      status: 'ACKNOWLEDGED',
    },
    {
      key: 'demo-court-suggestion-arrears',
      channelCode: 'COURT-HR-SUGGESTIONS',
      sender: COURT,
      recipient: HR_BUREAU,
      kind: 'JUDICIAL_SUGGESTION',
      severity: 'ROUTINE',
      subject: { enterpriseCreditCode: CONSTRUCTION },
      summary: '京开建工集团欠薪案件执行不到位，建议加强工资保证金和农民工工资专用账户监管。',
      sentDaysAgo: 9,
      status: 'SENT',
    },
    {
      key: 'demo-court-enforcement-hazard',
      channelCode: 'COURT-UNION-ENFORCEMENT',
      sender: COURT,
      recipient: UNION,
      kind: 'HAZARD',
      severity: 'MAJOR',
      subject: { enterpriseCreditCode: CONSTRUCTION },
      summary: '京开建工集团名下暂无可供执行财产，职工胜诉款项执行困难，存在群体性上访隐患。',
      sentDaysAgo: 1,
      status: 'ACKNOWLEDGED',
    },
    {
      key: 'demo-hr-arrears-digest',
      channelCode: 'HR-UNION-ARREARS',
      sender: HR_BUREAU,
      recipient: UNION,
      kind: 'WAGE_ARREARS',
      severity: 'ROUTINE',
      subject: { enterpriseCreditCode: CONSTRUCTION },
      summary: '定期通报：京开建工集团欠薪整改期限已过，仍在整改中。',
      sentDaysAgo: 0,
      status: 'SENT',
    },
  ];
}

/** 09:30 in Beijing on `day`. */
const morningOf = (day: string) => new Date(`${day}T09:30:00+08:00`);

/** The dispute of the union's referral to legal aid in the construction story: its consultation names the crew's dispute. */
function referralDisputeNo(
  consultations: ReadonlyArray<{ referredToLegalAid: boolean; disputeNo: string | null; enterpriseCreditCode: string | null }>,
): string {
  const referral = consultations.find((c) => c.referredToLegalAid && c.disputeNo !== null && c.enterpriseCreditCode === CONSTRUCTION);
  if (!referral?.disputeNo) throw new Error('the demo world has no referral to legal aid in the construction story');
  return referral.disputeNo;
}

/** The demo notices as of `asOf`, over the demo channels, about the seeds' stories. */
export function demoNotices(asOf: IsoDate, consultations: Parameters<typeof referralDisputeNo>[0]): DemoNotice[] {
  return noticeStories(referralDisputeNo(consultations)).map((n) => {
    const sentOn = addDays(asOf, -n.sentDaysAgo);
    // Acknowledged the next morning, answered the day after (on time or not, as the due day says).
    const acknowledged = n.status !== 'SENT';
    const answered = n.status === 'ANSWERED';
    return {
      idempotencyKey: n.key,
      channelCode: n.channelCode,
      sender: n.sender,
      recipient: n.recipient,
      kind: n.kind,
      severity: n.severity,
      ...n.subject,
      summary: n.summary,
      sentOn,
      sentAt: morningOf(sentOn),
      status: n.status,
      acknowledgedAt: acknowledged ? morningOf(addDays(sentOn, Math.min(1, n.sentDaysAgo))) : null,
      acknowledgedBy: acknowledged ? OFFICIALS[n.recipient] : null,
      answer: answered ? (n.answer ?? null) : null,
      answeredAt: answered ? morningOf(addDays(sentOn, 2)) : null,
      answeredBy: answered ? OFFICIALS[n.recipient] : null,
    };
  });
}
