import { addDays, Department } from '@labour/shared';
import type { AgendaItem } from '../../subgraphs/union/src/meeting/agenda-item.entity';
import type { Decision, FollowUp } from '../../subgraphs/union/src/meeting/decision.entity';
import type { JointMeeting } from '../../subgraphs/union/src/meeting/joint-meeting.entity';
import { STORY_ENTERPRISES } from './story';
import type { EntityRow, IsoDate } from './world.types';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;

/** Stable ids, so that the demo meetings can be named in examples and tests. */
export const DEMO_MEETING_IDS = {
  /** The last bimonthly meeting, two months ago: CLOSED, with minutes and decisions. */
  past: '3c1d0b7e-5a2f-4c61-9d1e-000000000401',
  /** The next one, in two weeks: PLANNED, its agenda the seeds' stories. */
  planned: '3c1d0b7e-5a2f-4c61-9d1e-000000000402',
} as const;

/** An agenda item; its meeting and position are where it stands in `DemoJointMeeting.agenda`. */
export type DemoAgendaItem = EntityRow<AgendaItem, 'meetingId' | 'position', 'enterpriseCreditCode' | 'disputeNo' | 'topic'>;
export type DemoFollowUp = EntityRow<FollowUp, 'decisionId'>;

export interface DemoDecision extends EntityRow<Decision, 'meetingId', 'status'> {
  /** When it was recorded during the meeting. */
  recordedAt: Date;
  followUps: DemoFollowUp[];
}

export interface DemoJointMeeting extends EntityRow<JointMeeting, never, 'status' | 'minutes' | 'startedAt' | 'closedAt'> {
  id: string;
  agenda: DemoAgendaItem[];
  decisions: DemoDecision[];
}

const PLACE = '北京经济技术开发区职工服务中心三楼会议室';
const ALL = [UNION, HR_BUREAU, COURT, JUSTICE];
const PARTICIPANTS = [
  { name: '刘建华', department: UNION, role: '开发区总工会副主席（主持人）' },
  { name: '陈晓燕', department: UNION, role: '职工服务中心主任' },
  { name: '王志强', department: HR_BUREAU, role: '劳动保障监察大队队长' },
  { name: '李秀梅', department: HR_BUREAU, role: '劳动人事争议仲裁院副院长' },
  { name: '张卫东', department: COURT, role: '民事审判庭庭长' },
  { name: '赵丽娟', department: JUSTICE, role: '法律援助中心主任' },
];

/** 09:30 China time on `day`. */
const at = (day: string) => new Date(`${day}T09:30:00+08:00`);

/** The dispute of the construction story on the planned agenda: the crew's collective mediation, the one with most applicants. */
export function storyDisputeNo(
  mediationCases: ReadonlyArray<{ enterpriseCreditCode: string; disputeNo: string; workers: readonly unknown[] }>,
): string {
  const ofBuilder = mediationCases.filter((c) => c.enterpriseCreditCode === STORY_ENTERPRISES.constructionArrears);
  const collective = [...ofBuilder].sort((a, b) => b.workers.length - a.workers.length || a.disputeNo.localeCompare(b.disputeNo))[0];
  if (!collective) throw new Error('the demo world has no mediation case of the construction story');
  return collective.disputeNo;
}

/**
 * The demo's joint meetings, dated from the as-of day: the last one (61 days ago, CLOSED, decisions done,
 * open and overdue) and the next one (in 14 days, PLANNED) whose agenda holds the seeds' stories.
 */
