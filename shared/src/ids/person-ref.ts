import { createHmac } from 'node:crypto';
import { normaliseIdNumber } from './id-number';

/**
 * `personRef` links one person across departments without sending the ID number around: an
 * HMAC-SHA-256 of the normalised ID number under the linkage key the four departments share,
 * written as 32 lowercase hex characters (the first 128 bits).
 */
export function personRefOf(idNumber: string, linkageKey: Buffer): string {
  return createHmac('sha256', linkageKey).update(normaliseIdNumber(idNumber), 'utf8').digest('hex').slice(0, 32);
}

export const PERSON_REF_PATTERN = /^[0-9a-f]{32}$/;
