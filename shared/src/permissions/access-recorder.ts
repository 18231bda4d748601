import type { Department } from '../context/principal';
import type { DataClass } from './data-class';

/** What a read of a field by another department came to (the own department's full reads are not logged). */
export type AccessOutcome = 'GRANTED' | 'MASKED' | 'DENIED';

/** One read of one SHARED, PERSONAL or RESTRICTED field of one record by another department. */
export interface AccessEntry {
  typeName: string;
  fieldName: string;
  dataClass: DataClass;
  /** The business key of the record read (case number, credit code, personRef …), else its id; null when it has none. */
  subjectKey: string | null;
  outcome: AccessOutcome;
  /** The sharing channel that allowed it, for GRANTED reads. */
  channelId: string | null;
  /** In one of the gateway's merged fetches, which of its fetches read it (see `fetchOrigins` of the context). */
  fetch?: number | undefined;
}

/**
 * Collects the access-log entries of one request (one recorder per request, in `ctx.access`). `record` is
 * called once per field per record read, so it must be cheap: keep the entry, write them all at the end.
 */
export interface AccessRecorder {
  record(entry: AccessEntry): void;
}

/** A recorder that keeps nothing, for services with no access log (yet). */
export const NO_RECORDING: AccessRecorder = { record: () => undefined };

/**
 * Counts the outcomes of other departments' reads (the entries the access log gets), by consumer
 * department, for metrics. Called once per field per record read: it must be a few additions, no more.
 */
export interface OutcomeCounter {
  count(consumer: Department, outcome: AccessOutcome): void;
}
