import { hash } from 'node:crypto';

/** `prevHash` of the first entry of a log. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: every column but `id` (the order) and the two hashes themselves. */
export interface HashedEntryContents {
  at: Date;
  subject: string;
  subjectName: string | null;
  department: string;
  roles: readonly string[];
  operationName: string | null;
  purpose: string | null;
  subjectKeys: readonly string[];
  fields: readonly string[];
  channelId: string | null;
  outcome: string;
  requestId: string;
}

/**
 * The time as hashed: ISO 8601 in UTC with microseconds, PostgreSQL's own precision, so that the verifier
 * (which reads it with `to_char(… 'US')`) sees any change however small; a JS Date has milliseconds.
 */
export function hashedTime(at: Date): string {
  return at.toISOString().replace(/Z$/, '000Z');
}

/**
 * The entry as hashed: a JSON array in a fixed order (no key-order ambiguity), the time as `hashedTime`,
 * arrays in their stored order, absent values as null.
 */
export function canonicalEntryJson(entry: HashedEntryContents, time = hashedTime(entry.at)): string {
  return JSON.stringify([
    time,
    entry.subject,
    entry.subjectName,
    entry.department,
    entry.roles,
    entry.operationName,
    entry.purpose,
    entry.subjectKeys,
    entry.fields,
    entry.channelId,
    entry.outcome,
    entry.requestId,
  ]);
}

/** sha256(prevHash + canonical JSON of the entry, as UTF-8), hex: one digest, no hash object per entry. */
export function entryHash(prevHash: string, canonicalJson: string): string {
  return hash('sha256', prevHash + canonicalJson, 'hex');
}