export function demoJointMeetings(asOf: IsoDate, constructionDisputeNo: string): DemoJointMeeting[] {
  const A = asOf;
  const pastDay = addDays(A, -61);
  const decisions = [
    {
      summary: '联合约谈北京京开建工集团有限公司，督促制定欠薪清偿计划。',
      leadDepartment: HR_BUREAU,
      participatingDepartments: [UNION],
      dueOn: addDays(pastDay, 20),
      status: 'DONE' as const,
      followUps: [{ on: addDays(pastDay, 18), by: UNION, note: '已于约谈会上签署清偿承诺书，首期款项已支付。', result: '已落实' }],
    },
    {
      summary: '对该企业涉及的劳动争议执行案件优先立案、优先执行。',
      leadDepartment: COURT,
      participatingDepartments: [HR_BUREAU],
      dueOn: addDays(pastDay, 45),
      status: 'OPEN' as const,
      followUps: [{ on: addDays(pastDay, 50), by: UNION, note: '执行案件已立案，尚未执行到位。', result: '仍在推进' }],
    },
    {
      summary: '为建筑施工领域农民工开通法律援助绿色通道，免于经济困难审查。',
      leadDepartment: JUSTICE,
      participatingDepartments: [UNION],
      dueOn: addDays(pastDay, 30),
      status: 'DONE' as const,
      followUps: [{ on: addDays(pastDay, 28), by: UNION, note: '绿色通道已开通，工会转介案件当日受理。', result: '已落实' }],
    },
    {
      summary: '开展建筑施工领域工资支付专项检查。',
      leadDepartment: HR_BUREAU,
      participatingDepartments: [UNION, COURT],
      dueOn: addDays(A, -5),
      status: 'OPEN' as const,
      followUps: [],
    },
    {
      summary: '制定新就业形态劳动者劳动争议调解工作指引。',
      leadDepartment: UNION,
      participatingDepartments: [HR_BUREAU, JUSTICE],
      dueOn: addDays(A, 10),
      status: 'OPEN' as const,
      followUps: [],
    },
  ];
  const past: DemoJointMeeting = {
    id: DEMO_MEETING_IDS.past,
    kind: 'REGULAR_BIMONTHLY',
    scheduledAt: at(pastDay),
    place: PLACE,
    convenedBy: UNION,
    participatingDepartments: ALL,
    participants: PARTICIPANTS,
    status: 'CLOSED',
    startedAt: at(pastDay),
    closedAt: new Date(at(pastDay).getTime() + 2.5 * 3600_000),
    minutes:
      '会议通报了近两个月全区劳动争议受理、调解、仲裁和诉讼情况。会议认为，建筑施工领域欠薪风险突出，北京京开建工集团有限公司已有职工经仲裁、诉讼仍未获清偿，' +
      '须联合约谈并优先执行；新就业形态劳动者维权渠道需进一步畅通。会议议定事项由牵头单位负责落实，职工服务中心跟踪回访，下次会议通报。',
    agenda: [
      {
        enterpriseCreditCode: STORY_ENTERPRISES.constructionArrears,
        subjectKind: 'ENTERPRISE',
        raisedBy: COURT,
        reason: '该企业职工胜诉后工资仍未支付，执行难度大，且仍在承建安置房项目，存在群体性欠薪风险。',
      },
      {
        topic: '新就业形态劳动者劳动争议多元化解',
        subjectKind: 'TOPIC',
        raisedBy: UNION,
        reason: '平台配送员咨询量上升，劳动关系认定争议多，需明确各部门衔接。',
      },
    ],
    // Recorded one minute apart during the meeting: the loader lists them in that order.
    decisions: decisions.map((d, i) => ({ ...d, recordedAt: new Date(at(pastDay).getTime() + (i + 1) * 60_000) })),
  };
  const planned: DemoJointMeeting = {
    id: DEMO_MEETING_IDS.planned,
    kind: 'REGULAR_BIMONTHLY',
    scheduledAt: at(addDays(A, 14)),
    place: PLACE,
    convenedBy: UNION,
    participatingDepartments: ALL,
    participants: PARTICIPANTS,
    agenda: [
      {
        enterpriseCreditCode: STORY_ENTERPRISES.electronicsLayoff,
        subjectKind: 'ENTERPRISE',
        raisedBy: HR_BUREAU,
        reason: '已报告拟裁减人员200名，须核实裁员程序和经济补偿，防范集体劳动争议。',
      },
      {
        enterpriseCreditCode: STORY_ENTERPRISES.chipMakerHiring,
        subjectKind: 'ENTERPRISE',
        raisedBy: UNION,
        reason: '正在扩产招工，可组织专场招聘，优先录用被裁减职工。',
      },
      {
        enterpriseCreditCode: STORY_ENTERPRISES.constructionArrears,
        subjectKind: 'ENTERPRISE',
        raisedBy: HR_BUREAU,
        reason: '安置房项目红色欠薪预警，整改逾期未完成；上次会议议定的优先执行尚未落实。',
      },
      {
        disputeNo: constructionDisputeNo,
        subjectKind: 'DISPUTE',
        raisedBy: UNION,
        reason: '农民工集体调解逾期未达成协议，已申请仲裁并获法律援助，须各环节衔接、加快审理。',
      },
    ],
    decisions: [],
  };
  return [past, planned];
}
