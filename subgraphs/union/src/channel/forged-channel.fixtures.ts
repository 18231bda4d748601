import type { EntityManager } from '@mikro-orm/postgresql';
import { SharingChannel } from './sharing-channel.entity';

/** What a forged row says: the channel's content, and whom it names as having proposed and decided it. */
interface Forgery extends Pick<SharingChannel, 'code' | 'provider' | 'consumers' | 'grants' | 'purpose' | 'legalBasis'> {
  readonly by: { subject: string; name: string };
}

/**
 * An ACTIVE channel written straight into the registry's table (as a database administrator could), with
 * no decision of its provider behind it: what the provider's enforcement must grant nothing for.
 */
export async function forgeActiveChannel(em: EntityManager, { by, ...content }: Forgery): Promise<void> {
  em.create(SharingChannel, {
    ...content,
    validFrom: '2026-01-01',
    status: 'ACTIVE' as never,
    proposedBy: by,
    decidedBy: by,
    decidedAt: new Date(),
  });
  await em.flush();
}
