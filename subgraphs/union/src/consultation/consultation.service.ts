import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, insertOrConflict, toParty, changeVersioned } from '@labour/shared';
import type { CreateLegalConsultationInput, UpdateLegalConsultationInput } from './consultation.input';
import { LegalConsultation } from './legal-consultation.entity';

export async function createLegalConsultation(
  em: EntityManager,
  input: CreateLegalConsultationInput,
  linkageKey: Buffer,
): Promise<LegalConsultation> {
  // Workers and enterprises both ask (1,941 and 566 a year in the seeds); a record with neither says nothing.
  if (!input.worker && !input.enterpriseCreditCode) {
    throw new BadUserInputError({ field: 'enterpriseCreditCode', rule: 'is required when no worker is named' });
  }
  const worker = input.worker ? toParty(input.worker, linkageKey) : null;
  const created = em.create(LegalConsultation, {
    consultationNo: input.consultationNo,
    worker,
    workerRef: worker?.personRef ?? null,
    enterpriseCreditCode: input.enterpriseCreditCode ?? null,
    channel: input.channel,
    topic: input.topic,
    answerSummary: input.answerSummary,
    consultedOn: input.consultedOn,
    referredToLegalAid: input.referredToLegalAid,
    disputeNo: input.disputeNo ?? null,
  });
  return insertOrConflict(em, created, 'A legal consultation');
}

export async function updateLegalConsultation(em: EntityManager, input: UpdateLegalConsultationInput): Promise<LegalConsultation> {
  return changeVersioned(em, LegalConsultation, 'consultationNo', input, (consultation) => {
    if (input.answerSummary != null) consultation.answerSummary = input.answerSummary;
    if (input.referredToLegalAid != null) consultation.referredToLegalAid = input.referredToLegalAid;
    if (input.disputeNo != null) consultation.disputeNo = input.disputeNo;
  });
}
