import { Department, Role } from '@labour/shared';
import { asPrincipal } from '@labour/testing/tokens';
import {
  ACTIVATE,
  ACTIVE_GRANTS,
  hrAdmin,
  LOOKUP,
  PROPOSE,
  proposal,
  REVOKE,
  SUSPEND,
  useUnionWithHrChannelRoutes,
} from './channel.fixtures';
import { forbiddenAnswer } from '@labour/testing/refusals';

const { HR_BUREAU, UNION, COURT } = Department;
const { ADMIN, CASEWORKER, SERVICE, COORDINATOR, ANALYST } = Role;

describe('sharing-channel registry (union subgraph): who may propose, decide and read the grants in force', () => {
  // The provider of most channels here: the registry forwards decisions on them to its channel routes.
  const { union, proposeAndActivate } = useUnionWithHrChannelRoutes();

  const onlyProviderAdmin = 'Only an ADMIN of HR_BUREAU may propose its sharing channels';
  it.each([
    ['a CASEWORKER of the provider', asPrincipal(HR_BUREAU, CASEWORKER), onlyProviderAdmin],
    ['a COORDINATOR of the provider', asPrincipal(HR_BUREAU, COORDINATOR), onlyProviderAdmin],
    ["an ADMIN of a consumer (the registry's own department)", asPrincipal(UNION, ADMIN), onlyProviderAdmin],
    ['an ADMIN of another department', asPrincipal(COURT, ADMIN), onlyProviderAdmin],
    [
      'an ANALYST of the provider (writes nothing)',
      asPrincipal(HR_BUREAU, ANALYST),
      'Not allowed for your department or role: Mutation.proposeSharingChannel',
    ],
  ])('refuses a proposal by %s with FORBIDDEN', async (_who, headers, message) => {
    const code = `T-REFUSED-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const { body } = await union.query(PROPOSE, { input: proposal(code) }, headers);
    expect(body).toEqual(forbiddenAnswer(null, message, { path: ['proposeSharingChannel'] }));
    expect((await union.query(LOOKUP, { code })).body.data.sharingChannel).toBeNull();
  });

  it.each([
    ['activate', ACTIVATE, 'activate'],
    ['suspend', SUSPEND, 'suspend'],
    ['revoke', REVOKE, 'revoke'],
  ])('lets only an ADMIN of the provider %s a channel', async (verb, mutation, action) => {
    const code = `T-ONLY-ADMIN-${verb.toUpperCase()}`;
    await proposeAndActivate(code);
    // Activation needs a channel that is not active: suspend it first.
    if (verb === 'activate') await union.query(SUSPEND, { input: { code, version: 2 } }, hrAdmin);
    const current = verb === 'activate' ? 3 : 2;
    for (const headers of [
      asPrincipal(HR_BUREAU, CASEWORKER),
      asPrincipal(HR_BUREAU, SERVICE),
      asPrincipal(UNION, ADMIN),
      asPrincipal(COURT, ADMIN, CASEWORKER),
    ]) {
      const { body } = await union.query(mutation, { input: { code, version: current } }, headers);
      expect(body).toEqual(forbiddenAnswer(null, `Only an ADMIN of HR_BUREAU may ${action} its sharing channels`));
    }
    expect((await union.query(LOOKUP, { code })).body.data.sharingChannel).toMatchObject({ version: current });
  });

  it('lets only a SERVICE or ADMIN principal of the provider read its grants in force', async () => {
    const asHrService = await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, asPrincipal(HR_BUREAU, SERVICE));
    expect(asHrService.body.data.activeSharingGrants).toEqual(
      expect.arrayContaining([
        {
          code: 'HR-UNION-ARREARS',
          consumers: ['UNION'],
          grants: [
            { typeName: 'WageArrearsAlert', fields: ['project', 'amountOwed'] },
            { typeName: 'Worker', fields: ['name', 'phone'] },
          ],
          scope: 'HR_OPEN_WAGE_ARREARS',
          validFrom: '2026-01-01',
          validUntil: '2028-12-31',
        },
      ]),
    );
    expect((await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, asPrincipal(HR_BUREAU, ADMIN))).body.errors).toBeUndefined();
    for (const headers of [asPrincipal(HR_BUREAU, CASEWORKER), asPrincipal(UNION, SERVICE), asPrincipal(COURT, ADMIN)]) {
      const { body } = await union.query(ACTIVE_GRANTS, { provider: HR_BUREAU }, headers);
      expect(body).toEqual(
        forbiddenAnswer(null, 'Only a SERVICE or ADMIN principal of HR_BUREAU may read the grants its subgraph enforces'),
      );
    }
  });
});
