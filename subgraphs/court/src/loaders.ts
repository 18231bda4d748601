import type { EntityManager } from '@mikro-orm/postgresql';
import { groupLoader } from '@labour/shared';
import { JudicialConfirmation } from './confirmation/judicial-confirmation.entity';
import { EnforcementCase } from './enforcement/enforcement-case.entity';
import { Lawsuit } from './lawsuit/lawsuit.entity';
import { JudicialSuggestion } from './suggestion/judicial-suggestion.entity';

/**
 * The request's loaders: each batches all keys asked in one tick into one SQL statement. Enterprises
 * and workers are keyed by creditCode and personRef, as the court keeps no copy of HR's records.
 */
export function createCourtLoaders(em: EntityManager) {
  return {
    lawsuitsByDefendant: groupLoader(
      (codes) => em.find(Lawsuit, { defendantCreditCodes: { $overlap: [...codes] } }, { orderBy: { filedOn: 'desc', caseNo: 'desc' } }),
      (c) => c.defendantCreditCodes,
    ),
    lawsuitsByPlaintiff: groupLoader(
      (refs) => em.find(Lawsuit, { plaintiffRefs: { $overlap: [...refs] } }, { orderBy: { filedOn: 'desc', caseNo: 'desc' } }),
      (c) => c.plaintiffRefs,
    ),
    lawsuitsByDisputeNo: groupLoader(
      (nos) => em.find(Lawsuit, { disputeNo: { $in: [...nos] } }, { orderBy: { filedOn: 'asc', caseNo: 'asc' } }),
      (c) => c.disputeNo,
    ),
    confirmationsByEnterprise: groupLoader(
      (codes) =>
        em.find(JudicialConfirmation, { enterpriseCreditCode: { $in: [...codes] } }, { orderBy: { appliedOn: 'desc', caseNo: 'desc' } }),
      (c) => c.enterpriseCreditCode,
    ),
    confirmationsByApplicant: groupLoader(
      (refs) =>
        em.find(JudicialConfirmation, { applicantRefs: { $overlap: [...refs] } }, { orderBy: { appliedOn: 'desc', caseNo: 'desc' } }),
      (c) => c.applicantRefs,
    ),
    confirmationsByDisputeNo: groupLoader(
      (nos) => em.find(JudicialConfirmation, { disputeNo: { $in: [...nos] } }, { orderBy: { appliedOn: 'asc', caseNo: 'asc' } }),
      (c) => c.disputeNo,
    ),
    enforcementByRespondent: groupLoader(
      (codes) => em.find(EnforcementCase, { respondentCreditCode: { $in: [...codes] } }, { orderBy: { filedOn: 'desc', caseNo: 'desc' } }),
      (c) => c.respondentCreditCode,
    ),
    enforcementByApplicant: groupLoader(
      (refs) => em.find(EnforcementCase, { applicantRef: { $in: [...refs] } }, { orderBy: { filedOn: 'desc', caseNo: 'desc' } }),
      (c) => c.applicantRef,
    ),
    enforcementByDisputeNo: groupLoader(
      (nos) => em.find(EnforcementCase, { disputeNo: { $in: [...nos] } }, { orderBy: { filedOn: 'asc', caseNo: 'asc' } }),
      (c) => c.disputeNo,
    ),
    suggestionsByEnterprise: groupLoader(
      (codes) =>
        em.find(JudicialSuggestion, { enterpriseCreditCode: { $in: [...codes] } }, { orderBy: { issuedOn: 'desc', suggestionNo: 'desc' } }),
      (s) => s.enterpriseCreditCode ?? '',
    ),
  };
}

export type CourtLoaders = ReturnType<typeof createCourtLoaders>;
