import { Extensions } from 'type-graphql';

/**
 * A rule per record on top of the data classes, which are per field: some records (a lawsuit heard
 * in private, 不公开审理) must keep their SHARED and PERSONAL content inside the owning department
 * whatever a sharing channel grants. For such a *sealed* record, no channel reaches its fields, nor the
 * fields of the objects nested in it (its parties): another department reads them as it would with no
 * channel at all (SHARED `null` + FORBIDDEN, PERSONAL masked, each read logged DENIED or MASKED). PUBLIC
 * fields stay readable (a sealed case's existence, number, stage and dates are public), the owning
 * department's staff read everything as before, and analysts keep their view (PERSONAL masked, the rest denied).
 */
export interface RecordRule {
  /** Whether a record is sealed. Given the parent object of the field being read. None: never sealed. */
  sealedWhen?: (record: unknown) => boolean;
  /**
   * Fields of the record whose objects are part of it (e.g. its parties): their own fields are sealed with
   * it, and are in a sharing channel's scope when the record is (the scope sees the owning record).
   */
  nested: readonly string[];
}

/**
 * On an `@ObjectType` class: records for which `when` holds are sealed (see RecordRule). `nested` names
 * the fields whose objects (a list or one) belong to the record, so that e.g. `Party.name` under a
 * sealed lawsuit's `plaintiffs` is sealed although `Party` itself is shared by many types.
 */
export function SealedWhen<T>(when: (record: T) => boolean, options: { nested?: ReadonlyArray<keyof T & string> } = {}) {
  const recordRule: RecordRule = { sealedWhen: when as (record: unknown) => boolean, nested: options.nested ?? [] };
  return Extensions({ recordRule });
}

/**
 * On an `@ObjectType` class whose records are never sealed but hold objects of their own (a case's parties):
 * `nested` names the fields whose objects belong to the record, so that a sharing channel's scope decides
 * `Party.name` under `MediationCase.workers` by the mediation case (see RecordRule). Use `@SealedWhen`'s
 * `nested` instead on a type that has a seal.
 */
export function RecordHolds<T>(nested: ReadonlyArray<keyof T & string>) {
  const recordRule: RecordRule = { nested };
  return Extensions({ recordRule });
}

/** The record rule an object type carries in its `extensions`, if any. */
export function recordRuleOf(type: { extensions?: Readonly<Record<string, unknown>> | null }): RecordRule | undefined {
  return type.extensions?.['recordRule'] as RecordRule | undefined;
}
