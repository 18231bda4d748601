import { idNumberCheckCharacter, usccCheckCharacter } from '@labour/shared';

/** Valid identifiers for the union integration tests: the check character computed from the first 17. */
const uscc = (body17: string) => body17 + usccCheckCharacter(body17);
const idNumber = (body17: string) => body17 + idNumberCheckCharacter(body17);
export const ENTERPRISE = uscc('91110115MA07UNAN1');
export const WORKER = { idNumber: idNumber('11010519880202123'), name: '赵六' };

/** The input of a wage contract of the enterprise, filed 2026-01-10 (in force from 15 days after, unless `effectiveOn` says later). */
export const CONTRACT_INPUT = {
  contractNo: 'HT-T-9001',
  enterpriseCreditCode: ENTERPRISE,
  kind: 'WAGE',
  signedOn: '2026-01-05',
  filedOn: '2026-01-10',
  expiresOn: '2029-01-24',
  wageIncreasePct: '5.5',
  coveredWorkers: 120,
};

/** A mediation case as the tests read it, the input of one (the worker's, at the enterprise) and its mutations. */
export const CASE = /* GraphQL */ `caseNo disputeNo status outcome appliedOn dueOn closedOn overdue version claims mediator agreement
  workers { personRef name } enterprise { creditCode } dispute { disputeNo }`;
export const mediationInput = (caseNo: string, appliedOn: string, extra: object = {}) => ({
  caseNo,
  disputeNo: 'LD-UN-2026-900001',
  workers: [WORKER],
  enterpriseCreditCode: ENTERPRISE,
  mediator: '周调解',
  claims: '支付拖欠工资12000元',
  appliedOn,
  ...extra,
});
export const act = (name: string, type: string) => `mutation ($input: ${type}!) { ${name}(input: $input) { ${CASE} } }`;
export const CREATE = act('createMediationCase', 'CreateMediationCaseInput');
