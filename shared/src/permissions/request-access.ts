import type { Department, Principal } from '../context/principal';
import { NO_RECORDING, type AccessOutcome, type AccessRecorder } from './access-recorder';
import { DataClass } from './data-class';
import { decideFieldAccess, type FieldAccess } from './decide-field-access';
import type { FieldPolicy } from './field-policy';
import { subjectKeyOf } from './field-policy';
import type { GrantSource, Grants } from './grants';

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

  constructor(
    readonly principal: Principal | null,
    private readonly provider: Department,
    private readonly source: GrantSource,
    private readonly recorder: AccessRecorder,
  ) {
    this.logged = principal !== null && principal.department !== provider;
  }

  decide(policy: FieldPolicy): FieldAccess {
    let access = this.decisions.get(policy.path);
    if (!access) {
      access = decideFieldAccess(this.principal, this.provider, policy.classification, policy.path, this.grantsOfCaller());
      this.decisions.set(policy.path, access);
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
