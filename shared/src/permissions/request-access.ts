import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { ResponsePath } from 'graphql';
import { fetchIndexOf, type FetchOrigin } from '../federation/merged-fetch';
import type { Department, Principal } from '../context/principal';
import { NO_RECORDING, type AccessOutcome, type AccessRecorder, type OutcomeCounter } from './access-recorder';
import type { ScopeImplementations } from './channel-scope';
import { DataClass } from './data-class';
import { decideFieldAccess, type FieldAccess } from './decide-field-access';
import type { FieldPolicy } from './field-policy';
import { subjectKeyOf } from './field-policy';
import type { ChannelGrant, GrantSource, Grants } from './grants';

/** The grants a sealed record's fields, and those out of every granting channel's scope, are decided with: no channel reaches them. */
const NO_GRANTS: Grants = new Map();

/** What the permission layer reads from a request's context. */
export interface PermissionContext {
  principal: Principal | null;
  /** The request's access-log recorder; none means nothing is recorded. */
  access?: AccessRecorder;
  /** The request's entity manager, in which channel scopes run their SQL; without one no record is in a scope. */
  em?: EntityManager;
  /** The request's day (China time), which scopes count from. */
  today?: string;
  /** For a merged fetch of the gateway: the client request of each of its fetches (BaseRequestContext). */
  fetchOrigins?: readonly FetchOrigin[] | null;
}

/** The record a field's object belongs to: itself, or, for an object nested in a record (its parties), that record. */
interface OwningRecord {
  typeName: string;
  record: object;
  sealed: boolean;
}

/**
 * One request's view of the permission layer: its principal, the grants of its department (asked
 * once), the decision for each field (made once per field, however many records are read) and, for
 * fields granted by scoped channels, whether each record read is in scope (one statement per scope,
 * channel and type, however many records, cached for the request).
 */
export class RequestAccess {
  /** Whether reads are logged: every read of a non-PUBLIC field by another department is. */
  readonly logged: boolean;
  private grants: Grants | 'UNAVAILABLE' | undefined;
  private readonly decisions = new Map<string, FieldAccess>();
  /** Objects read in this request that belong to a record (its parties), whatever their type: their owning record. */
  private readonly owners = new WeakMap<object, OwningRecord>();
  /** Whether a record is in a channel's scope: `scope channel type key` → answer, once known. */
  private readonly inScopeKnown = new Map<string, boolean>();
  /** One loader per scope, channel and type: the keys read in one tick go to the provider's SQL together. */
  private readonly scopeLoaders = new Map<string, DataLoader<string, boolean>>();

  constructor(
    readonly principal: Principal | null,
    private readonly provider: Department,
    private readonly source: GrantSource,
    private readonly recorder: AccessRecorder,
    private readonly scopes: ScopeImplementations = {},
    private readonly ctx: PermissionContext = { principal },
    /** Counts the outcomes recorded (metrics); none: not counted. */
    private readonly outcomes?: OutcomeCounter,
  ) {
    this.logged = principal !== null && principal.department !== provider;
  }

  /**
   * What the principal gets of `policy`'s field of the record `parent`. Only a channel's grant depends
   * on the record: of a sealed one (record-rule.ts), and of one outside the scope of every channel that
   * grants the field, the principal gets what it would get with no channel. A promise only while a scope
   * has still to be asked about this record.
   */
  decide(policy: FieldPolicy, parent: unknown): FieldAccess | Promise<FieldAccess> {
    const access = this.decideOnce(policy.path, policy, () => this.grantsOfCaller());
    if (access.outcome !== 'GRANTED') return access;
    let owner: OwningRecord | undefined;
    if (parent !== null && typeof parent === 'object') {
      const nestedIn = this.owners.get(parent);
      if (nestedIn ? nestedIn.sealed : (policy.sealedWhen?.(parent) ?? false)) return this.withoutChannel(policy);
      if (!access.grant) return access;
      owner = nestedIn ?? { typeName: policy.typeName, record: parent, sealed: false };
    }
    if (!access.grant) return access;
    return this.inAnyScope(access.grant.also ? [access.grant, ...access.grant.also] : [access.grant], owner, policy);
  }

