import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BadUserInputError, insertOrConflict, keyOrderedPage, changeVersioned, type Connection } from '@labour/shared';
import { CommitteeLevel, PeopleMediationCommittee } from './people-mediation-committee.entity';
import type {
  CreatePeopleMediationCommitteeInput,
  PeopleMediationCommitteesArgs,
  UpdatePeopleMediationCommitteeInput,
} from './committee.input';

export async function listCommittees(
  em: EntityManager,
  args: PeopleMediationCommitteesArgs,
): Promise<Connection<PeopleMediationCommittee>> {
  const where: FilterQuery<PeopleMediationCommittee> = {};
  if (args.level) where.level = args.level;
  if (args.district) where.district = args.district;
  return keyOrderedPage(em, PeopleMediationCommittee, where, 'code', args);
}

/** The committee a case names, which must be registered here. */
export async function requireCommittee(em: EntityManager, code: string, field: string): Promise<PeopleMediationCommittee> {
  const committee = await em.findOne(PeopleMediationCommittee, { code });
  if (!committee) throw new BadUserInputError({ field, rule: `names no registered people's mediation committee (${code})` });
  return committee;
}

/** An enterprise committee (企业调委会) belongs to exactly one enterprise; the other four levels to none. */
function assertEnterpriseForLevel(level: CommitteeLevel, creditCode: string | null | undefined): void {
  if (level === CommitteeLevel.ENTERPRISE && !creditCode) {
    throw new BadUserInputError({ field: 'enterpriseCreditCode', rule: 'is required when level is ENTERPRISE' });
  }
  if (level !== CommitteeLevel.ENTERPRISE && creditCode) {
    throw new BadUserInputError({
      field: 'enterpriseCreditCode',
      rule: `must be left out when level is ${level}: only an ENTERPRISE committee belongs to one enterprise`,
    });
  }
}

export async function createCommittee(em: EntityManager, input: CreatePeopleMediationCommitteeInput): Promise<PeopleMediationCommittee> {
  assertEnterpriseForLevel(input.level, input.enterpriseCreditCode);
  const committee = em.create(PeopleMediationCommittee, {
    ...input,
    name: input.name.trim(),
    enterpriseCreditCode: input.enterpriseCreditCode ?? null,
  });
  return insertOrConflict(em, committee, "A people's mediation committee");
}

export async function updateCommittee(em: EntityManager, input: UpdatePeopleMediationCommitteeInput): Promise<PeopleMediationCommittee> {
  return changeVersioned(em, PeopleMediationCommittee, 'code', input, (c) => {
    if (input.name != null) c.name = input.name.trim();
    if (input.district != null) c.district = input.district;
    if (input.mediatorCount != null) c.mediatorCount = input.mediatorCount;
  });
}
