import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { OptimisticLockError } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { z } from 'zod';
import { Department, Role, type Principal } from '../context/principal';
import { BACKGROUND_QUERY } from '../db/query-counter';
import { insertOrConflict } from '../db/unique-conflict';
import { BadUserInputError, ConflictError, ForbiddenError, type Violation } from '../errors/app-errors';
import type { Clock } from '../legal-clock/clock';
import { assertTransition, type TransitionTable } from '../legal-clock/state-machine';
import { DEMO_CHANNEL_ADMINS, DEMO_CHANNELS, demoChannelValidity } from './demo-channels';
import type { ChannelInForce } from './channel-grants';
import { consumerViolations, grantViolations, scopeViolations } from './grant-rules';
import { createPollingGrantSource, type ChannelGrantSource } from './polling-grant-source';
import { ProviderChannel, ProviderChannelStatus, type ChannelContent, type ChannelDecider } from './provider-channel.entity';

const { ACTIVE, SUSPENDED, REVOKED } = ProviderChannelStatus;

/** What the provider may decide after what: a suspended channel may come back; a revoked one never. */
export const PROVIDER_CHANNEL_TRANSITIONS: TransitionTable<ProviderChannelStatus> = {
  [ACTIVE]: [SUSPENDED, REVOKED],
  [SUSPENDED]: [ACTIVE, REVOKED],
  [REVOKED]: [],
};

/** A decision as the registry forwards it to the provider, with the ADMIN's own token. */
export interface ChannelDecision {
  code: string;
  provider: Department;
  status: ProviderChannelStatus;
  reason?: string | null;
  content: ChannelContent;
}

/** The provider's record of a channel, as its routes answer it (JSON). */
export interface ProviderChannelView {
  code: string;
  provider: Department;
  status: ProviderChannelStatus;
  content: ChannelContent;
  decidedBy: ChannelDecider;
  decidedAt: string;
  decisionReason: string | null;
  version: number;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The content's known fields are checked; any other field (added to the registry later) passes through as it is. */
const contentSchema = z
  .object({
    consumers: z.array(z.nativeEnum(Department)).min(1, 'must name at least one department').max(3, 'must name at most 3 departments'),
    grants: z
      .array(
        z.object({
          typeName: text(100),
          fields: z.array(text(100)).min(1, 'must name at least one field').max(50, 'must name at most 50 fields'),
        }),
      )
      .min(1, 'must name at least one type')
      .max(50, 'must name at most 50 types'),
    purpose: text(1000),
    legalBasis: text(1000),
    validFrom: isoDate,
    validUntil: isoDate.nullable(),
  })
  .passthrough();

const decisionSchema = z.object({
  code: text(60).regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, 'must be capitals, digits and single hyphens, starting with a letter'),
  provider: z.nativeEnum(Department),
  status: z.nativeEnum(ProviderChannelStatus),
  reason: z.string().max(1000, 'must be at most 1000 characters').nullish(),
  content: contentSchema,
});

/** zod's issues as the violations every bad input carries: `content.grants[0].fields[1]`, and the rule. */
function violationsOf(error: z.ZodError): Violation[] {
  return error.issues.map((issue) => ({
    field:
      issue.path.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key), '') ||
      'decision',
    rule: issue.message,
  }));
}

/** A value with its object keys sorted and null/absent members dropped: two contents are the same when these are. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] != null)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Whether two contents say the same (key order and null-versus-absent aside). */
export function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function viewOf(record: ProviderChannel, provider: Department): ProviderChannelView {
  return {
    code: record.code,
    provider,
    status: record.status,
    content: record.content,
    decidedBy: record.decidedBy,
    decidedAt: record.decidedAt.toISOString(),
    decisionReason: record.decisionReason,
    version: record.version,
  };
}

/**
 * Records a decision of this department (`own`) on one of its outgoing channels, in its own table: the
 * only way a row of it is written. The caller must be an ADMIN of `own` (from its verified token, never
 * from the body). Activation checks the content against this department's field catalogue (SHARED or
 * PERSONAL fields of its own types, other departments as consumers, not expired). A channel's content
 * never changes once recorded: activating it again with other content is a CONFLICT. Deciding what is
 * already decided changes nothing and answers the record (so the registry can repair its index).
 */
