import { addDays, Department, Role } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { unionSubgraph } from '../definition';
import { ADD_ITEM, CLOSE, DECIDE, FOLLOW_UP, hrCoordinator, LOOKUP, meetingCalls, START, today } from './meeting.fixtures';

const { HR_BUREAU, UNION, COURT } = Department;
const { COORDINATOR } = Role;

describe('joint meetings (union subgraph): refused changes, stale versions and overdue decisions', () => {
  const union = useSubgraph(unionSubgraph, { demo: true, principal: { department: UNION, roles: [COORDINATOR] } });
  const { ok, schedule } = meetingCalls(union);

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
});
