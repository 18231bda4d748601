import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  anyOfConditions,
  equalConditions,
  recordList,
  BadUserInputError,
  changeVersioned,
  dateRangeConditions,
  insertOrConflict,
  toParty,
  Department,
} from '@labour/shared';
import type { CreateLegalConsultationInput, LegalConsultationFilter, UpdateLegalConsultationInput } from './consultation.input';
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

/** The field of LegalConsultation whose value each filter tests: what a caller learns of every record by filtering. */
const FILTERED_FIELDS: Record<keyof LegalConsultationFilter, keyof LegalConsultation & string> = {
  channel: 'channel',
  consultedOn: 'consultedOn',
  referredToLegalAid: 'referredToLegalAid',
  enterprise: 'enterpriseCreditCode',
  disputeNos: 'disputeNo',
};

function legalConsultationConditions(filter: LegalConsultationFilter): Array<FilterQuery<LegalConsultation>> {
  return [
    ...anyOfConditions(filter, { channel: 'channel', disputeNos: 'disputeNo' }),
    ...dateRangeConditions(filter, ['consultedOn']),
    ...equalConditions(filter, { referredToLegalAid: 'referredToLegalAid', enterprise: 'enterpriseCreditCode' }),
  ];
}

/**
 * The list of legal consultations, the latest first (same day: by consultation number). Every filter runs in
 * SQL; a filter the caller may not run is refused before any statement.
 */
export const LEGAL_CONSULTATION_LIST = recordList(LegalConsultation, Department.UNION, {
  order: { date: 'consultedOn', key: 'consultationNo' },
  filterFields: FILTERED_FIELDS,
  conditions: legalConsultationConditions,
});
