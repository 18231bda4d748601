import { buildFederatedSchema, Dispute, IndicatorsKey, WorkerKey } from '@labour/shared';
import { IndicatorsResolver } from './indicators/indicators.resolver';
import type { GraphQLSchema } from 'graphql';
import { JusticeAccessLogResolver, JusticeLogHeadResolver } from './access-log/access-log.resolver';
import { JusticeRiskSignalResolver } from './risk/risk.resolver';
import { PeopleMediationCommitteeResolver } from './committee/committee.resolver';
import { DisputeResolver } from './dispute/dispute.resolver';
import { EnterpriseResolver } from './enterprise/enterprise.resolver';
import { LegalAidCaseResolver } from './legal-aid/legal-aid.resolver';
import { PeopleMediationCaseResolver } from './people-mediation/people-mediation.resolver';
import { WorkerResolver } from './worker/worker.resolver';

/**
 * Enterprise, Worker and Dispute are key-only stubs here: the default reference resolver returns the
 * representation itself, and the justice fields on them go through the request's loaders.
 */
export function buildJusticeSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      LegalAidCaseResolver,
      PeopleMediationCommitteeResolver,
      PeopleMediationCaseResolver,
      EnterpriseResolver,
      WorkerResolver,
      DisputeResolver,
      JusticeAccessLogResolver,
      JusticeLogHeadResolver,
      JusticeRiskSignalResolver,
      IndicatorsResolver,
    ],
    // Worker and Dispute are reachable only through `_entities`, so no field of ours names them.
    orphanedTypes: [WorkerKey, Dispute, IndicatorsKey],
  });
}
