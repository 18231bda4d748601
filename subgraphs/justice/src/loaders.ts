import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader, uniqueLoader } from '@labour/shared';
import { PeopleMediationCommittee } from './committee/people-mediation-committee.entity';
import { LegalAidCase } from './legal-aid/legal-aid-case.entity';
import { PeopleMediationCase } from './people-mediation/people-mediation-case.entity';

const newestAid = { orderBy: { appliedOn: 'desc', caseNo: 'desc' } } as const;
const newestMediation = { orderBy: { appliedOn: 'desc', caseNo: 'desc' } } as const;

/** The request's loaders: each batches all keys asked in one tick into one SQL statement. */
export function createJusticeLoaders(em: EntityManager) {
  return {
    committeeById: uniqueLoader(
      (ids) => em.find(PeopleMediationCommittee, { id: { $in: [...ids] } }),
      (c) => c.id,
    ),
    committeeByCode: uniqueLoader(
      (codes) => em.find(PeopleMediationCommittee, { code: { $in: [...codes] } }),
      (c) => c.code,
    ),
    committeesByCreditCode: groupLoader(
      (codes) => em.find(PeopleMediationCommittee, { enterpriseCreditCode: { $in: [...codes] } }, { orderBy: { code: 'asc' } }),
      (c) => c.enterpriseCreditCode ?? '',
    ),
    legalAidByCreditCode: groupLoader(
      (codes) => em.find(LegalAidCase, { enterpriseCreditCode: { $in: [...codes] } }, newestAid),
      (c) => c.enterpriseCreditCode,
    ),
    legalAidByPersonRef: groupLoader(
      (refs) => em.find(LegalAidCase, { applicantRef: { $in: [...refs] } }, newestAid),
      (c) => c.applicantRef,
    ),
    legalAidByDisputeNo: groupLoader(
      (nos) => em.find(LegalAidCase, { disputeNo: { $in: [...nos] } }, newestAid),
      (c) => c.disputeNo,
    ),
    peopleMediationByCreditCode: groupLoader(
      (codes) => em.find(PeopleMediationCase, { enterpriseCreditCode: { $in: [...codes] } }, newestMediation),
      (c) => c.enterpriseCreditCode,
    ),
    peopleMediationByPersonRef: groupLoader(
      (refs) => em.find(PeopleMediationCase, { partyRefs: { $overlap: [...refs] } }, newestMediation),
      (c) => c.partyRefs,
    ),
    peopleMediationByDisputeNo: groupLoader(
      (nos) => em.find(PeopleMediationCase, { disputeNo: { $in: [...nos] } }, newestMediation),
      (c) => c.disputeNo,
    ),
    peopleMediationByCommitteeId: groupLoader(
      (ids) => em.find(PeopleMediationCase, { committee: { $in: [...ids] } }, newestMediation),
      (c) => c.committee.id,
    ),
  };
}

export type JusticeLoaders = ReturnType<typeof createJusticeLoaders>;