  /**
   * Marks the objects `value` holds (one or a list) as belonging to the record `parent` (a record rule's
   * `nested` field): sealed with it, and in a channel's scope with it. Only another department's reads can
   * be granted, so only they need the marks.
   */
  markNested(policy: FieldPolicy, parent: unknown, value: unknown): void {
    if (!this.logged) return;
    const owner = this.owningRecord(policy, parent);
    if (!owner) return;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && typeof item === 'object') this.owners.set(item, owner);
    }
  }

  /** The record `parent` is, or belongs to; none when it is no object. */
  private owningRecord(policy: FieldPolicy, parent: unknown): OwningRecord | undefined {
    if (parent === null || typeof parent !== 'object') return undefined;
    return this.owners.get(parent) ?? { typeName: policy.typeName, record: parent, sealed: policy.sealedWhen?.(parent) ?? false };
  }

  private withoutChannel(policy: FieldPolicy): FieldAccess {
    return this.decideOnce(`${policy.path}#unchannelled`, policy, () => NO_GRANTS);
  }

  /** The first of `grants` (by channel code) whose scope holds the record; none: as with no channel. */
  private inAnyScope(
    grants: readonly ChannelGrant[],
    owner: OwningRecord | undefined,
    policy: FieldPolicy,
  ): FieldAccess | Promise<FieldAccess> {
    for (let i = 0; i < grants.length; i += 1) {
      const grant = grants[i]!;
      const held = grant.scope === undefined ? true : this.inScope(grant.scope, grant.channelId, owner);
      if (held === true) return { outcome: 'GRANTED', channelId: grant.channelId };
      if (held !== false) {
        return held.then((yes) =>
          yes ? { outcome: 'GRANTED', channelId: grant.channelId } : this.inAnyScope(grants.slice(i + 1), owner, policy),
        );
      }
    }
    return this.withoutChannel(policy);
  }

  /**
   * Whether the record is in the scope `scope` of channel `channelId`: known, or asked of the provider's
   * SQL with the other records of the tick. A record without its key, of a type the scope does not
   * implement (a hardship-aid recipient under a scope of cases), or with no entity manager: out of scope.
   */
  private inScope(scope: string, channelId: string, owner: OwningRecord | undefined): boolean | Promise<boolean> {
    const records = owner && this.scopes[scope]?.records[owner.typeName];
    const key = records && (owner.record as Record<string, unknown>)[records.key];
    if (!records || (typeof key !== 'string' && typeof key !== 'number') || !this.ctx.em) return false;
    const known = `${scope}\u0000${channelId}\u0000${owner.typeName}\u0000${key}`;
    const answer = this.inScopeKnown.get(known);
    if (answer !== undefined) return answer;
    const loaderKey = `${scope}\u0000${channelId}\u0000${owner.typeName}`;
    let loader = this.scopeLoaders.get(loaderKey);
    if (!loader) {
      const query = { channel: channelId, consumer: this.principal!.department, today: this.ctx.today ?? '', em: this.ctx.em };
      loader = new DataLoader<string, boolean>(async (keys) => {
        const held = new Set(await records.inScope(keys, query));
        return keys.map((k) => held.has(k));
      });
      this.scopeLoaders.set(loaderKey, loader);
    }
    return loader.load(String(key)).then((yes) => {
      this.inScopeKnown.set(known, yes);
      return yes;
    });
  }

  private decideOnce(key: string, policy: FieldPolicy, grants: () => Grants | 'UNAVAILABLE'): FieldAccess {
    let access = this.decisions.get(key);
    if (!access) {
      access = decideFieldAccess(this.principal, this.provider, policy.classification, policy.path, grants());
      this.decisions.set(key, access);
    }
    return access;
  }

  /** Records a read of `policy`'s field of the record `parent`, at `path` in the answer, when it is logged. */
  record(policy: FieldPolicy, parent: unknown, outcome: AccessOutcome, channelId: string | null, path: ResponsePath): void {
    if (this.logged) this.recordKeyed(policy, subjectKeyOf(parent, policy.subjectKeys), outcome, channelId, path);
  }

  /** Records a read of `policy`'s field of the record keyed `subjectKey` (a lookup has no parent record) when it is logged. */
  recordKeyed(policy: FieldPolicy, subjectKey: string | null, outcome: AccessOutcome, channelId: string | null, path: ResponsePath): void {
    const dataClass = policy.classification?.dataClass;
    if (!this.logged || !dataClass || dataClass === DataClass.PUBLIC) return;
    this.outcomes?.count(this.principal!.department, outcome);
    // In a merged fetch, the fetch the read belongs to, which the access log names the client request of.
    const origins = this.ctx.fetchOrigins;
    const fetch = origins ? fetchIndexOf(path) : undefined;
    this.recorder.record({
      typeName: policy.typeName,
      fieldName: policy.fieldName,
      dataClass,
      subjectKey,
      outcome,
      channelId,
      fetch: fetch !== undefined && fetch < origins!.length ? fetch : undefined,
    });
  }

  private grantsOfCaller(): Grants | 'UNAVAILABLE' {
    if (this.grants === undefined) {
      // Only another department's grants matter; a source that fails is one that cannot answer: fail closed.
      if (!this.logged) this.grants = new Map();
      else {
        try {
          this.grants = this.source.grantsFor(this.principal!.department);
        } catch {
          this.grants = 'UNAVAILABLE';
        }
      }
    }
    return this.grants;
  }
}

/** The RequestAccess of each request context, made on first use and dropped with the context. */
export function requestAccessCache(
  provider: Department,
  source: GrantSource,
  scopes: ScopeImplementations = {},
  outcomes?: OutcomeCounter,
): (ctx: PermissionContext) => RequestAccess {
  const byContext = new WeakMap<object, RequestAccess>();
  return (ctx) => {
    let access = byContext.get(ctx);
    if (!access) {
      access = new RequestAccess(ctx.principal ?? null, provider, source, ctx.access ?? NO_RECORDING, scopes, ctx, outcomes);
      byContext.set(ctx, access);
    }
    return access;
  };
}
