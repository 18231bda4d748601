import { addDays, Department, Role } from '@labour/shared';
import { TEST_AS_OF } from '../support/subgraph-harness';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { DEMO_MEETING_IDS } from '@labour/demo-world';
import { useStack } from '../support/stack';
import { asPrincipal } from '../support/tokens';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;
const { CASEWORKER, COORDINATOR } = Role;
const today = TEST_AS_OF;

/** The merged view: per agenda item, what all four departments know of its enterprise or dispute. */
const MEETING_VIEW = /* GraphQL */ `
  query MeetingView($id: ID!) {
    jointMeeting(id: $id) {
      status participants { name department role } minutes
      agenda {
        position subjectKind raisedBy
        enterprise {
          creditCode name employeeCount
          inspections { inspectionNo status rectificationDueOn }
          wageArrearsAlerts { project level amountOwed open }
          layoffReports { plannedCount effectiveOn placementPlan }
          arbitrationCases { caseNo status dueOn overdue awardSummary }
          unionOrganization { name }
          collectiveContracts { inForce expiresOn }
          mediationCases { caseNo status dueOn overdue claims workers { name } }
          lawsuits { caseNo stage judgmentSummary }
          enforcementCases { caseNo status amount }
          legalAidCases { caseNo status eligibilityBasis }
          peopleMediationCases { caseNo status dueOn overdue }
        }
        dispute {
          disputeNo
          mediationCases { caseNo dueOn overdue outcome claims }
          arbitrationCases { caseNo status dueOn overdue }
          lawsuits { caseNo stage dueOn overdue }
          legalAidCases { caseNo status decisionDueOn overdue applicant { name } }
        }
      }
      decisions { summary leadDepartment dueOn status overdue followUps { on by result } }
    }
  }
`;

const MEETING = `id version status minutes agenda { position subjectKind enterpriseCreditCode disputeNo topic raisedBy }
  decisions { id summary leadDepartment participatingDepartments dueOn status overdue followUps { on by note result } }`;
const mutation = (name: string, input: string) => `mutation ($input: ${input}!) { ${name}(input: $input) { ${MEETING} } }`;
const SCHEDULE = mutation('scheduleJointMeeting', 'ScheduleJointMeetingInput');
const ADD_ITEM = mutation('addAgendaItem', 'AddAgendaItemInput');
const START = mutation('startJointMeeting', 'JointMeetingVersionInput');
const DECIDE = mutation('recordDecision', 'RecordDecisionInput');
const FOLLOW_UP = mutation('recordFollowUp', 'RecordFollowUpInput');
const CLOSE = mutation('closeJointMeeting', 'CloseJointMeetingInput');

const unionCoordinator = asPrincipal(UNION, COORDINATOR);
const hrCoordinator = asPrincipal(HR_BUREAU, COORDINATOR);
const courtCaseworker = asPrincipal(COURT, CASEWORKER);

/** Each error as "path without list indices: code", sorted and without repeats. */
const errorPaths = (errors: Array<{ path?: unknown[]; extensions?: Record<string, unknown> }> = []) =>
  [...new Set(errors.map((e) => `${(e.path ?? []).filter((p) => typeof p === 'string').join('.')}: ${e.extensions?.['code']}`))].sort();

