import { addDays } from './dates';

/**
 * Statutory periods of the labour-dispute process, in days (Labour Dispute Mediation and Arbitration Law).
 */
export const LEGAL_PERIODS = {
  /** No mediation agreement within 15 days of the application: the parties may go to arbitration (第14条). */
  mediation: 15,
  /** The commission decides on acceptance within 5 days of receiving the application (第29条). */
  arbitrationAcceptance: 5,
  /** The award is due within 45 days of acceptance (第43条) … */
  arbitrationAward: 45,
  /** … extendable once, by at most 15 days, with the chair's approval. */
  arbitrationExtension: 15,
  /** A party who disagrees with the award may sue within 15 days of receiving it (第48条). */
  suitAfterAward: 15,
  /** A mass layoff is explained to the union or all workers 30 days ahead (劳动合同法第41条). */
  layoffNotice: 30,
  /** The legal-aid body decides on an application within 7 days (法律援助法第43条). */
  legalAidDecision: 7,
  /** A filed collective contract takes effect unless the labour bureau objects within 15 days. */
  collectiveContractReview: 15,
} as const;

export const mediationDueOn = (appliedOn: string) => addDays(appliedOn, LEGAL_PERIODS.mediation);
export const arbitrationAcceptanceDueOn = (filedOn: string) => addDays(filedOn, LEGAL_PERIODS.arbitrationAcceptance);
export function arbitrationAwardDueOn(acceptedOn: string, extended: boolean): string {
  return addDays(acceptedOn, LEGAL_PERIODS.arbitrationAward + (extended ? LEGAL_PERIODS.arbitrationExtension : 0));
}

/**
 * Last day to sue over an award (起诉期限): 15 days after it. The law counts from the day the award is
 * received; service is not recorded, so the award date stands in for it, as the court's appeal period does.
 */
export const suitAfterAwardDueOn = (awardOn: string) => addDays(awardOn, LEGAL_PERIODS.suitAfterAward);
