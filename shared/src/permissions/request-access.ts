import type { Department, Principal } from '../context/principal';
import { NO_RECORDING, type AccessOutcome, type AccessRecorder } from './access-recorder';
import { DataClass } from './data-class';
import { decideFieldAccess, type FieldAccess } from './decide-field-access';
import type { FieldPolicy } from './field-policy';
import { subjectKeyOf } from './field-policy';
import type { GrantSource, Grants } from './grants';

/** The grants a sealed record's fields are decided with: no channel reaches them. */
const NO_GRANTS: Grants = new Map();

/** What the permission layer reads from a request's context. */
export interface PermissionContext {
  principal: Principal | null;
  /** The request's access-log recorder; none means nothing is recorded. */
  access?: AccessRecorder;
}

/**
 * One request's view of the permission layer: its principal, the grants of its department (asked
 * once), and the decision for each field (made once per field, however many records are read).
 */
export class RequestAccess {
  /** Whether reads are logged: every read of a non-PUBLIC field by another department is. */
  readonly logged: boolean;
  private grants: Grants | 'UNAVAILABLE' | undefined;
  private readonly decisions = new Map<string, FieldAccess>();
  /** Objects read in this request that belong to a sealed record (its parties), whatever their type. */
  private readonly sealedObjects = new WeakSet<object>();

  constructor(
    readonly principal: Principal | null,
    private readonly provider: Department,
    private readonly source: GrantSource,
    private readonly recorder: AccessRecorder,
  ) {
    this.logged = principal !== null && principal.department !== provider;
  }

  /**
   * What the principal gets of `policy`'s field of the record `parent`. Only a channel's grant depends
   * on the record: of a sealed one (record-rule.ts) the principal gets what it would get with no channel.
   */
  decide(policy: FieldPolicy, parent: unknown): FieldAccess {
    const access = this.decideOnce(policy.path, policy, () => this.grantsOfCaller());
    if (access.outcome !== 'GRANTED' || !this.isSealed(policy, parent)) return access;
    return this.decideOnce(`${policy.path}#sealed`, policy, () => NO_GRANTS);
  }

  /**
   * Marks the objects `value` holds (one or a list) as part of a sealed record when `parent` is sealed,
   * so that their own fields are sealed too. Only another department's reads can be granted, so only
   * they need the marks.
   */
  sealNested(policy: FieldPolicy, parent: unknown, value: unknown): void {
    if (!this.logged || !this.isSealed(policy, parent)) return;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && typeof item === 'object') this.sealedObjects.add(item);
    }
  }

  private isSealed(policy: FieldPolicy, parent: unknown): boolean {
    if (parent === null || typeof parent !== 'object') return false;
    return this.sealedObjects.has(parent) || (policy.sealedWhen?.(parent) ?? false);
  }

  private decideOnce(key: string, policy: FieldPolicy, grants: () => Grants | 'UNAVAILABLE'): FieldAccess {
    let access = this.decisions.get(key);
    if (!access) {
      access = decideFieldAccess(this.principal, this.provider, policy.classification, policy.path, grants());
      this.decisions.set(key, access);
    }
    return access;
  }

  /** Records a read of `policy`'s field of the record `parent` when it is logged. */
  record(policy: FieldPolicy, parent: unknown, outcome: AccessOutcome, channelId: string | null): void {
    if (this.logged) this.recordKeyed(policy, subjectKeyOf(parent, policy.subjectKeys), outcome, channelId);
  }

  /** Records a read of `policy`'s field of the record keyed `subjectKey` (a lookup has no parent record) when it is logged. */
  recordKeyed(policy: FieldPolicy, subjectKey: string | null, outcome: AccessOutcome, channelId: string | null): void {
    const dataClass = policy.classification?.dataClass;
    if (!this.logged || !dataClass || dataClass === DataClass.PUBLIC) return;
    this.recorder.record({ typeName: policy.typeName, fieldName: policy.fieldName, dataClass, subjectKey, outcome, channelId });
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
export function requestAccessCache(provider: Department, source: GrantSource): (ctx: PermissionContext) => RequestAccess {
  const byContext = new WeakMap<object, RequestAccess>();
  return (ctx) => {
    let access = byContext.get(ctx);
    if (!access) {
      access = new RequestAccess(ctx.principal ?? null, provider, source, ctx.access ?? NO_RECORDING);
      byContext.set(ctx, access);
    }
    return access;
  };
}