export async function recordChannelDecision(
  em: EntityManager,
  own: Department,
  principal: Principal | null,
  body: unknown,
  today: string,
): Promise<ProviderChannel> {
  if (!principal || principal.department !== own || !principal.roles.includes(Role.ADMIN)) {
    throw new ForbiddenError(`Only an ADMIN of ${own} may decide its sharing channels`);
  }
  const parsed = decisionSchema.safeParse(body);
  if (!parsed.success) throw new BadUserInputError(violationsOf(parsed.error));
  const decision = parsed.data;
  if (decision.provider !== own) {
    throw new BadUserInputError({ field: 'provider', rule: `is ${decision.provider}: ${own} decides only its own outgoing channels` });
  }
  const content = decision.content as ChannelContent;
  if (decision.status === ACTIVE) {
    const violations: Violation[] = [
      ...consumerViolations(own, content.consumers as Department[]).map((v) => ({ ...v, field: `content.${v.field}` })),
      ...grantViolations(own, content.grants).map((v) => ({ ...v, field: `content.${v.field}` })),
      // The provider checks the scope itself: its own implementations are what will enforce it.
      ...scopeViolations(own, typeof content['scope'] === 'string' ? content['scope'] : null, content.grants).map((v) => ({
        ...v,
        field: `content.${v.field}`,
      })),
    ];
    if (content.validUntil !== null && content.validUntil < content.validFrom) {
      violations.push({ field: 'content.validUntil', rule: `must not be earlier than validFrom (${content.validFrom})` });
    } else if (content.validUntil !== null && content.validUntil < today) {
      violations.push({
        field: 'content.validUntil',
        rule: `expired on ${content.validUntil}: an expired channel cannot be activated; propose a new one`,
      });
    }
    if (violations.length) throw new BadUserInputError(violations);
  }
  const decidedBy: ChannelDecider = { subject: principal.subject, name: principal.name };
  const reason = decision.reason?.trim() || null;
  const found = await em.findOne(ProviderChannel, { code: decision.code });
  if (!found) {
    const created = em.create(ProviderChannel, {
      code: decision.code,
      content,
      status: decision.status,
      decidedBy,
      decidedAt: new Date(),
      decisionReason: reason,
    });
    return insertOrConflict(em, created, 'A sharing channel');
  }
  // Stopping a channel needs no agreement on its content; putting it in force does.
  if (decision.status === ACTIVE && !sameContent(found.content, content)) {
    throw new ConflictError(
      `Sharing channel ${decision.code} was decided by ${own} with other content: a channel's content never changes once decided; propose a new channel`,
      { field: 'content' },
    );
  }
  if (found.status === decision.status) return found;
  assertTransition(PROVIDER_CHANNEL_TRANSITIONS, found.status, decision.status);
  found.status = decision.status;
  found.decidedBy = decidedBy;
  found.decidedAt = new Date();
  found.decisionReason = reason;
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError)
      throw new ConflictError(`Sharing channel ${decision.code} was decided by someone else meanwhile: read it again`);
    throw error;
  }
  return found;
}

/** The most channels in force one provider enforces; any after the first 1000 by code grant nothing (fail closed). */
export const MAX_OWN_CHANNELS_IN_FORCE = 1000;

/** This department's ACTIVE channels from its own table (validity is applied day by day by the grant source). */
export async function ownChannelsInForce(em: EntityManager, background = false): Promise<ChannelInForce[]> {
  const rows = await em.find(
    ProviderChannel,
    { status: ACTIVE },
    { orderBy: { code: 'asc' }, limit: MAX_OWN_CHANNELS_IN_FORCE, ...(background ? { loggerContext: { [BACKGROUND_QUERY]: true } } : {}) },
  );
  return rows.map((row) => ({
    ...row.content,
    code: row.code,
    consumers: row.content.consumers.filter((c): c is Department => Object.hasOwn(Department, c)),
    grants: row.content.grants,
    validFrom: row.content.validFrom,
    validUntil: row.content.validUntil ?? null,
    // A channel recorded without a scope grants nothing (channel-grants.ts).
    scope: typeof row.content['scope'] === 'string' ? row.content['scope'] : null,
  }));
}

/** This department's records of the given codes (at most 1000), by code. */
export async function ownChannelRecords(em: EntityManager, own: Department, codes: readonly string[]): Promise<ProviderChannelView[]> {
  if (codes.length === 0) return [];
  const rows = await em.find(
    ProviderChannel,
    { code: { $in: [...new Set(codes)].slice(0, MAX_OWN_CHANNELS_IN_FORCE) } },
    { orderBy: { code: 'asc' } },
  );
  return rows.map((row) => viewOf(row, own));
}

/**
 * The grants this department enforces: its own table, reread every `refreshMs`, failing closed when it
 * has not been read for `staleAfterMs`. Nothing outside the department (the union's registry included)
 * is asked, so its channels keep granting while the union is down.
 */
export function createOwnGrantSource(
  orm: MikroORM,
  options: { provider: Department; refreshMs?: number; staleAfterMs?: number; logger: Logger; clock: Clock },
): ChannelGrantSource {
  return createPollingGrantSource({
    provider: options.provider,
    load: () => ownChannelsInForce(orm.em.fork(), true),
    refreshMs: options.refreshMs,
    staleAfterMs: options.staleAfterMs,
    logger: options.logger,
    today: options.clock.today,
    from: 'the provider_channel table',
  });
}

/**
 * The demo channels this department provides, as its ADMIN decided them at the joint meeting: ACTIVE,
 * with the same content as the registry's demo rows (`demoChannelValidity`).
 */
export async function loadOwnDemoChannels(em: EntityManager, own: Department, options: { asOf: string }): Promise<number> {
  const decidedAt = new Date();
  const mine = DEMO_CHANNELS.filter((channel) => channel.provider === own);
  for (const { code, provider: _provider, ...rest } of mine) {
    const content = { ...structuredClone(rest), ...demoChannelValidity(options.asOf) } as ChannelContent;
    em.create(ProviderChannel, { code, content, status: ACTIVE, decidedBy: { ...DEMO_CHANNEL_ADMINS[own] }, decidedAt });
  }
  await em.flush();
  return mine.length;
}
