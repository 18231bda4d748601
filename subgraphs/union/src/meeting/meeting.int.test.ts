import { addDays, Department, Role } from '@labour/shared';
import { STORY_ENTERPRISES } from '@labour/demo-world';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';
import { DEMO_MEETING_IDS } from '@labour/demo-world';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;
const { CASEWORKER, COORDINATOR, ANALYST, ADMIN } = Role;
const today = TEST_AS_OF;

const MEETING = /* GraphQL */ `id version kind scheduledAt place convenedBy participatingDepartments status minutes
  participants { name department role }
  agenda { position subjectKind enterpriseCreditCode disputeNo topic raisedBy reason }
  decisions { summary leadDepartment participatingDepartments dueOn status overdue followUps { on by note result } }`;
const mutation = (name: string, input: string) => `mutation ($input: ${input}!) { ${name}(input: $input) { ${MEETING} } }`;
const SCHEDULE = mutation('scheduleJointMeeting', 'ScheduleJointMeetingInput');
const ADD_ITEM = mutation('addAgendaItem', 'AddAgendaItemInput');
const REMOVE_ITEM = mutation('removeAgendaItem', 'RemoveAgendaItemInput');
const START = mutation('startJointMeeting', 'JointMeetingVersionInput');
const DECIDE = mutation('recordDecision', 'RecordDecisionInput');
const FOLLOW_UP = mutation('recordFollowUp', 'RecordFollowUpInput');
const CLOSE = mutation('closeJointMeeting', 'CloseJointMeetingInput');
const LOOKUP = `query ($id: ID!) { jointMeeting(id: $id) { ${MEETING} } }`;

const unionCoordinator = asPrincipal(UNION, COORDINATOR);
const hrCoordinator = asPrincipal(HR_BUREAU, COORDINATOR);

const meetingInput = (extra: object = {}) => ({
  kind: 'AD_HOC',
  scheduledAt: `${today}T01:30:00.000Z`,
  place: '职工服务中心二楼会议室',
  participatingDepartments: [UNION, HR_BUREAU],
  participants: [
    { name: '刘建华', department: UNION, role: '主持人' },
    { name: '王志强', department: HR_BUREAU, role: '监察大队队长' },
  ],
  ...extra,
});

