/** `Dispute` belongs to no one: a representation is its number, to which the court adds its stages. */
export function resolveDisputeReference(ref: { disputeNo: string }) {
  return { disputeNo: ref.disputeNo };
}