describe('the joint meeting through the gateway', () => {
  // The providers read the registry once at start and not again during the tests: their polls of the
  // union subgraph would otherwise fall into the statement counts at random.
  const stack = useStack({ demo: true, channels: { refreshMs: 600_000, staleAfterMs: 3_600_000 } });

  async function ok<T = any>(query: string, variables: Record<string, unknown>, headers = unionCoordinator): Promise<T> {
    const { body } = await stack.query(query, variables, headers);
    expect(body.errors).toBeUndefined();
    return Object.values(body.data as Record<string, T>)[0]!;
  }

  async function scheduleMeeting(participatingDepartments: Department[]) {
    return ok(SCHEDULE, {
      input: {
        kind: 'AD_HOC',
        scheduledAt: `${today}T06:00:00.000Z`,
        place: '职工服务中心二楼会议室',
        participatingDepartments,
        participants: [{ name: '刘建华', department: UNION, role: '主持人' }],
      },
    });
  }

  it('runs a meeting from schedule to follow-up with real tokens, each change by a COORDINATOR of a participating department', async () => {
    const { id } = await scheduleMeeting([UNION, HR_BUREAU, COURT]);
    await ok(
      ADD_ITEM,
      { input: { meetingId: id, version: 1, enterpriseCreditCode: STORY_ENTERPRISES.constructionArrears, reason: '红色欠薪预警' } },
      hrCoordinator,
    );
    for (const [headers, message] of [
      [courtCaseworker, 'Only a COORDINATOR may change the agenda of a joint meeting'],
      [
        asPrincipal(JUSTICE, COORDINATOR),
        'Only a COORDINATOR of a participating department (UNION, HR_BUREAU, COURT) may change the agenda of this joint meeting',
      ],
    ] as const) {
      const { body } = await stack.query(ADD_ITEM, { input: { meetingId: id, version: 2, topic: '越权', reason: '试' } }, headers);
      expect(body).toEqual({
        data: null,
        errors: [expect.objectContaining({ message, extensions: { code: 'FORBIDDEN' }, path: ['addAgendaItem'] })],
      });
    }
    await ok(START, { input: { meetingId: id, version: 2 } }, asPrincipal(COURT, COORDINATOR));
    const decided = await ok(DECIDE, {
      input: {
        meetingId: id,
        version: 3,
        summary: '优先执行欠薪案件',
        leadDepartment: COURT,
        participatingDepartments: [HR_BUREAU],
        dueOn: addDays(today, 30),
      },
    });
    const closed = await ok(CLOSE, { input: { meetingId: id, version: 4, minutes: '会议议定法院优先执行。' } });
    expect(closed).toMatchObject({
      version: 5,
      status: 'CLOSED',
      minutes: '会议议定法院优先执行。',
      agenda: [{ position: 1, subjectKind: 'ENTERPRISE', raisedBy: HR_BUREAU }],
    });
    const followed = await ok(
      FOLLOW_UP,
      {
        input: {
          meetingId: id,
          version: 5,
          decisionId: decided.decisions[0].id,
          on: today,
          note: '已立案执行',
          result: '已落实',
          decisionStatus: 'DONE',
        },
      },
      asPrincipal(COURT, COORDINATOR),
    );
    expect(followed.decisions).toEqual([
      {
        id: decided.decisions[0].id,
        summary: '优先执行欠薪案件',
        leadDepartment: COURT,
        participatingDepartments: [HR_BUREAU],
        dueOn: addDays(today, 30),
        status: 'DONE',
        overdue: false,
        followUps: [{ on: today, by: COURT, note: '已立案执行', result: '已落实' }],
      },
    ]);
    const stale = await stack.query(CLOSE, { input: { meetingId: id, version: 4, minutes: '重复' } });
    expect(stale.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT', currentVersion: 6 } })]);
  });

  it("shows the planned meeting's merged view to a UNION COORDINATOR and a COURT CASEWORKER, each within their permissions", async () => {
    const asUnion = await stack.query(MEETING_VIEW, { id: DEMO_MEETING_IDS.planned }, unionCoordinator);
    const asCourt = await stack.query(MEETING_VIEW, { id: DEMO_MEETING_IDS.planned }, courtCaseworker);
    const construction = (body: any) => body.data.jointMeeting.agenda[2].enterprise;
    const story = (body: any) => body.data.jointMeeting.agenda[3].dispute;
    // The meeting's chair, by the name each may see.
    const chair = (name: string) => ({ name, department: UNION, role: '开发区总工会副主席（主持人）' });
    // What both see alike of the construction firm: its name, its size and the court's enforcement case.
    const constructionSeenByBoth = {
      name: '北京京开建工集团有限公司',
      employeeCount: 420,
      enforcementCases: [{ caseNo: '（2026）京0115执55号', status: 'OPEN', amount: '57470.00' }],
    };

    // The union's coordinator: its own records in full, the labour bureau's arrears and layoff plans and the
    // justice bureau's eligibility through their channels; award and judgment summaries are not shared with it.
    expect(errorPaths(asUnion.body.errors)).toEqual([
      'jointMeeting.agenda.enterprise.arbitrationCases.awardSummary: FORBIDDEN',
      'jointMeeting.agenda.enterprise.lawsuits.judgmentSummary: FORBIDDEN',
    ]);
    expect(asUnion.body.data.jointMeeting.participants[0]).toEqual(chair('刘建华'));
    expect(construction(asUnion.body)).toMatchObject({
      ...constructionSeenByBoth,
      creditCode: STORY_ENTERPRISES.constructionArrears,
      inspections: [{ inspectionNo: 'JC-2026-00001', status: 'RECTIFYING', rectificationDueOn: '2026-11-02' }],
      wageArrearsAlerts: [{ project: '亦庄新城C2地块安置房项目', level: 'RED', amountOwed: '486300.00', open: true }],
      unionOrganization: null,
      collectiveContracts: [],
    });
    expect(construction(asUnion.body).arbitrationCases.map((c: any) => [c.caseNo, c.status, c.awardSummary])).toEqual([
      ['京开劳人仲字〔2026〕第0002号', 'ACCEPTED', null],
      ['京开劳人仲字〔2026〕第0001号', 'CLOSED', null],
    ]);
    expect(construction(asUnion.body).mediationCases.map((c: any) => [c.caseNo, c.claims.slice(0, 10), c.workers.slice(0, 2)])).toEqual([
      ['京开工调字〔2026〕第0003号', '12名申请人共同请求', [{ name: '王辉勇' }, { name: '刘杰' }]],
    ]);
    expect(construction(asUnion.body).legalAidCases.map((c: any) => c.eligibilityBasis)).toEqual(Array(4).fill('MIGRANT_WAGE_CLAIM'));
    expect(asUnion.body.data.jointMeeting.agenda[0].enterprise.layoffReports[0].placementPlan).toMatch(/^公司已提前30日向工会说明情况/);
    // The dispute's stages, each with its legal deadline and flag; the legal-aid applicants' names are the justice bureau's.
    expect(story(asUnion.body)).toEqual({
      disputeNo: expect.stringMatching(/^LD-UN-2026-\d{6}$/),
      mediationCases: [
        {
          caseNo: '京开工调字〔2026〕第0003号',
          dueOn: '2026-11-05',
          overdue: false,
          outcome: 'LAPSED',
          claims: '12名申请人共同请求：1.支付2026年7月至9月拖欠工资100620.00元。',
        },
      ],
      arbitrationCases: [{ caseNo: '京开劳人仲字〔2026〕第0002号', status: 'ACCEPTED', dueOn: '2026-12-25', overdue: false }],
      lawsuits: [],
      legalAidCases: ['孙*', '付*', '刘*', '王*'].map((name, i) => ({
        caseNo: `京开法援〔2026〕第000${4 - i}号`,
        status: 'GRANTED',
        decisionDueOn: '2026-11-13',
        overdue: false,
        applicant: { name },
      })),
    });

    // The court's caseworker: the same items, its own judgment summary and the award (through the arbitration
    // channel), but no claims, arrears, layoff plans or eligibility, and every name masked.
    // The arbitration channel opens the award of an ended case only: not of 0002, still before the commission.
    expect(errorPaths(asCourt.body.errors)).toEqual([
      'jointMeeting.agenda.dispute.mediationCases.claims: FORBIDDEN',
      'jointMeeting.agenda.enterprise.arbitrationCases.awardSummary: FORBIDDEN',
      'jointMeeting.agenda.enterprise.layoffReports.placementPlan: FORBIDDEN',
      'jointMeeting.agenda.enterprise.legalAidCases.eligibilityBasis: FORBIDDEN',
      'jointMeeting.agenda.enterprise.mediationCases.claims: FORBIDDEN',
      'jointMeeting.agenda.enterprise.wageArrearsAlerts.amountOwed: FORBIDDEN',
      'jointMeeting.agenda.enterprise.wageArrearsAlerts.project: FORBIDDEN',
    ]);
    expect(asCourt.body.data.jointMeeting.participants[0]).toEqual(chair('刘*'));
    expect(construction(asCourt.body)).toMatchObject({
      ...constructionSeenByBoth,
      wageArrearsAlerts: [{ project: null, level: 'RED', amountOwed: null, open: true }],
    });
    expect(construction(asCourt.body).arbitrationCases[1].awardSummary).toMatch(/^裁决被申请人于本裁决/);
    expect(construction(asCourt.body).lawsuits.map((c: any) => [c.caseNo, c.judgmentSummary.slice(0, 10)])).toEqual([
      ['（2026）京0115民初18号', '判决被告于判决生效之'],
    ]);
    expect(construction(asCourt.body).mediationCases.map((c: any) => [c.claims, c.workers.slice(0, 2)])).toEqual([
      [null, [{ name: '王*' }, { name: '刘*' }]],
    ]);
    expect(construction(asCourt.body).legalAidCases.map((c: any) => c.eligibilityBasis)).toEqual(Array(4).fill(null));
    expect(asCourt.body.data.jointMeeting.agenda[0].enterprise.layoffReports).toEqual([
      { plannedCount: 200, effectiveOn: '2026-11-10', placementPlan: null },
    ]);
    expect(story(asCourt.body).mediationCases[0]).toEqual({
      caseNo: '京开工调字〔2026〕第0003号',
      dueOn: '2026-11-05',
      overdue: false,
      outcome: 'LAPSED',
      claims: null,
    });
    expect(story(asCourt.body).arbitrationCases).toEqual(story(asUnion.body).arbitrationCases);
  });

  it('shows the open and overdue notices about its agenda subjects to the departments that sent or received them', async () => {
    const NOTICES = `query ($id: ID!) { jointMeeting(id: $id) { agenda { enterprise { creditCode notices { kind sender recipient status overdue } } } } }`;
    const noticesAbout = async (headers: Record<string, string>) => {
      const { body } = await stack.query(NOTICES, { id: DEMO_MEETING_IDS.planned }, headers);
      expect(body.errors).toBeUndefined();
      const items = body.data.jointMeeting.agenda as Array<{ enterprise: { creditCode: string; notices: unknown[] } | null }>;
      return items.find((item) => item.enterprise?.creditCode === STORY_ENTERPRISES.electronicsLayoff)!.enterprise!.notices;
    };
    // The labour bureau reported the layoff to the union twelve days ago; the union acknowledged but has not answered (T+2).
    const layoffNotice = { kind: 'LAYOFF', sender: 'HR_BUREAU', recipient: 'UNION', status: 'ACKNOWLEDGED', overdue: true };
    expect(await noticesAbout(unionCoordinator)).toEqual([layoffNotice]);
    expect(await noticesAbout(asPrincipal(HR_BUREAU, CASEWORKER))).toEqual([layoffNotice]);
    expect(await noticesAbout(courtCaseworker)).toEqual([]);
  });

  it('answers the merged view with the same SQL statements per subgraph for 5 and for 50 agenda items', async () => {
    const { body } = await stack.query(`{ enterprises(first: 80) { nodes { creditCode arbitrationCases { disputeNo } } } }`);
    expect(body.errors).toBeUndefined();
    const stories = Object.values(STORY_ENTERPRISES) as string[];
    const others = body.data.enterprises.nodes.filter((n: any) => !stories.includes(n.creditCode));
    const disputesOfOthers = [...new Set<string>(others.flatMap((n: any) => n.arbitrationCases.map((c: any) => c.disputeNo)))];
    const planned = await ok(`query ($id: ID!) { jointMeeting(id: $id) { agenda { disputeNo } } }`, { id: DEMO_MEETING_IDS.planned });
    const storyDispute = planned.agenda[3].disputeNo as string;
    expect(disputesOfOthers.length).toBeGreaterThanOrEqual(9);

    const enterpriseItem = (creditCode: string) => ({ enterpriseCreditCode: creditCode, reason: '风险预警' });
    const disputeItem = (disputeNo: string) => ({ disputeNo, reason: '跨部门争议' });
    const five = [...stories.map(enterpriseItem), enterpriseItem(others[0].creditCode), disputeItem(storyDispute)];
    const fifty = [
      ...stories.map(enterpriseItem),
      ...others.slice(0, 37).map((n: any) => enterpriseItem(n.creditCode)),
      disputeItem(storyDispute),
      ...disputesOfOthers.slice(0, 9).map(disputeItem),
    ];
    expect([five.length, fifty.length]).toEqual([5, 50]);

    async function meetingWith(items: object[]): Promise<string> {
      const { id } = await scheduleMeeting([UNION, HR_BUREAU, COURT, JUSTICE]);
      let version = 1;
      for (const item of items) version = (await ok(ADD_ITEM, { input: { meetingId: id, version, ...item } })).version;
      await ok(START, { input: { meetingId: id, version } });
      await ok(DECIDE, {
        input: {
          meetingId: id,
          version: version + 1,
          summary: '联合约谈',
          leadDepartment: HR_BUREAU,
          participatingDepartments: [UNION],
          dueOn: today,
        },
      });
      return id;
    }
    async function statementsFor(id: string): Promise<Record<string, number>> {
      for (const running of stack.subgraphs.values()) running.subgraph.queries.reset();
      const { body: view } = await stack.query(MEETING_VIEW, { id });
      expect(view.data.jointMeeting.agenda).toHaveLength(id === small ? 5 : 50);
      return Object.fromEntries([...stack.subgraphs].map(([name, running]) => [name, running.subgraph.queries.count]));
    }
    const small = await meetingWith(five);
    const large = await meetingWith(fifty);
    const counts = { small: await statementsFor(small), large: await statementsFor(large) };
    expect(counts.large).toEqual(counts.small);
    // The union: meeting, agenda, decisions, follow-ups; organisations, contracts and mediation by enterprise; mediation by dispute.
    expect(counts.small['union']).toBe(8);
    expect(Object.values(counts.small).every((n) => n > 0)).toBe(true);
  });
});