describe('joint meetings (union subgraph)', () => {
  const union = useSubgraph(unionSubgraph, { demo: true, principal: { department: UNION, roles: [COORDINATOR] } });

  async function ok<T = any>(query: string, variables: Record<string, unknown>, headers = unionCoordinator): Promise<T> {
    const { body } = await union.query(query, variables, headers);
    expect(body.errors).toBeUndefined();
    return Object.values(body.data as Record<string, T>)[0]!;
  }

  const schedule = (extra: object = {}) => ok(SCHEDULE, { input: meetingInput(extra) });

  it('holds the demo meetings: the last one CLOSED with decisions done, open and overdue; the next one PLANNED with the stories', async () => {
    const list = await ok(`{ jointMeetings { id status scheduledAt } }`, {}, asPrincipal(JUSTICE, ANALYST));
    expect(list).toEqual([
      { id: DEMO_MEETING_IDS.past, status: 'CLOSED', scheduledAt: `${addDays(TEST_AS_OF, -61)}T01:30:00.000Z` },
      { id: DEMO_MEETING_IDS.planned, status: 'PLANNED', scheduledAt: `${addDays(TEST_AS_OF, 14)}T01:30:00.000Z` },
    ]);
    const window = await ok(`query ($from: Date, $to: Date) { jointMeetings(from: $from, to: $to) { id } }`, {
      from: addDays(TEST_AS_OF, -61),
      to: addDays(TEST_AS_OF, -61),
    });
    expect(window).toEqual([{ id: DEMO_MEETING_IDS.past }]);
    expect(await ok(`{ jointMeetings(status: PLANNED, from: "${addDays(TEST_AS_OF, 14)}") { id } }`, {})).toEqual([
      { id: DEMO_MEETING_IDS.planned },
    ]);
    const backwards = await union.query(`{ jointMeetings(from: "2026-11-02", to: "2026-11-01") { id } }`);
    expect(backwards.body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'to', rule: 'must not be earlier than from (2026-11-02)' }),
      }),
    ]);
    const past = await ok(LOOKUP, { id: DEMO_MEETING_IDS.past });
    expect(past.minutes).toMatch(/^会议通报了近两个月/);
    const pastDay = addDays(TEST_AS_OF, -61);
    expect(
      past.decisions.map((d: any) => [d.leadDepartment, d.dueOn, d.status, d.overdue, d.followUps.map((f: any) => [f.on, f.by, f.result])]),
    ).toEqual([
      [HR_BUREAU, addDays(pastDay, 20), 'DONE', false, [[addDays(pastDay, 18), UNION, '已落实']]],
      [COURT, addDays(pastDay, 45), 'OPEN', true, [[addDays(pastDay, 50), UNION, '仍在推进']]],
      [JUSTICE, addDays(pastDay, 30), 'DONE', false, [[addDays(pastDay, 28), UNION, '已落实']]],
      [HR_BUREAU, addDays(TEST_AS_OF, -5), 'OPEN', true, []],
      [UNION, addDays(TEST_AS_OF, 10), 'OPEN', false, []],
    ]);
    const planned = await ok(
      `query ($id: ID!) { jointMeeting(id: $id) { status agenda { position subjectKind enterpriseCreditCode raisedBy
      enterprise { creditCode } dispute { disputeNo mediationCases { enterpriseCreditCode outcome workers { personRef } } } } } }`,
      { id: DEMO_MEETING_IDS.planned },
    );
    expect(planned.agenda.slice(0, 3)).toEqual([
      {
        position: 1,
        subjectKind: 'ENTERPRISE',
        enterpriseCreditCode: STORY_ENTERPRISES.electronicsLayoff,
        raisedBy: HR_BUREAU,
        enterprise: { creditCode: STORY_ENTERPRISES.electronicsLayoff },
        dispute: null,
      },
      {
        position: 2,
        subjectKind: 'ENTERPRISE',
        enterpriseCreditCode: STORY_ENTERPRISES.chipMakerHiring,
        raisedBy: UNION,
        enterprise: { creditCode: STORY_ENTERPRISES.chipMakerHiring },
        dispute: null,
      },
      {
        position: 3,
        subjectKind: 'ENTERPRISE',
        enterpriseCreditCode: STORY_ENTERPRISES.constructionArrears,
        raisedBy: HR_BUREAU,
        enterprise: { creditCode: STORY_ENTERPRISES.constructionArrears },
        dispute: null,
      },
    ]);
    // The fourth: the construction crew's collective mediation, which lapsed after 15 days (12 applicants).
    const [item] = planned.agenda.slice(3);
    expect(item).toMatchObject({ position: 4, subjectKind: 'DISPUTE', enterpriseCreditCode: null, raisedBy: UNION, enterprise: null });
    expect(item.dispute.disputeNo).toMatch(/^LD-UN-\d{4}-\d{6}$/);
    expect(item.dispute.mediationCases).toHaveLength(1);
    expect(item.dispute.mediationCases[0]).toMatchObject({
      enterpriseCreditCode: STORY_ENTERPRISES.constructionArrears,
      outcome: 'LAPSED',
    });
    expect(item.dispute.mediationCases[0].workers).toHaveLength(12);
  });

  it('goes through its whole life: scheduled, agenda added and removed, started, decided, followed up, closed with minutes', async () => {
    const scheduled = await schedule();
    expect(scheduled).toMatchObject({
      version: 1,
      kind: 'AD_HOC',
      status: 'PLANNED',
      convenedBy: UNION,
      participatingDepartments: [UNION, HR_BUREAU],
      minutes: null,
      agenda: [],
      decisions: [],
    });
    const id = scheduled.id;
    const first = await ok(ADD_ITEM, {
      input: { meetingId: id, version: 1, enterpriseCreditCode: STORY_ENTERPRISES.constructionArrears, reason: '红色欠薪预警' },
    });
    const second = await ok(
      ADD_ITEM,
      { input: { meetingId: id, version: 2, topic: '根治欠薪冬季专项行动', reason: '年底前部署' } },
      hrCoordinator,
    );
    const third = await ok(ADD_ITEM, { input: { meetingId: id, version: 3, disputeNo: 'LD-UN-2026-000001', reason: '集体争议' } });
    expect(third.version).toBe(4);
    expect(third.agenda).toEqual([
      // raisedBy: the department of the coordinator who added the item.
      {
        position: 1,
        subjectKind: 'ENTERPRISE',
        enterpriseCreditCode: STORY_ENTERPRISES.constructionArrears,
        disputeNo: null,
        topic: null,
        raisedBy: UNION,
        reason: '红色欠薪预警',
      },
      {
        position: 2,
        subjectKind: 'TOPIC',
        enterpriseCreditCode: null,
        disputeNo: null,
        topic: '根治欠薪冬季专项行动',
        raisedBy: HR_BUREAU,
        reason: '年底前部署',
      },
      {
        position: 3,
        subjectKind: 'DISPUTE',
        enterpriseCreditCode: null,
        disputeNo: 'LD-UN-2026-000001',
        topic: null,
        raisedBy: UNION,
        reason: '集体争议',
      },
    ]);
    expect([first.version, second.version]).toEqual([2, 3]);
    const ids = await ok(`query ($id: ID!) { jointMeeting(id: $id) { agenda { id } } }`, { id });
    const removed = await ok(REMOVE_ITEM, { input: { meetingId: id, version: 4, agendaItemId: ids.agenda[1].id } });
    expect(removed.agenda.map((a: any) => a.position)).toEqual([1, 3]);
    const started = await ok(START, { input: { meetingId: id, version: 5 } });
    expect([started.status, started.version]).toEqual(['IN_SESSION', 6]);
    const decided = await ok(DECIDE, {
      input: {
        meetingId: id,
        version: 6,
        summary: '联合约谈',
        leadDepartment: HR_BUREAU,
        participatingDepartments: [UNION],
        dueOn: addDays(today, 7),
      },
    });
    expect(decided.decisions).toEqual([
      {
        summary: '联合约谈',
        leadDepartment: HR_BUREAU,
        participatingDepartments: [UNION],
        dueOn: addDays(today, 7),
        status: 'OPEN',
        overdue: false,
        followUps: [],
      },
    ]);
    const closed = await ok(CLOSE, { input: { meetingId: id, version: 7, minutes: '会议议定联合约谈。' } });
    expect([closed.status, closed.version, closed.minutes]).toEqual(['CLOSED', 8, '会议议定联合约谈。']);
    const decisionId = (await ok(`query ($id: ID!) { jointMeeting(id: $id) { decisions { id } } }`, { id })).decisions[0].id;
    const followed = await ok(
      FOLLOW_UP,
      {
        input: {
          meetingId: id,
          version: 8,
          decisionId,
          on: today,
          note: '已约谈，企业承诺月底前清偿。',
          result: '已落实',
          decisionStatus: 'DONE',
        },
      },
      hrCoordinator,
    );
    expect(followed.version).toBe(9);
    expect(followed.decisions[0]).toMatchObject({
      status: 'DONE',
      overdue: false,
      followUps: [{ on: today, by: HR_BUREAU, note: '已约谈，企业承诺月底前清偿。', result: '已落实' }],
    });
  });

  it.each([
    ['a CASEWORKER of a participating department', asPrincipal(UNION, CASEWORKER), 'Only a COORDINATOR may schedule a joint meeting'],
    ['an ADMIN of a participating department', asPrincipal(HR_BUREAU, ADMIN), 'Only a COORDINATOR may schedule a joint meeting'],
    [
      'a COORDINATOR of a department that does not take part',
      asPrincipal(COURT, COORDINATOR),
      'Only a COORDINATOR of a participating department (UNION, HR_BUREAU) may schedule this joint meeting',
    ],
    ['an ANALYST (writes nothing)', asPrincipal(UNION, ANALYST), 'Not allowed for your department or role: Mutation.scheduleJointMeeting'],
  ])('refuses to schedule for %s with FORBIDDEN', async (_who, headers, message) => {
    const { body } = await union.query(SCHEDULE, { input: meetingInput() }, headers);
    expect(body).toEqual({
      data: null,
      errors: [expect.objectContaining({ message, extensions: { code: 'FORBIDDEN' }, path: ['scheduleJointMeeting'] })],
    });
  });

  it('lets only COORDINATORs of participating departments change a meeting; everyone reads it, the minutes only participants', async () => {
    const { id } = await schedule();
    for (const [headers, message] of [
      [
        asPrincipal(COURT, COORDINATOR),
        'Only a COORDINATOR of a participating department (UNION, HR_BUREAU) may change the agenda of this joint meeting',
      ],
      [asPrincipal(HR_BUREAU, CASEWORKER), 'Only a COORDINATOR may change the agenda of a joint meeting'],
    ] as const) {
      const { body } = await union.query(ADD_ITEM, { input: { meetingId: id, version: 1, topic: '越权', reason: '试' } }, headers);
      expect(body).toEqual({ data: null, errors: [expect.objectContaining({ message, extensions: { code: 'FORBIDDEN' } })] });
    }
    const started = await ok(START, { input: { meetingId: id, version: 1 } }, hrCoordinator);
    await ok(CLOSE, { input: { meetingId: id, version: started.version, minutes: '纪要全文' } });
    // COURT does not take part: it reads the meeting, the names masked, but not the minutes.
    const { body } = await union.query(
      `query ($id: ID!) { jointMeeting(id: $id) { status version participants { name role } minutes } }`,
      { id },
      asPrincipal(COURT, CASEWORKER),
    );
    expect(body).toEqual({
      data: {
        jointMeeting: {
          status: 'CLOSED',
          version: 3,
          participants: [
            { name: '刘*', role: '主持人' },
            { name: '王*', role: '监察大队队长' },
          ],
          minutes: null,
        },
      },
      errors: [
        expect.objectContaining({
          message: 'The minutes of a joint meeting are for its participating departments',
          path: ['jointMeeting', 'minutes'],
          extensions: { code: 'FORBIDDEN' },
        }),
      ],
    });
    const participant = await ok(
      `query ($id: ID!) { jointMeeting(id: $id) { minutes participants { name } } }`,
      { id },
      asPrincipal(HR_BUREAU, CASEWORKER),
    );
    expect(participant).toEqual({ minutes: '纪要全文', participants: [{ name: '刘*' }, { name: '王*' }] });
    // A participating department's analyst reads no case texts (the analyst rules): no minutes.
    const analyst = await union.query(
      `query ($id: ID!) { jointMeeting(id: $id) { minutes participants { name } } }`,
      { id },
      asPrincipal(HR_BUREAU, ANALYST),
    );
    expect(analyst.body).toEqual({
      data: { jointMeeting: { minutes: null, participants: [{ name: '刘*' }, { name: '王*' }] } },
      errors: [
        expect.objectContaining({
          message: "The minutes of a joint meeting are for its participating departments' staff; analysts read no case texts",
          extensions: { code: 'FORBIDDEN' },
        }),
      ],
    });
  });

  it("takes convenedBy and raisedBy from the caller's token; an input naming either is refused and nothing is written", async () => {
    const scheduled = await ok(SCHEDULE, { input: meetingInput() }, hrCoordinator);
    expect([scheduled.convenedBy, scheduled.version]).toEqual([HR_BUREAU, 1]);
    const added = await ok(ADD_ITEM, { input: { meetingId: scheduled.id, version: 1, topic: '工会提出', reason: '试' } });
    expect(added.agenda.map((a: any) => [a.topic, a.raisedBy])).toEqual([['工会提出', UNION]]);
    for (const [query, input, field, type] of [
      [SCHEDULE, meetingInput({ convenedBy: UNION }), 'convenedBy', 'ScheduleJointMeetingInput'],
      [
        ADD_ITEM,
        { meetingId: scheduled.id, version: 2, topic: '冒名', reason: '试', raisedBy: HR_BUREAU },
        'raisedBy',
        'AddAgendaItemInput',
      ],
    ] as const) {
      const { body } = await union.query(query, { input }, unionCoordinator);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([
        expect.objectContaining({ message: expect.stringContaining(`Field "${field}" is not defined by type "${type}"`) }),
      ]);
    }
    expect(await ok(LOOKUP, { id: scheduled.id })).toMatchObject({
      version: 2,
      convenedBy: HR_BUREAU,
      agenda: [{ topic: '工会提出', raisedBy: UNION }],
    });
  });

  it('lets only a COORDINATOR of the lead or the convening department settle a decision; other participants follow it up without settling', async () => {
    const { id } = await schedule({ participatingDepartments: [UNION, HR_BUREAU, COURT], participants: [] });
    await ok(START, { input: { meetingId: id, version: 1 } });
    await ok(DECIDE, {
      input: { meetingId: id, version: 2, summary: '专项检查', leadDepartment: HR_BUREAU, participatingDepartments: [COURT], dueOn: today },
    });
    await ok(DECIDE, {
      input: { meetingId: id, version: 3, summary: '撤回事项', leadDepartment: COURT, participatingDepartments: [], dueOn: today },
    });
    const [checkId, withdrawnId] = (await ok(`query ($id: ID!) { jointMeeting(id: $id) { decisions { id } } }`, { id })).decisions.map(
      (d: any) => d.id,
    );
    const courtCoordinator = asPrincipal(COURT, COORDINATOR);
    const { body } = await union.query(
      FOLLOW_UP,
      {
        input: {
          meetingId: id,
          version: 4,
          decisionId: checkId,
          on: today,
          note: '法院认为已完成',
          result: '已落实',
          decisionStatus: 'DONE',
        },
      },
      courtCoordinator,
    );
    expect(body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message:
            'Only a COORDINATOR of the lead department (HR_BUREAU) or of the convening department (UNION) may settle this decision; others record follow-ups without decisionStatus',
          extensions: { code: 'FORBIDDEN' },
        }),
      ],
    });
    // Naming the state it is already in changes nothing, so it is no settling.
    const followed = await ok(
      FOLLOW_UP,
      {
        input: { meetingId: id, version: 4, decisionId: checkId, on: today, note: '协助检查', result: '仍在推进', decisionStatus: 'OPEN' },
      },
      courtCoordinator,
    );
    expect(followed).toMatchObject({
      version: 5,
      decisions: [{ status: 'OPEN', followUps: [{ by: COURT, result: '仍在推进' }] }, { status: 'OPEN' }],
    });
    const settled = await ok(
      FOLLOW_UP,
      { input: { meetingId: id, version: 5, decisionId: checkId, on: today, note: '检查完毕', result: '已落实', decisionStatus: 'DONE' } },
      hrCoordinator,
    );
    expect(settled.decisions.map((d: any) => [d.status, d.followUps.map((f: any) => f.by)])).toEqual([
      ['DONE', [COURT, HR_BUREAU]],
      ['OPEN', []],
    ]);
    // The convening department's coordinator settles a decision another department leads.
    const cancelled = await ok(FOLLOW_UP, {
      input: {
        meetingId: id,
        version: 6,
        decisionId: withdrawnId,
        on: today,
        note: '情况变化',
        result: '撤销',
        decisionStatus: 'CANCELLED',
      },
    });
    expect(cancelled.decisions.map((d: any) => d.status)).toEqual(['DONE', 'CANCELLED']);
  });

  it('refuses illegal status changes and work in the wrong stage, naming the rule, and changes nothing', async () => {
    const { id } = await schedule();
    const refused = async (query: string, input: object, field: string, rule: string) => {
      const { body } = await union.query(query, { input: { meetingId: id, ...input } });
      expect(body.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field, rule }) }),
      ]);
    };
    await refused(
      DECIDE,
      { version: 1, summary: '早', leadDepartment: UNION, participatingDepartments: [], dueOn: today },
      'meetingId',
      'is PLANNED: decisions are recorded only while the meeting is IN_SESSION',
    );
    await refused(
      CLOSE,
      { version: 1, minutes: '早' },
      'status',
      'cannot change from PLANNED to CLOSED (allowed from PLANNED: IN_SESSION)',
    );
    await refused(
      ADD_ITEM,
      { version: 1, topic: '两个', disputeNo: 'LD-UN-2026-000001', reason: '试' },
      'enterpriseCreditCode',
      'exactly one of enterpriseCreditCode, disputeNo or topic must be given',
    );
    await ok(START, { input: { meetingId: id, version: 1 } });
    await refused(START, { version: 2 }, 'status', 'cannot change from IN_SESSION to IN_SESSION (allowed from IN_SESSION: CLOSED)');
    await refused(
      DECIDE,
      { version: 2, summary: '法院牵头', leadDepartment: COURT, participatingDepartments: [UNION], dueOn: today },
      'leadDepartment',
      'names COURT, which does not take part in the meeting',
    );
    await refused(
      DECIDE,
      { version: 2, summary: '过早', leadDepartment: UNION, participatingDepartments: [], dueOn: addDays(today, -1) },
      'dueOn',
      `must not be earlier than the meeting day (${today})`,
    );
    await ok(CLOSE, { input: { meetingId: id, version: 2, minutes: '纪要' } });
    await refused(START, { version: 3 }, 'status', 'cannot change from CLOSED to IN_SESSION (allowed from CLOSED: none)');
    await refused(
      ADD_ITEM,
      { version: 3, topic: '迟到', reason: '试' },
      'meetingId',
      'is CLOSED: agenda items are added only while the meeting is PLANNED or IN_SESSION',
    );
    expect(await ok(LOOKUP, { id })).toMatchObject({ version: 3, status: 'CLOSED', agenda: [], decisions: [] });
  });

  it('refuses a change at a stale version with CONFLICT, and a meeting that does not exist with NOT_FOUND', async () => {
    const { id } = await schedule();
    await ok(ADD_ITEM, { input: { meetingId: id, version: 1, topic: '先到', reason: '试' } });
    const { body } = await union.query(ADD_ITEM, { input: { meetingId: id, version: 1, topic: '后到', reason: '试' } }, hrCoordinator);
    expect(body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: `Joint meeting ${id} is at version 2, not 1: read it again and reapply your change`,
          extensions: { code: 'CONFLICT', currentVersion: 2 },
        }),
      ],
    });
    expect((await ok(LOOKUP, { id })).agenda.map((a: any) => a.topic)).toEqual(['先到']);
    const missing = await union.query(START, { input: { meetingId: '00000000-0000-4000-8000-000000000000', version: 1 } });
    expect(missing.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })]);
  });

  it('flags an OPEN decision whose due day has passed as overdue, until a follow-up settles it', async () => {
    const { id } = await schedule({ scheduledAt: `${addDays(today, -20)}T01:30:00.000Z` });
    await ok(START, { input: { meetingId: id, version: 1 } });
    const decided = await ok(DECIDE, {
      input: {
        meetingId: id,
        version: 2,
        summary: '专项检查',
        leadDepartment: HR_BUREAU,
        participatingDepartments: [UNION],
        dueOn: addDays(today, -1),
      },
    });
    expect(decided.decisions.map((d: any) => [d.status, d.overdue])).toEqual([['OPEN', true]]);
    const again = await ok(DECIDE, {
      input: { meetingId: id, version: 3, summary: '今日到期', leadDepartment: UNION, participatingDepartments: [], dueOn: today },
    });
    expect(again.decisions.map((d: any) => [d.summary, d.overdue])).toEqual([
      ['专项检查', true],
      ['今日到期', false],
    ]);
    const decisionId = (await ok(`query ($id: ID!) { jointMeeting(id: $id) { decisions { id } } }`, { id })).decisions[0].id;
    const progressing = await ok(FOLLOW_UP, {
      input: { meetingId: id, version: 4, decisionId, on: today, note: '检查过半', result: '仍在推进' },
    });
    expect(progressing.decisions[0]).toMatchObject({ status: 'OPEN', overdue: true });
    const done = await ok(FOLLOW_UP, {
      input: { meetingId: id, version: 5, decisionId, on: today, note: '检查完毕', result: '已落实', decisionStatus: 'DONE' },
    });
    expect(done.decisions[0]).toMatchObject({
      status: 'DONE',
      overdue: false,
      followUps: [{ result: '仍在推进' }, { result: '已落实' }].map(expect.objectContaining),
    });
    const { body } = await union.query(FOLLOW_UP, {
      input: { meetingId: id, version: 6, decisionId, on: today, note: '重开', result: '重开', decisionStatus: 'OPEN' },
    });
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ field: 'decisionStatus', rule: 'cannot change from DONE to OPEN (allowed from DONE: none)' }),
      }),
    ]);
  });

  it('reads meetings, agendas, decisions and follow-ups in one statement each, however many', async () => {
    const query = `{ jointMeetings { id agenda { position enterprise { creditCode } } decisions { overdue followUps { note } } } }`;
    union.subgraph.queries.reset();
    const all = await ok(query, {});
    expect(all.length).toBeGreaterThanOrEqual(2);
    // meetings, agenda items, decisions, follow-ups
    expect(union.subgraph.queries.count).toBe(4);
  });
});
