import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { BadUserInputError, insertOrConflict, keyOrderedPage, changeVersioned, type Connection } from '@labour/shared';
import { Enterprise } from './enterprise.entity';
import type { CreateEnterpriseInput, EnterprisesArgs, UpdateEnterpriseInput } from './enterprise.input';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export async function listEnterprises(em: EntityManager, args: EnterprisesArgs): Promise<Connection<Enterprise>> {
  const where: FilterQuery<Enterprise> = {};
  if (args.district) where.district = args.district;
  if (args.industry) where.industry = args.industry;
  if (args.name) where.name = { $ilike: `%${escapeLike(args.name)}%` };
  return keyOrderedPage(em, Enterprise, where, 'creditCode', args);
}

/** The enterprise a case or report names, which must be in the file. */
export async function requireEnterprise(em: EntityManager, creditCode: string, field: string): Promise<Enterprise> {
  const enterprise = await em.findOne(Enterprise, { creditCode });
  if (!enterprise) throw new BadUserInputError({ field, rule: `names no enterprise in the file (${creditCode})` });
  return enterprise;
}

export async function createEnterprise(em: EntityManager, input: CreateEnterpriseInput): Promise<Enterprise> {
  const enterprise = em.create(Enterprise, { ...input });
  return insertOrConflict(em, enterprise, 'An enterprise');
}

export async function updateEnterprise(em: EntityManager, input: UpdateEnterpriseInput): Promise<Enterprise> {
  const { creditCode: _creditCode, version: _version, ...changes } = input;
  return changeVersioned(em, Enterprise, 'creditCode', input, (e) => {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined && value !== null) (e as unknown as Record<string, unknown>)[key] = value;
    }
  });
}
