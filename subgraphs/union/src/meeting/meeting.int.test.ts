import { addDays, Department, Role } from '@labour/shared';
import { DEMO_MEETING_IDS, STORY_ENTERPRISES } from '@labour/demo-world';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';
import { ADD_ITEM, CLOSE, DECIDE, FOLLOW_UP, hrCoordinator, LOOKUP, meetingCalls, REMOVE_ITEM, START, today } from './meeting.fixtures';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;
const { COORDINATOR, ANALYST } = Role;

describe('joint meetings (union subgraph)', () => {
  const union = useSubgraph(unionSubgraph, { demo: true, principal: { department: UNION, roles: [COORDINATOR] } });
  const { ok, schedule } = meetingCalls(union);

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

  it('reads meetings, agendas, decisions and follow-ups in one statement each, however many', async () => {
    const query = `{ jointMeetings { id agenda { position enterprise { creditCode } } decisions { overdue followUps { note } } } }`;
    union.subgraph.queries.reset();
    const all = await ok(query, {});
    expect(all.length).toBeGreaterThanOrEqual(2);
    // meetings, agenda items, decisions, follow-ups
    expect(union.subgraph.queries.count).toBe(4);
  });
});
