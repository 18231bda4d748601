import type { EntityManager } from '@mikro-orm/postgresql';
import { bulkInsert, Department, loadOwnDemoChannels, mediationDueOn, personRefsOf, toParty } from '@labour/shared';
import type { Logger } from 'pino';
import { HardshipAid } from '../aid/hardship-aid.entity';
import { loadDemoChannels } from '../channel/demo-channels';
import { LegalConsultation } from '../consultation/legal-consultation.entity';
import { CollectiveContract } from '../contract/collective-contract.entity';
import { loadDemoMeetings, storyDisputeNo } from '../meeting/demo-meetings';
import { MediationCase } from '../mediation/mediation-case.entity';
import { loadDemoNotices } from '../notice/demo-notices';
import { UnionOrganization } from '../organization/union-organization.entity';

/** Loads the union's slice of the demo world. Enterprises are HR's: here they are credit codes only. */
export async function loadUnionDemoData(
  em: EntityManager,
  options: { scale: number; asOf: string; linkageKey: Buffer; logger: Logger },
): Promise<void> {
  // Loaded only when demo data is asked for: a production start never needs the generator.
  const { generateWorld } = await import('@labour/demo-world');
  const { union } = generateWorld({ seed: 20140601, scale: options.scale, asOf: options.asOf });
  const party = (p: { idNumber: string; name: string }) => toParty(p, options.linkageKey);

  await bulkInsert(em, UnionOrganization, union.organizations.map((o) => ({ ...o })));
  await bulkInsert(em, MediationCase, union.mediationCases.map(({ workers, ...c }) => {
    const parties = workers.map(party);
    return { ...c, workers: parties, workerRefs: personRefsOf(parties), dueOn: mediationDueOn(c.appliedOn) };
  }));
  await bulkInsert(em, CollectiveContract, union.collectiveContracts.map((c) => ({ ...c })));
  await bulkInsert(em, HardshipAid, union.hardshipAids.map(({ recipient, ...a }) => {
    const stored = party(recipient);
    return { ...a, recipient: stored, recipientRef: stored.personRef };
  }));
  await bulkInsert(em, LegalConsultation, union.legalConsultations.map(({ worker, ...c }) => {
    const stored = worker ? party(worker) : null;
    return { ...c, worker: stored, workerRef: stored?.personRef ?? null };
  }));
  const sharingChannels = await loadDemoChannels(em, { asOf: options.asOf });
  const notices = await loadDemoNotices(em, { asOf: options.asOf, consultations: union.legalConsultations });
  const jointMeetings = await loadDemoMeetings(em, { asOf: options.asOf, constructionDisputeNo: storyDisputeNo(union.mediationCases) });
  // The channels this department provides, as its own ADMIN decided them: what it enforces.
  const ownChannels = await loadOwnDemoChannels(em, Department.UNION, { asOf: options.asOf });
  // Planner statistics for the rows just written: without them PostgreSQL plans the first minutes of
  // queries for near-empty tables (nested loops over thousands of rows) until autovacuum comes round.
  await em.execute('analyze');
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
