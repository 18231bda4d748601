import { buildFederatedSchema, IndicatorsKey, WorkerKey } from '@labour/shared';
import type { GraphQLSchema } from 'graphql';
import { UnionAccessLogResolver, UnionLogHeadResolver } from './access-log/access-log.resolver';
import { AgendaSuggestionResolver } from './agenda/agenda-suggestion.resolver';
import { UnionRiskSignalResolver } from './risk/risk.resolver';
import { HardshipAidResolver } from './aid/aid.resolver';
import { SharingChannelResolver } from './channel/channel.resolver';
import { LegalConsultationResolver } from './consultation/consultation.resolver';
import { CollectiveContractResolver } from './contract/contract.resolver';
import { DisputeResolver } from './dispute/dispute.resolver';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { EnterpriseResolver } from './enterprise/enterprise.resolver';
import { AgendaItemResolver } from './meeting/agenda-item.resolver';
import { DecisionResolver, FollowUpResolver } from './meeting/decision.resolver';
import { JointMeetingResolver } from './meeting/meeting.resolver';
import { IndicatorsResolver } from './indicators/indicators.resolver';
import { MediationCaseResolver } from './mediation/mediation.resolver';
import { DisputeNoticesResolver, EnterpriseNoticesResolver } from './notice/notice-subject.resolver';
import { NoticeResolver } from './notice/notice.resolver';
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
        NoticeResolver,
        EnterpriseNoticesResolver,
        DisputeNoticesResolver,
        JointMeetingResolver,
        AgendaItemResolver,
        DecisionResolver,
        FollowUpResolver,
        UnionAccessLogResolver,
        UnionLogHeadResolver,
        UnionRiskSignalResolver,
        AgendaSuggestionResolver,
        IndicatorsResolver,
      ],
      // No union field returns a Worker: without this the type (and its fields) would not be emitted.
      orphanedTypes: [WorkerKey, IndicatorsKey],
    },
    {
      Enterprise: { __resolveReference: resolveEnterpriseReference },
      Worker: { __resolveReference: resolveWorkerReference },
    },
  );
}
