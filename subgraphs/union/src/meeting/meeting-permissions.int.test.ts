import { Department, Role } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';
import {
  ADD_ITEM,
  CLOSE,
  DECIDE,
  FOLLOW_UP,
  hrCoordinator,
  LOOKUP,
  meetingCalls,
  meetingInput,
  SCHEDULE,
  START,
  today,
  unionCoordinator,
} from './meeting.fixtures';
import { forbiddenAnswer } from '@labour/testing/refusals';

const { HR_BUREAU, UNION, COURT } = Department;
const { CASEWORKER, COORDINATOR, ANALYST, ADMIN } = Role;

describe('joint meetings (union subgraph): who may schedule, change, settle and read', () => {
  const union = useSubgraph(unionSubgraph, { demo: true, principal: { department: UNION, roles: [COORDINATOR] } });
  const { ok, schedule } = meetingCalls(union);

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
    expect(body).toEqual(forbiddenAnswer(null, message, { path: ['scheduleJointMeeting'] }));
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
      expect(body).toEqual(forbiddenAnswer(null, message));
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
    expect(analyst.body).toEqual(
      forbiddenAnswer(
        { jointMeeting: { minutes: null, participants: [{ name: '刘*' }, { name: '王*' }] } },
        "The minutes of a joint meeting are for its participating departments' staff; analysts read no case texts",
      ),
    );
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
    expect(body).toEqual(
      forbiddenAnswer(
        null,
        'Only a COORDINATOR of the lead department (HR_BUREAU) or of the convening department (UNION) may settle this decision; others record follow-ups without decisionStatus',
      ),
    );
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
});
