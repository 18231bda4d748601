/** A head as the rules compare it: position and signing time. */
export interface HeadFacts {
  entries: number;
  lastHash: string;
  signedAt: Date;
}

/**
 * What a witness does with a head another department publishes:
 * - WITNESSED: it is new (more entries than any head seen before): kept;
 * - UNCHANGED: the log has not moved since the head seen at this count: nothing to keep;
 * - STALE: an older head arriving late (fewer entries, but signed before the latest one seen): ignored;
 * - REFUSED: a rewrite: another hash at a count already witnessed, or fewer entries in a head signed
 *   after the latest one seen. Kept as evidence, and logged at error level.
 */
export type WitnessDecision =
  { outcome: 'WITNESSED' } | { outcome: 'UNCHANGED' } | { outcome: 'STALE'; reason: string } | { outcome: 'REFUSED'; reason: string };

/**
 * The witness rules, pure. `latest`: the witnessed head with the most entries of this department so far;
 * `atSameCount`: the witnessed head with as many entries as `head`, if any.
 */
export function judgeLogHead(head: HeadFacts, seen: { latest: HeadFacts | null; atSameCount: HeadFacts | null }): WitnessDecision {
  const { latest, atSameCount } = seen;
  if (atSameCount) {
    if (atSameCount.lastHash === head.lastHash) return { outcome: 'UNCHANGED' };
    return {
      outcome: 'REFUSED',
      reason: `the hash at entry count ${head.entries} changed: ${atSameCount.lastHash} was witnessed (signed ${atSameCount.signedAt.toISOString()}), now ${head.lastHash}: the log was rewritten`,
    };
  }
  if (latest && head.entries < latest.entries) {
    if (head.signedAt.getTime() <= latest.signedAt.getTime()) {
      return {
        outcome: 'STALE',
        reason: `signed ${head.signedAt.toISOString()}, before the head of ${latest.entries} entries already witnessed (signed ${latest.signedAt.toISOString()})`,
      };
    }
    return {
      outcome: 'REFUSED',
      reason: `the entry count went backwards: ${latest.entries} entries were witnessed (signed ${latest.signedAt.toISOString()}), now ${head.entries}: entries were removed`,
    };
  }
  return { outcome: 'WITNESSED' };
}
