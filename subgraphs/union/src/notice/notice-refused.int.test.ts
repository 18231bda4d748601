import { Department, Role } from '@labour/shared';
import { asPrincipal } from '@labour/testing/tokens';
import { arrears, hr, key, LIST, REFERRED_DISPUTE, SEND, union_ } from './notice.fixtures';
import { useUnionWithHrChannelRoutes } from '../channel/channel.fixtures';

const { HR_BUREAU, UNION, COURT, JUSTICE } = Department;
const { ADMIN, ANALYST } = Role;

describe('notices over sharing channels (union subgraph)', () => {
  // Decisions on the labour bureau's channels are recorded by the labour bureau: its channel routes.
  const { union } = useUnionWithHrChannelRoutes();

  describe('refused sends', () => {
    async function refused(input: object, headers: Record<string, string>) {
      const { body } = await union.query(SEND, { input }, headers);
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      return body.errors![0]!;
    }
    const hrAdmin = asPrincipal(HR_BUREAU, ADMIN);
    async function channel(code: string, decisions: Array<'activate' | 'suspend' | 'revoke'>) {
      const proposed = await union.query(
        `mutation ($input: ProposeSharingChannelInput!) { proposeSharingChannel(input: $input) { version } }`,
        {
          input: {
            code,
            provider: HR_BUREAU,
            consumers: [UNION],
            grants: [{ typeName: 'WageArrearsAlert', fields: ['amountOwed'] }],
            scope: 'HR_OPEN_WAGE_ARREARS',
            purpose: '测试',
            legalBasis: '《劳动保障监察条例》',
            validFrom: '2026-01-01',
          },
        },
        hrAdmin,
      );
      expect(proposed.body.errors).toBeUndefined();
      let version = 1;
      for (const verb of decisions) {
        const decided = await union.query(
          `mutation ($input: SharingChannelDecisionInput!) { ${verb}SharingChannel(input: $input) { version } }`,
          { input: { code, version } },
          hrAdmin,
        );
        expect(decided.body.errors).toBeUndefined();
        version = decided.body.data[`${verb}SharingChannel`].version;
      }
    }

    it.each([
      [
        'a suspended channel',
        'T-NOTICE-SUSPENDED',
        ['activate', 'suspend'] as const,
        'is SUSPENDED: notices travel only over an ACTIVE channel',
      ],
      ['a proposed channel', 'T-NOTICE-PROPOSED', [] as const, 'is PROPOSED: notices travel only over an ACTIVE channel'],
      ['a revoked channel', 'T-NOTICE-REVOKED', ['activate', 'revoke'] as const, 'is REVOKED: notices travel only over an ACTIVE channel'],
    ])('over %s: BAD_USER_INPUT naming channelCode', async (_what, code, decisions, rule) => {
      await channel(code, [...decisions]);
      const input = arrears({ channelCode: code });
      expect(await refused(input, hr)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'channelCode', rule } });
      expect(
        (await union.query(LIST, { sender: HR_BUREAU, status: 'SENT' }, hr)).body.data.notices.map(
          (n: { idempotencyKey: string }) => n.idempotencyKey,
        ),
      ).not.toContain(input.idempotencyKey);
    });

    it('to a department the channel does not name: BAD_USER_INPUT naming recipient', async () => {
      expect(await refused(arrears({ recipient: COURT }), hr)).toMatchObject({
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'recipient',
          rule: 'is not a consumer of channel HR-UNION-ARREARS (it names UNION): a notice goes only to a department the channel names',
        },
      });
    });

    it("over another department's channel: FORBIDDEN", async () => {
      expect(await refused(arrears(), union_)).toMatchObject({
        message: 'Channel HR-UNION-ARREARS is provided by HR_BUREAU: only its provider sends notices over it',
        extensions: { code: 'FORBIDDEN' },
        path: ['sendNotice'],
      });
    });

    it('by an analyst, who writes nothing: FORBIDDEN', async () => {
      expect(await refused(arrears(), asPrincipal(HR_BUREAU, ANALYST))).toMatchObject({
        message: 'Not allowed for your department or role: Mutation.sendNotice',
        extensions: { code: 'FORBIDDEN' },
      });
    });

    it('over an unknown channel, with no or two subjects, or a referral without its dispute: BAD_USER_INPUT', async () => {
      expect((await refused(arrears({ channelCode: 'NO-SUCH-CHANNEL' }), hr)).extensions).toMatchObject({
        field: 'channelCode',
        rule: 'names no sharing channel: NO-SUCH-CHANNEL',
      });
      expect((await refused(arrears({ enterpriseCreditCode: null }), hr)).extensions).toMatchObject({
        field: 'enterpriseCreditCode',
        rule: 'must name exactly one subject (enterpriseCreditCode, disputeNo or personRef), not 0',
      });
      expect((await refused(arrears({ disputeNo: REFERRED_DISPUTE }), hr)).extensions).toMatchObject({
        field: 'enterpriseCreditCode',
        rule: 'must name exactly one subject (enterpriseCreditCode, disputeNo or personRef), not 2',
      });
      const referral = {
        idempotencyKey: key('referral'),
        channelCode: 'UNION-JUSTICE-REFERRAL',
        recipient: JUSTICE,
        kind: 'REFERRAL',
        severity: 'MAJOR',
        personRef: 'a'.repeat(32),
        summary: '转介',
      };
      expect((await refused(referral, union_)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'disputeNo',
        rule: "is required for a REFERRAL: the receiving department's new case joins the same dispute",
      });
    });
  });
});
