import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, insertOrConflict, changeVersioned } from '@labour/shared';
import type { CreateUnionOrganizationInput, UpdateUnionOrganizationInput } from './organization.input';
import { UnionKind, UnionOrganization } from './union-organization.entity';

const FIELD = 'enterpriseCreditCodes';

function assertCoverageFitsKind(kind: UnionKind, codes: readonly string[]): void {
  if (kind === UnionKind.ENTERPRISE && codes.length !== 1) {
    throw new BadUserInputError({ field: FIELD, rule: `must name exactly one enterprise for an ENTERPRISE union, not ${codes.length}` });
  }
}

/** An enterprise belongs to one grassroots union, so that `Enterprise.unionOrganization` has one answer. */
async function assertNotCoveredElsewhere(em: EntityManager, codes: string[], self?: string): Promise<void> {
  const others = await em.find(
    UnionOrganization,
    {
      enterpriseCreditCodes: { $overlap: codes },
      ...(self ? { id: { $ne: self } } : {}),
    },
    { orderBy: { name: 'asc' } },
  );
  const other = others[0];
  if (!other) return;
  const taken = codes.filter((code) => other.enterpriseCreditCodes.includes(code));
  throw new BadUserInputError({ field: FIELD, rule: `names ${taken.join(', ')}, already covered by ${other.name}` });
}

export async function createUnionOrganization(em: EntityManager, input: CreateUnionOrganizationInput): Promise<UnionOrganization> {
  assertCoverageFitsKind(input.kind, input.enterpriseCreditCodes);
  await assertNotCoveredElsewhere(em, input.enterpriseCreditCodes);
  const created = em.create(UnionOrganization, { ...input, name: input.name.trim(), chairName: input.chairName.trim() });
  return insertOrConflict(em, created, 'A union organization');
}

export async function updateUnionOrganization(em: EntityManager, input: UpdateUnionOrganizationInput): Promise<UnionOrganization> {
  return changeVersioned(
    em,
    UnionOrganization,
    'id',
    input,
    async (union) => {
      if (input.enterpriseCreditCodes != null) {
        assertCoverageFitsKind(union.kind, input.enterpriseCreditCodes);
        await assertNotCoveredElsewhere(em, input.enterpriseCreditCodes, union.id);
        union.enterpriseCreditCodes = input.enterpriseCreditCodes;
      }
      if (input.name != null) union.name = input.name.trim();
      if (input.chairName != null) union.chairName = input.chairName.trim();
      if (input.memberCount != null) union.memberCount = input.memberCount;
    },
    (found) => `Union organisation ${found.name}`,
  );
}

/** The union covering an enterprise: its own enterprise union before a joint one, before an industry one. */
export function coveringUnion(unions: readonly UnionOrganization[]): UnionOrganization | null {
  const rank = { [UnionKind.ENTERPRISE]: 0, [UnionKind.JOINT]: 1, [UnionKind.INDUSTRY]: 2 };
  return [...unions].sort((a, b) => rank[a.kind] - rank[b.kind])[0] ?? null;
}
