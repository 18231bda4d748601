import type { EntityManager } from '@mikro-orm/postgresql';
import { analyzeOwnTables, bulkInsert, Department, loadOwnDemoChannels, mediationDueOn, personRefsOf, toParty } from '@labour/shared';
import type { Logger } from 'pino';
import { PeopleMediationCommittee } from '../committee/people-mediation-committee.entity';
import { LegalAidCase } from '../legal-aid/legal-aid-case.entity';
import { PeopleMediationCase } from '../people-mediation/people-mediation-case.entity';

/** Loads the justice bureau's slice of the demo world: committees first, then the cases that refer to them. */
export async function loadJusticeDemoData(
  em: EntityManager,
  options: { scale: number; asOf: string; linkageKey: Buffer; logger: Logger },
): Promise<void> {
  // Loaded only when demo data is asked for: a production start never needs the generator.
  const { generateWorld } = await import('@labour/demo-world');
  const { justice } = generateWorld({ seed: 20140601, scale: options.scale, asOf: options.asOf });
  const committees = await bulkInsert(
    em,
    PeopleMediationCommittee,
    justice.committees.map((c) => ({ ...c })),
  );
  const idOf = new Map(committees.map((c) => [c['code'] as string, c.id]));
  const committeeId = (code: string) => {
    const id = idOf.get(code);
    if (!id) throw new Error(`demo world refers to unknown people's mediation committee ${code}`);
    return id;
  };
  await bulkInsert(
    em,
    LegalAidCase,
    justice.legalAidCases.map(({ applicant, ...c }) => {
      const party = toParty(applicant, options.linkageKey);
      return { ...c, applicant: party, applicantRef: party.personRef };
    }),
  );
  await bulkInsert(
    em,
    PeopleMediationCase,
    justice.peopleMediationCases.map(({ committeeCode, parties, ...c }) => {
      const stored = parties.map((p) => toParty(p, options.linkageKey));
      return {
        ...c,
        committee: committeeId(committeeCode),
        parties: stored,
        partyRefs: personRefsOf(stored),
        dueOn: mediationDueOn(c.appliedOn),
      };
    }),
  );
  // The channels this department provides, as its own ADMIN decided them: what it enforces.
  const ownChannels = await loadOwnDemoChannels(em, Department.JUSTICE, { asOf: options.asOf });
  await analyzeOwnTables(em);
  options.logger.info(
    {
      ownChannels,
      committees: committees.length,
      legalAidCases: justice.legalAidCases.length,
      peopleMediationCases: justice.peopleMediationCases.length,
    },
    'justice demo data',
  );
}
