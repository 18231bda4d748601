import type { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import type { DemoJointMeeting, DemoNotice, DemoSharingChannel } from '@labour/demo-world';
import {
  analyzeOwnTables,
  addWorkingDays,
  bulkInsert,
  Department,
  loadOwnDemoChannels,
  mediationDueOn,
  personRefsOf,
  toParty,
} from '@labour/shared';
import type { Logger } from 'pino';
import { HardshipAid } from '../aid/hardship-aid.entity';
import { SharingChannel } from '../channel/sharing-channel.entity';
import { LegalConsultation } from '../consultation/legal-consultation.entity';
import { CollectiveContract } from '../contract/collective-contract.entity';
import { MediationCase } from '../mediation/mediation-case.entity';
import { AgendaItem } from '../meeting/agenda-item.entity';
import { Decision, FollowUp } from '../meeting/decision.entity';
import { JointMeeting } from '../meeting/joint-meeting.entity';
import { Notice } from '../notice/notice.entity';
import { NOTICE_ANSWER_WORKING_DAYS } from '../notice/notice.service';
import { UnionOrganization } from '../organization/union-organization.entity';

// The demo rows are typed from these entities (EntityRow), their enums as the enums' string values: as
// MikroORM's entity data they are the same values, which `as RequiredEntityData<…>` says.

/** The registry's demo channels, decided now by each provider's ADMIN. */
async function loadSharingChannels(em: EntityManager, channels: DemoSharingChannel[]): Promise<number> {
  const decidedAt = new Date();
  for (const channel of channels) em.create(SharingChannel, { ...channel, decidedAt } as RequiredEntityData<SharingChannel>);
  await em.flush();
  return channels.length;
}

/** The demo notices, each due two working days after it was sent (T+2). */
async function loadNotices(em: EntityManager, notices: DemoNotice[]): Promise<number> {
  for (const { sentOn, ...notice } of notices) {
    em.create(Notice, { ...notice, dueOn: addWorkingDays(sentOn, NOTICE_ANSWER_WORKING_DAYS) } as RequiredEntityData<Notice>);
  }
  await em.flush();
  return notices.length;
}

/** The demo joint meetings with their agendas, decisions and follow-ups. */
async function loadJointMeetings(em: EntityManager, meetings: DemoJointMeeting[]): Promise<number> {
  for (const { agenda, decisions, ...meeting } of meetings) {
    em.create(JointMeeting, meeting as RequiredEntityData<JointMeeting>);
    agenda.forEach((item, i) =>
      em.create(AgendaItem, { meetingId: meeting.id, position: i + 1, ...item } as RequiredEntityData<AgendaItem>),
    );
    for (const { followUps, recordedAt, ...d } of decisions) {
      const decision = em.create(Decision, {
        meetingId: meeting.id,
        ...d,
        createdAt: recordedAt,
        updatedAt: recordedAt,
      } as RequiredEntityData<Decision>);
      followUps.forEach((f) => em.create(FollowUp, { decisionId: decision.id, ...f } as RequiredEntityData<FollowUp>));
    }
  }
  await em.flush();
  return meetings.length;
}

/** Loads the union's slice of the demo world. Enterprises are HR's: here they are credit codes only. */
export async function loadUnionDemoData(
  em: EntityManager,
  options: { scale: number; asOf: string; linkageKey: Buffer; logger: Logger },
): Promise<void> {
  // Loaded only when demo data is asked for: a production start never needs the generator.
  const { generateWorld, demoJointMeetings, demoNotices, demoSharingChannels, storyDisputeNo } = await import('@labour/demo-world');
  const { union } = generateWorld({ seed: 20140601, scale: options.scale, asOf: options.asOf });
  const party = (p: { idNumber: string; name: string }) => toParty(p, options.linkageKey);

  await bulkInsert(
    em,
    UnionOrganization,
    union.organizations.map((o) => ({ ...o })),
  );
  await bulkInsert(
    em,
    MediationCase,
    union.mediationCases.map(({ workers, ...c }) => {
      const parties = workers.map(party);
      return { ...c, workers: parties, workerRefs: personRefsOf(parties), dueOn: mediationDueOn(c.appliedOn) };
    }),
  );
  await bulkInsert(
    em,
    CollectiveContract,
    union.collectiveContracts.map((c) => ({ ...c })),
  );
  await bulkInsert(
    em,
    HardshipAid,
    union.hardshipAids.map(({ recipient, ...a }) => {
      const stored = party(recipient);
      return { ...a, recipient: stored, recipientRef: stored.personRef };
    }),
  );
  await bulkInsert(
    em,
    LegalConsultation,
    union.legalConsultations.map(({ worker, ...c }) => {
      const stored = worker ? party(worker) : null;
      return { ...c, worker: stored, workerRef: stored?.personRef ?? null };
    }),
  );
  const sharingChannels = await loadSharingChannels(em, demoSharingChannels(options.asOf));
  const notices = await loadNotices(em, demoNotices(options.asOf, union.legalConsultations));
  const jointMeetings = await loadJointMeetings(em, demoJointMeetings(options.asOf, storyDisputeNo(union.mediationCases)));
  // The channels this department provides, as its own ADMIN decided them: what it enforces.
  const ownChannels = await loadOwnDemoChannels(em, Department.UNION, { asOf: options.asOf });
  await analyzeOwnTables(em);
  options.logger.info(
    {
      sharingChannels,
      ownChannels,
      notices,
      jointMeetings,
      organizations: union.organizations.length,
      mediationCases: union.mediationCases.length,
      collectiveContracts: union.collectiveContracts.length,
      hardshipAids: union.hardshipAids.length,
      legalConsultations: union.legalConsultations.length,
    },
    'union demo data',
  );
}
