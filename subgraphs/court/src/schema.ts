import { buildFederatedSchema, Dispute, EnterpriseKey, IndicatorsKey, WorkerKey } from '@labour/shared';
import { IndicatorsResolver } from './indicators/indicators.resolver';
import type { GraphQLSchema } from 'graphql';
import { CourtAccessLogResolver, CourtLogHeadResolver } from './access-log/access-log.resolver';
import { CourtRiskSignalResolver } from './risk/risk.resolver';
import { JudicialConfirmationResolver } from './confirmation/judicial-confirmation.resolver';
import { resolveDisputeReference } from './dispute/dispute.reference';
import { DisputeCourtResolver } from './dispute/dispute.resolver';
import { EnforcementCaseResolver } from './enforcement/enforcement.resolver';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { EnterpriseCourtResolver } from './enterprise/enterprise.resolver';
import { LawsuitResolver } from './lawsuit/lawsuit.resolver';
import { JudicialSuggestionResolver } from './suggestion/judicial-suggestion.resolver';
import { resolveWorkerReference } from './worker/worker.reference';
import { WorkerCourtResolver } from './worker/worker.resolver';

export function buildCourtSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        LawsuitResolver,
        JudicialConfirmationResolver,
        EnforcementCaseResolver,
        JudicialSuggestionResolver,
        EnterpriseCourtResolver,
        WorkerCourtResolver,
        DisputeCourtResolver,
        CourtAccessLogResolver,
        CourtLogHeadResolver,
        CourtRiskSignalResolver,
        IndicatorsResolver,
      ],
      // Worker and Dispute are reachable only through `_entities`, so type-graphql must be told to emit them.
      orphanedTypes: [EnterpriseKey, WorkerKey, Dispute, IndicatorsKey],
    },
    {
      Enterprise: { __resolveReference: resolveEnterpriseReference },
      Worker: { __resolveReference: resolveWorkerReference },
      Dispute: { __resolveReference: resolveDisputeReference },
    },
  );
}
