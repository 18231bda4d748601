import { Department, Role, staticGrantSource } from '@labour/shared';
import { TEST_AS_OF, useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { justiceSubgraph } from '../definition';
import { CREATE_LEGAL_AID, legalAidInput } from '../justice.fixtures';
import { JUSTICE_CHANNEL_SCOPES } from './justice-channel-scopes';

const { UNION } = Department;
const REPLY = { channelId: 'JUSTICE-UNION-REFERRAL-REPLY', scope: 'JUSTICE_UNION_DISPUTES' };

describe("the justice bureau's channel scope, in its SQL and enforced per record", () => {
  const cases = { fromUnion: '京开法援〔2026〕第9901号', direct: '京开法援〔2026〕第9902号' };

  const justice = useSubgraph(justiceSubgraph, { grants: staticGrantSource({ UNION: { 'LegalAidCase.eligibilityBasis': REPLY } }) });
  beforeAll(async () => {
    for (const [caseNo, disputeNo] of [
      [cases.fromUnion, 'LD-UN-2026-990001'],
      [cases.direct, 'LD-JU-2026-990002'],
    ] as const) {
      const { body } = await justice.query(CREATE_LEGAL_AID, {
        input: legalAidInput({ caseNo, disputeNo, eligibilityBasis: 'MIGRANT_WAGE_CLAIM', hardshipEvidence: null }),
      });
      expect(body.errors).toBeUndefined();
    }
  }, 120_000);

  it('JUSTICE_UNION_DISPUTES: legal-aid cases of disputes numbered by the union', async () => {
    const held = await JUSTICE_CHANNEL_SCOPES['JUSTICE_UNION_DISPUTES']!.records['LegalAidCase']!.inScope(
      [cases.fromUnion, cases.direct, '京开法援〔2026〕第0000号'],
      { channel: REPLY.channelId, consumer: UNION, today: TEST_AS_OF, em: justice.subgraph.orm.em.fork() },
    );
    expect([...held]).toEqual([cases.fromUnion]);
  });

  it('tells the union the eligibility of a case that came through it, and not of another (FORBIDDEN)', async () => {
    const read = (caseNo: string) =>
      justice.query(
        `query ($c: String!) { legalAidCase(caseNo: $c) { caseNo eligibilityBasis } }`,
        { c: caseNo },
        asPrincipal(UNION, Role.CASEWORKER),
      );
    expect((await read(cases.fromUnion)).body).toEqual({
      data: { legalAidCase: { caseNo: cases.fromUnion, eligibilityBasis: 'MIGRANT_WAGE_CLAIM' } },
    });
    const other = await read(cases.direct);
    expect(other.body.data).toEqual({ legalAidCase: { caseNo: cases.direct, eligibilityBasis: null } });
    expect(other.body.errors).toEqual([
      expect.objectContaining({ path: ['legalAidCase', 'eligibilityBasis'], extensions: { code: 'FORBIDDEN' } }),
    ]);
  });
});
