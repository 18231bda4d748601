/**
 * Services around the disputes: the union's hardship aid and legal consultations (some of which refer
 * a worker to legal aid), and the court's judicial suggestions sent back to departments after judgments.
 */
import type {
  AidKind,
  ConsultationChannel,
  DemoHardshipAid,
  DemoJudicialSuggestion,
  DemoLegalConsultation,
  DepartmentCode,
} from './world.types';
import { numberRecord, randomEnterprises, randomWorkers, scaled, type GenContext } from './context';
import type { Prng } from './prng';
import { dayOf, isoOf } from './dates';
import { fenOfYuan, moneyOf } from './money';
import { link, type Dispute } from './dispute-model';
import { CLAIM_LABELS, type ClaimKind } from './vocab-claims';
import {
  AID_REASONS,
  CONSULTATION_ANSWERS,
  ENTERPRISE_TOPICS,
  PUBLICITY_SUGGESTION,
  SUGGESTION_SUBJECTS,
  WORKER_TOPICS,
} from './vocab-texts';

const SERVICES_AT_SCALE_1 = { hardshipAids: 80, consultations: 300, suggestions: 12 } as const;
export const REFERRAL_ANSWER = CONSULTATION_ANSWERS[CONSULTATION_ANSWERS.length - 1]!;

const AID_AMOUNTS_YUAN: Readonly<Record<AidKind, readonly [number, number]>> = {
  LIVING: [2000, 5000],
  MEDICAL: [3000, 20000],
  EDUCATION: [2000, 6000],
  EMERGENCY: [1000, 3000],
};

export function addHardshipAid(ctx: GenContext, record: Omit<DemoHardshipAid, 'aidNo'>, fixed = false): DemoHardshipAid {
  const aid: DemoHardshipAid = { aidNo: '', ...record };
  numberRecord(ctx, 'aid', dayOf(record.grantedOn), fixed, (no) => {
    aid.aidNo = no;
  });
  ctx.world.union.hardshipAids.push(aid);
  return aid;
}

export function drawAidAmount(prng: Prng, kind: AidKind): string {
  const [min, max] = AID_AMOUNTS_YUAN[kind];
  return moneyOf(fenOfYuan(prng.int(min / 100, max / 100) * 100));
}

export function addConsultation(
  ctx: GenContext,
  record: Omit<DemoLegalConsultation, 'consultationNo'>,
  dispute?: Dispute,
  fixed = dispute?.fixedNumbers ?? false,
): DemoLegalConsultation {
  const consultation: DemoLegalConsultation = { consultationNo: '', ...record };
  if (dispute) link(dispute, consultation);
  numberRecord(ctx, 'consultation', dayOf(record.consultedOn), fixed, (no) => {
    consultation.consultationNo = no;
  });
  ctx.world.union.legalConsultations.push(consultation);
  return consultation;
}

function addHardshipAids(ctx: GenContext, prng: Prng): void {
  const workers = randomWorkers(ctx);
  const unemployed = randomWorkers(ctx, true);
  for (let i = scaled(ctx, SERVICES_AT_SCALE_1.hardshipAids) - ctx.world.union.hardshipAids.length; i > 0; i--) {
    // Workers between jobs are over-represented among those in hardship.
    const worker = prng.chance(0.3) && unemployed.length > 0 ? prng.pick(unemployed) : prng.pick(workers);
    const kind = prng.weighted<AidKind>([
      ['LIVING', 40],
      ['MEDICAL', 30],
      ['EDUCATION', 15],
      ['EMERGENCY', 15],
    ]);
    addHardshipAid(ctx, {
      recipient: { idNumber: worker.idNumber, name: worker.name },
      enterpriseCreditCode: worker.employerCreditCode,
      kind,
      amount: drawAidAmount(prng, kind),
      grantedOn: isoOf(prng.int(ctx.windowStart, ctx.asOf)),
      reason: prng.pick(AID_REASONS[kind]),
    });
  }
}

