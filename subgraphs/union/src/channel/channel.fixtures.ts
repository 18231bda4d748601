import { Department, ProviderChannel, Role, type PeerUrls } from '@labour/shared';
import { ARREARS_TO_UNION } from '@labour/testing/channel-content';
import { startChannelProvider, type ChannelProvider } from '@labour/testing/channel-provider';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { unionSubgraph } from '../definition';

const { HR_BUREAU } = Department;
const { ADMIN } = Role;

/** A sharing channel as the tests read it, and the registry's mutations and queries. */
const CHANNEL = /* GraphQL */ `code provider consumers grants { typeName fields } scope scopeKind { name provider types description descriptionZh } purpose legalBasis validFrom validUntil
  status effectiveStatus inForce version proposedBy { subject name } decidedBy { subject } decisionReason`;
export const PROPOSE = `mutation ($input: ProposeSharingChannelInput!) { proposeSharingChannel(input: $input) { ${CHANNEL} } }`;
const decide = (verb: 'activate' | 'suspend' | 'revoke') =>
  `mutation ($input: SharingChannelDecisionInput!) { ${verb}SharingChannel(input: $input) { ${CHANNEL} } }`;
export const ACTIVATE = decide('activate');
export const SUSPEND = decide('suspend');
export const REVOKE = decide('revoke');
export const LOOKUP = `query ($code: String!) { sharingChannel(code: $code) { ${CHANNEL} } }`;
export const ACTIVE_GRANTS = `query ($provider: Department!) { activeSharingGrants(provider: $provider) { code consumers grants { typeName fields } scope validFrom validUntil } }`;

export const proposal = (code: string, extra: object = {}) => ({ code, provider: HR_BUREAU, ...ARREARS_TO_UNION, ...extra });

export const hrAdmin = asPrincipal(HR_BUREAU, ADMIN);
export const codesOf = (list: Array<{ code: string }>) => list.map((c) => c.code);

/**
 * The union subgraph with the demo data, and the labour bureau's channel routes, to which the registry
 * forwards the decisions on the bureau's channels (the bureau records them): both started before the
 * block's tests and stopped after them. `peerUrls` is where the union finds the bureau; `hrRecord` reads the bureau's own record of a channel (what it enforces);
 * `proposeAndActivate` puts one of the bureau's channels in force.
 */
export function useUnionWithHrChannelRoutes() {
  const peerUrls: PeerUrls = {};
  const union = useSubgraph(unionSubgraph, { demo: true, peerUrls });
  let routes: ChannelProvider | undefined;
  beforeAll(async () => {
    routes = await startChannelProvider(HR_BUREAU);
    peerUrls[HR_BUREAU] = routes.url;
  }, 120_000);
  afterAll(() => routes?.stop());
  const started = (): ChannelProvider => {
    if (!routes) throw new Error("the labour bureau's channel routes are not running: use them in a test or a hook after their beforeAll");
    return routes;
  };
  const hr: ChannelProvider = {
    get url() {
      return started().url;
    },
    get orm() {
      return started().orm;
    },
    stop: () => started().stop(),
  };
  /** Proposes channel `code` (`proposal(code, extra)`) and activates it, as the bureau's ADMIN: the channel as activated. */
  async function proposeAndActivate(code: string, extra: object = {}) {
    const proposed = await union.query(PROPOSE, { input: proposal(code, extra) }, hrAdmin);
    expect(proposed.body.errors).toBeUndefined();
    const activated = await union.query(ACTIVATE, { input: { code, version: 1 } }, hrAdmin);
    expect(activated.body.errors).toBeUndefined();
    return activated.body.data.activateSharingChannel;
  }
  return { union, hr, peerUrls, hrRecord: (code: string) => hr.orm.em.fork().findOne(ProviderChannel, { code }), proposeAndActivate };
}
