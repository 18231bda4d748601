import type { EntityManager } from '@mikro-orm/postgresql';
import { CollectiveContract, ContractKind } from '../contract/collective-contract.entity';
import { MediationCase } from '../mediation/mediation-case.entity';
import { UnionKind, UnionOrganization } from '../organization/union-organization.entity';

/**
 * The union's records that its risk signals and the suggested agenda are computed from, for the
 * integration tests: each builder takes only what the signals depend on (created in `em`, flushed by the caller).
 */
export function riskRecords(em: EntityManager) {
  return {
    organization: (name: string, codes: string[], foundedOn: string) =>
      em.create(UnionOrganization, {
        name,
        kind: UnionKind.JOINT,
        enterpriseCreditCodes: codes,
        district: '亦庄镇',
        foundedOn,
        chairName: '王五',
        memberCount: 30,
      }),
    contract: (no: string, code: string, effectiveOn: string, expiresOn: string) =>
      em.create(CollectiveContract, {
        contractNo: no,
        enterpriseCreditCode: code,
        kind: ContractKind.COMPREHENSIVE,
        signedOn: effectiveOn,
        filedOn: effectiveOn,
        effectiveOn,
        expiresOn,
        wageIncreasePct: '3.00',
        coveredWorkers: 50,
      }),
    mediation: (no: string, code: string, appliedOn: string) =>
      em.create(MediationCase, {
        caseNo: no,
        disputeNo: `LD-UN-2026-${no}`,
        workers: [],
        workerRefs: [],
        enterpriseCreditCode: code,
        mediator: '赵六',
        claims: '工资',
        appliedOn,
        dueOn: appliedOn,
      }),
  };
}