function addConsultations(ctx: GenContext, prng: Prng): void {
  const channel = (enterprise: boolean): ConsultationChannel =>
    prng.weighted<ConsultationChannel>(
      enterprise
        ? [
            ['HOTLINE', 25],
            ['WALK_IN', 15],
            ['ONLINE', 25],
            ['ON_SITE', 35],
          ]
        : [
            ['HOTLINE', 40],
            ['WALK_IN', 25],
            ['ONLINE', 30],
            ['ON_SITE', 5],
          ],
    );
  // Workers who got legal aid were often sent there by the union's consultation desk.
  for (const d of ctx.disputes) {
    if (d.fixedNumbers) continue;
    for (const aid of d.legalAid) {
      if (!prng.chance(0.35)) continue;
      const day = Math.max(d.startDay, dayOf(aid.appliedOn) - prng.int(0, 5));
      const kind: ClaimKind = d.claim.kinds[0]!;
      addConsultation(
        ctx,
        {
          worker: { ...aid.applicant },
          enterpriseCreditCode: d.enterprise.creditCode,
          channel: channel(false),
          topic: `${CLAIM_LABELS[kind]}争议维权`,
          answerSummary: REFERRAL_ANSWER,
          consultedOn: isoOf(day),
          referredToLegalAid: true,
          disputeNo: null,
        },
        d,
      );
    }
  }
  const general = CONSULTATION_ANSWERS.slice(0, -1);
  const workers = randomWorkers(ctx);
  const enterprises = randomEnterprises(ctx);
  const remaining = scaled(ctx, SERVICES_AT_SCALE_1.consultations) - ctx.world.union.legalConsultations.length;
  for (let i = 0; i < remaining; i++) {
    // Seeds: 566 consultations from enterprises and 1,941 from workers in a year.
    const fromEnterprise = prng.chance(0.23);
    const worker = fromEnterprise ? null : prng.pick(workers);
    addConsultation(ctx, {
      worker: worker ? { idNumber: worker.idNumber, name: worker.name } : null,
      enterpriseCreditCode: worker ? worker.employerCreditCode : prng.pick(enterprises).creditCode,
      channel: channel(fromEnterprise),
      topic: prng.pick(fromEnterprise ? ENTERPRISE_TOPICS : WORKER_TOPICS),
      answerSummary: prng.pick(general),
      consultedOn: isoOf(prng.int(ctx.windowStart, ctx.asOf)),
      referredToLegalAid: false,
      disputeNo: null,
    });
  }
}

function suggestionFor(d: Dispute): [string, string, DepartmentCode] {
  const kinds = d.claim.kinds;
  const subject = (i: number): [string, string] => [SUGGESTION_SUBJECTS[i]![0], SUGGESTION_SUBJECTS[i]![1]];
  if (kinds.includes('WAGES') && d.industry.name === '建筑施工') return [...subject(1), 'HR_BUREAU'];
  if (kinds.includes('DOUBLE_WAGES')) return [...subject(0), 'HR_BUREAU'];
  if (kinds.includes('SOCIAL_INSURANCE')) return [...subject(3), 'HR_BUREAU'];
  if (kinds.includes('SEVERANCE')) return [...subject(2), 'UNION'];
  return [...subject(4), 'UNION'];
}

function addSuggestions(ctx: GenContext, prng: Prng): void {
  const judged = ctx.disputes.filter((d) => !d.fixedNumbers && d.lawsuit?.judgmentOn && d.lawsuit.outcome !== 'WITHDRAWN');
  for (const d of prng
    .shuffle(judged)
    .slice(0, scaled(ctx, SERVICES_AT_SCALE_1.suggestions) - ctx.world.court.judicialSuggestions.length)) {
    const issuedDay = Math.min(ctx.asOf, dayOf(d.lawsuit!.judgmentOn!) + prng.int(5, 40));
    const general = prng.chance(0.15);
    const [subject, content, recipientDepartment] = general ? [...PUBLICITY_SUGGESTION, 'JUSTICE' as const] : suggestionFor(d);
    const repliedDay = issuedDay + prng.int(7, 60);
    const suggestion: DemoJudicialSuggestion = {
      suggestionNo: '',
      enterpriseCreditCode: general ? null : d.enterprise.creditCode,
      recipientDepartment,
      subject,
      content,
      issuedOn: isoOf(issuedDay),
      repliedOn: repliedDay <= ctx.asOf && prng.chance(0.9) ? isoOf(repliedDay) : null,
    };
    ctx.numbering.later('suggestion', issuedDay, (no) => {
      suggestion.suggestionNo = no;
    });
    ctx.world.court.judicialSuggestions.push(suggestion);
  }
}

export function addRandomServices(ctx: GenContext): void {
  const prng = ctx.rng('services');
  addHardshipAids(ctx, prng);
  addConsultations(ctx, prng);
  addSuggestions(ctx, prng);
}
