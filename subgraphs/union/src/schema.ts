import { buildFederatedSchema, WorkerKey } from '@labour/shared';
import type { GraphQLSchema } from 'graphql';
import { UnionAccessLogResolver } from './access-log/access-log.resolver';
import { HardshipAidResolver } from './aid/aid.resolver';
import { SharingChannelResolver } from './channel/channel.resolver';
import { LegalConsultationResolver } from './consultation/consultation.resolver';
import { CollectiveContractResolver } from './contract/contract.resolver';
import { DisputeResolver } from './dispute/dispute.resolver';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { EnterpriseResolver } from './enterprise/enterprise.resolver';
import { MediationCaseResolver } from './mediation/mediation.resolver';
import { UnionOrganizationResolver } from './organization/organization.resolver';
import { resolveWorkerReference } from './worker/worker.reference';
import { WorkerResolver } from './worker/worker.resolver';

export function buildUnionSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        UnionOrganizationResolver,
        MediationCaseResolver,
        CollectiveContractResolver,
        HardshipAidResolver,
        LegalConsultationResolver,
        EnterpriseResolver,
        WorkerResolver,
        DisputeResolver,
        SharingChannelResolver,
        UnionAccessLogResolver,
      ],
      // No union field returns a Worker: without this the type (and its fields) would not be emitted.
      orphanedTypes: [WorkerKey],
    },
    {
      Enterprise: { __resolveReference: resolveEnterpriseReference },
      Worker: { __resolveReference: resolveWorkerReference },
    },
  );
}
