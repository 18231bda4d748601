import { buildFederatedSchema } from '@labour/shared';
import type { GraphQLSchema } from 'graphql';
import { HrBureauAccessLogResolver, HrBureauLogHeadResolver } from './access-log/access-log.resolver';
import { WorkerAccessLogResolver } from './access-log/worker-access-log.resolver';
import { HrBureauRiskSignalResolver } from './risk/risk.resolver';
import { ArbitrationCaseResolver } from './arbitration/arbitration.resolver';
import { DisputeResolver } from './dispute/dispute.resolver';
import { resolveEnterpriseReference } from './enterprise/enterprise.reference';
import { EnterpriseResolver } from './enterprise/enterprise.resolver';
import { IndicatorsResolver } from './indicators/indicators.resolver';
import { LaborInspectionResolver } from './inspection/inspection.resolver';
import { LayoffReportResolver } from './layoff/layoff.resolver';
import { WageArrearsAlertResolver } from './wage-arrears/wage-arrears.resolver';
import { resolveWorkerReference } from './worker/worker.reference';
import { WorkerResolver } from './worker/worker.resolver';

export function buildHrBureauSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        EnterpriseResolver,
        WorkerResolver,
        LaborInspectionResolver,
        WageArrearsAlertResolver,
        LayoffReportResolver,
        ArbitrationCaseResolver,
        DisputeResolver,
        HrBureauAccessLogResolver,
        HrBureauLogHeadResolver,
        WorkerAccessLogResolver,
        HrBureauRiskSignalResolver,
        IndicatorsResolver,
      ],
    },
    {
      Enterprise: { __resolveReference: resolveEnterpriseReference },
      Worker: { __resolveReference: resolveWorkerReference },
    },
  );
}
