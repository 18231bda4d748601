import { Role, type Department, type Principal } from '../context/principal';
import type { AccessOutcome } from './access-recorder';
import { DataClass, type FieldClassification } from './data-class';
import type { FieldGrant, Grants } from './grants';

/** What a principal gets of one field: FULL (own department, not logged) or an outcome for the access log. */
export interface FieldAccess {
  outcome: 'FULL' | AccessOutcome;
  /** The sharing channel that granted a SHARED or PERSONAL field to another department. */
  channelId: string | null;
  /**
   * For a field GRANTED by scoped channels: those channels, with their scopes. A scoped grant holds only
   * for the records in its scope, which RequestAccess decides per record.
   */
  grant?: FieldGrant;
}

/**
 * Roles that read their department's data in clear. A principal with none of them (ANALYST or AUDITOR
 * only, or no role at all) gets the analyst's view everywhere: PUBLIC in full, PERSONAL masked, nothing else.
 * A principal holding ANALYST beside one of these reads as that other role.
 */
const READING_ROLES: ReadonlySet<Role> = new Set([Role.CASEWORKER, Role.SERVICE, Role.COORDINATOR, Role.ADMIN]);

const KNOWN_CLASSES: ReadonlySet<string> = new Set(Object.values(DataClass));

const FULL: FieldAccess = Object.freeze({ outcome: 'FULL', channelId: null });
const MASKED: FieldAccess = Object.freeze({ outcome: 'MASKED', channelId: null });
const DENIED: FieldAccess = Object.freeze({ outcome: 'DENIED', channelId: null });

/** Whether the principal reads with an analyst's view (no reading role). */
export function readsAsAnalyst(principal: Principal): boolean {
  return !principal.roles.some((role) => READING_ROLES.has(role));
}

/**
 * The class table of data-class.ts for one field and one principal. `field` is `'Type.field'`, looked
 * up in the consumer's `grants` ('UNAVAILABLE' when the channel registry cannot be asked: fail closed).
 * No principal, or a field without a class, is denied. A SHARED statistic (`@Shared({ statistic: true })`)
 * is MASKED, i.e. disclosure-controlled, for the provider's own analysts. Pure: no I/O, same answer for the same input.
 */
export function decideFieldAccess(
  principal: Principal | null,
  provider: Department,
  classification: FieldClassification | undefined,
  field: string,
  grants: Grants | 'UNAVAILABLE',
): FieldAccess {
  if (!principal || !classification) return DENIED;
  const { dataClass } = classification;
  if (!KNOWN_CLASSES.has(dataClass)) return DENIED;
  if (dataClass === DataClass.PUBLIC) return FULL;
  if (readsAsAnalyst(principal)) {
    if (dataClass === DataClass.PERSONAL) return MASKED;
    // A SHARED statistic is its own department's published figure: its analysts read it disclosure-controlled.
    if (dataClass === DataClass.SHARED && classification.statistic === true && principal.department === provider) return MASKED;
    return DENIED;
  }
  if (principal.department === provider) return FULL;
  if (dataClass === DataClass.RESTRICTED) return DENIED;
  const grant = grants === 'UNAVAILABLE' ? undefined : grants.get(field);
  // A grant for every record (fixed sources of tests) is decided here; a scoped one per record, by RequestAccess.
  if (grant)
    return grant.scope === undefined
      ? { outcome: 'GRANTED', channelId: grant.channelId }
      : { outcome: 'GRANTED', channelId: grant.channelId, grant };
  return dataClass === DataClass.PERSONAL ? MASKED : DENIED;
}
