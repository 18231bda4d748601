import type { EntityManager } from '@mikro-orm/postgresql';
import { analyzeOwnTables, bulkInsert, Department, loadOwnDemoChannels, personRefsOf, toParty } from '@labour/shared';
import type { Logger } from 'pino';
import { JudicialConfirmation } from '../confirmation/judicial-confirmation.entity';
import { EnforcementCase } from '../enforcement/enforcement-case.entity';
import { Lawsuit } from '../lawsuit/lawsuit.entity';
import { confirmationDueOnOf, enforcementDueOnOf, lawsuitDueOnOf, suggestionDueOnOf } from '../legal-clock/stage-due-dates';
import { JudicialSuggestion } from '../suggestion/judicial-suggestion.entity';

/**
 * Loads the court's slice of the demo world. Enterprises and workers are HR's: the court stores credit
 * codes and, for persons, its own copy plus the personRef it derives with the shared linkage key.
 */
export async function loadCourtDemoData(
  em: EntityManager,
  options: { scale: number; asOf: string; linkageKey: Buffer; logger: Logger },
): Promise<void> {
  // Loaded only when demo data is asked for: a production start never needs the generator.
  const { generateWorld } = await import('@labour/demo-world');
  const { court } = generateWorld({ seed: 20140601, scale: options.scale, asOf: options.asOf });
  const partiesOf = (people: { idNumber: string; name: string }[]) => people.map((p) => toParty(p, options.linkageKey));

  await bulkInsert(
    em,
    Lawsuit,
    court.lawsuits.map((l) => {
      const plaintiffs = partiesOf(l.plaintiffs);
      return { ...l, plaintiffs, plaintiffRefs: personRefsOf(plaintiffs), dueOn: lawsuitDueOnOf(l) };
    }),
  );
  await bulkInsert(
    em,
    JudicialConfirmation,
    court.judicialConfirmations.map((c) => {
      const applicants = partiesOf(c.applicants);
      return { ...c, applicants, applicantRefs: personRefsOf(applicants), dueOn: confirmationDueOnOf(c) };
    }),
  );
  await bulkInsert(
    em,
    EnforcementCase,
    court.enforcementCases.map((e) => {
      const applicant = toParty(e.applicant, options.linkageKey);
      return { ...e, applicant, applicantRef: applicant.personRef, dueOn: enforcementDueOnOf(e) };
    }),
  );
  await bulkInsert(
    em,
    JudicialSuggestion,
    court.judicialSuggestions.map((s) => ({ ...s, dueOn: suggestionDueOnOf(s) })),
  );
  // The channels this department provides, as its own ADMIN decided them: what it enforces.
  const ownChannels = await loadOwnDemoChannels(em, Department.COURT, { asOf: options.asOf });
  await analyzeOwnTables(em);
  options.logger.info(
    {
      ownChannels,
      lawsuits: court.lawsuits.length,
      judicialConfirmations: court.judicialConfirmations.length,
      enforcementCases: court.enforcementCases.length,
      judicialSuggestions: court.judicialSuggestions.length,
    },
    'court demo data',
  );
}
