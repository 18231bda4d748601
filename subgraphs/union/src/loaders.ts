import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { groupLoader, uniqueLoader } from '@labour/shared';
import { HardshipAid } from './aid/hardship-aid.entity';
import { LegalConsultation } from './consultation/legal-consultation.entity';
import { CollectiveContract } from './contract/collective-contract.entity';
import { AgendaItem } from './meeting/agenda-item.entity';
import { Decision, FollowUp } from './meeting/decision.entity';
import { JointMeeting } from './meeting/joint-meeting.entity';
import { MediationCase } from './mediation/mediation-case.entity';
import { Notice, NoticeStatus } from './notice/notice.entity';
import { UnionOrganization } from './organization/union-organization.entity';

/** Rows that may lack the key (an aid without employer) are grouped under '' and never asked for. */
const orEmpty = (key: string | null) => key ?? '';

/**
 * Rows by id, taken from the request's identity map when they were read on the way down (a decision's
 * meeting, a follow-up's decision), so checking a child against its parent costs no statement; the
 * others in one.
 */
function byIdReadFirst<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>) {
  return uniqueLoader<T>(
    async (ids) => {
      const uow = em.getUnitOfWork();
      const known = ids.map((id) => uow.getById<T>(entity, id as never)).filter((row): row is T => row !== undefined);
      const missing = ids.filter((id) => !known.some((row) => row.id === id));
      return missing.length ? [...known, ...(await em.find(entity, { id: { $in: missing } } as unknown as FilterQuery<T>))] : known;
    },
    (row) => row.id,
  );
}

/** The request's loaders: each batches all keys asked in one tick into one SQL statement. */
export function createUnionLoaders(em: EntityManager) {
  return {
    // by enterprise credit code (Enterprise.*)
    organizationsByCreditCode: groupLoader(
      (codes) =>
        em.find(UnionOrganization, { enterpriseCreditCodes: { $overlap: [...codes] } }, { orderBy: { foundedOn: 'asc', id: 'asc' } }),
      (o) => o.enterpriseCreditCodes,
    ),
    mediationByCreditCode: groupLoader(
      (codes) => em.find(MediationCase, { enterpriseCreditCode: { $in: [...codes] } }, { orderBy: { appliedOn: 'desc', caseNo: 'desc' } }),
      (c) => c.enterpriseCreditCode,
    ),
    contractsByCreditCode: groupLoader(
      (codes) =>
        em.find(
          CollectiveContract,
          { enterpriseCreditCode: { $in: [...codes] } },
          { orderBy: { effectiveOn: 'desc', contractNo: 'desc' } },
        ),
      (c) => c.enterpriseCreditCode,
    ),
    aidsByCreditCode: groupLoader(
      (codes) => em.find(HardshipAid, { enterpriseCreditCode: { $in: [...codes] } }, { orderBy: { grantedOn: 'desc', aidNo: 'desc' } }),
      (a) => orEmpty(a.enterpriseCreditCode),
    ),
    consultationsByCreditCode: groupLoader(
      (codes) =>
        em.find(
          LegalConsultation,
          { enterpriseCreditCode: { $in: [...codes] } },
          { orderBy: { consultedOn: 'desc', consultationNo: 'desc' } },
        ),
      (c) => orEmpty(c.enterpriseCreditCode),
    ),
    // by personRef (Worker.*)
    mediationByPersonRef: groupLoader(
      (refs) => em.find(MediationCase, { workerRefs: { $overlap: [...refs] } }, { orderBy: { appliedOn: 'desc', caseNo: 'desc' } }),
      (c) => c.workerRefs,
    ),
    aidsByPersonRef: groupLoader(
      (refs) => em.find(HardshipAid, { recipientRef: { $in: [...refs] } }, { orderBy: { grantedOn: 'desc', aidNo: 'desc' } }),
      (a) => a.recipientRef,
    ),
    consultationsByPersonRef: groupLoader(
      (refs) => em.find(LegalConsultation, { workerRef: { $in: [...refs] } }, { orderBy: { consultedOn: 'desc', consultationNo: 'desc' } }),
      (c) => orEmpty(c.workerRef),
    ),
    // by dispute number (Dispute.*)
    mediationByDisputeNo: groupLoader(
      (nos) => em.find(MediationCase, { disputeNo: { $in: [...nos] } }, { orderBy: { appliedOn: 'asc', caseNo: 'asc' } }),
      (c) => c.disputeNo,
    ),
    consultationsByDisputeNo: groupLoader(
      (nos) => em.find(LegalConsultation, { disputeNo: { $in: [...nos] } }, { orderBy: { consultedOn: 'asc', consultationNo: 'asc' } }),
      (c) => orEmpty(c.disputeNo),
    ),
    // joint meetings: agenda and decisions by meeting id, follow-ups by decision id
    agendaByMeetingId: groupLoader(
      (ids) => em.find(AgendaItem, { meetingId: { $in: [...ids] } }, { orderBy: { position: 'asc', id: 'asc' } }),
      (a) => a.meetingId,
    ),
    decisionsByMeetingId: groupLoader(
      (ids) => em.find(Decision, { meetingId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
      (d) => d.meetingId,
    ),
    followUpsByDecisionId: groupLoader(
      (ids) => em.find(FollowUp, { decisionId: { $in: [...ids] } }, { orderBy: { on: 'asc', createdAt: 'asc' } }),
      (f) => f.decisionId,
    ),
    // a row's meeting or decision, for the participants-only texts of the record (meeting-record.ts)
    meetingById: byIdReadFirst(em, JointMeeting),
    decisionById: byIdReadFirst(em, Decision),
    // open notices by subject (Enterprise.notices, Dispute.notices); the caller's department filters the result
    openNoticesByCreditCode: groupLoader(
      (codes) =>
        em.find(
          Notice,
          { enterpriseCreditCode: { $in: [...codes] }, status: { $ne: NoticeStatus.ANSWERED } },
          { orderBy: { sentAt: 'desc', id: 'asc' } },
        ),
      (n) => orEmpty(n.enterpriseCreditCode),
    ),
    openNoticesByDisputeNo: groupLoader(
      (nos) =>
        em.find(
          Notice,
          { disputeNo: { $in: [...nos] }, status: { $ne: NoticeStatus.ANSWERED } },
          { orderBy: { sentAt: 'desc', id: 'asc' } },
        ),
      (n) => orEmpty(n.disputeNo),
    ),
  };
}

export type UnionLoaders = ReturnType<typeof createUnionLoaders>;
