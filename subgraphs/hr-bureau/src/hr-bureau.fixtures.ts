import { idNumberCheckCharacter, usccCheckCharacter } from '@labour/shared';
import type { RunningSubgraph } from '@labour/testing/subgraph-harness';

/** Valid identifiers for the hr-bureau integration tests: the check character computed from the first 17. */
export const uscc = (body17: string): string => body17 + usccCheckCharacter(body17);
export const idNumber = (body17: string): string => body17 + idNumberCheckCharacter(body17);

export const CREATE_ENTERPRISE = /* GraphQL */ `
  mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { creditCode version } }
`;

/** The input of an enterprise of the file, under the given credit code and name. */
export function enterpriseInput(creditCode: string, name = '北京测试科技有限公司') {
  return {
    creditCode,
    name,
    industry: '电子信息',
    district: '核心区',
    address: '科创十三街1号',
    ownership: 'PRIVATE',
    employeeCount: 120,
    registeredOn: '2015-03-01',
  };
}

let filed = 0;

/**
 * Files a new enterprise of its own for one test (a credit code no other test uses) and returns its
 * credit code, so that each test sets up what it needs and reads back only its own records.
 */
export async function fileEnterprise(hr: RunningSubgraph): Promise<string> {
  filed += 1;
  const creditCode = uscc(`91110115MA${String(filed).padStart(7, '0')}`);
  const { body } = await hr.query(CREATE_ENTERPRISE, { input: enterpriseInput(creditCode, `北京测试${filed}号科技有限公司`) });
  if (body.errors) throw new Error(`could not file the test enterprise: ${JSON.stringify(body.errors)}`);
  return creditCode;
}

/** A BAD_USER_INPUT refusal as `firstError` gives it: the field and the rule it breaks. */
export const badInput = (field: string, rule: string) => ({ code: 'BAD_USER_INPUT', field, rule });

/** The first error of a response, as a test compares it: code, field and rule (or the message for other codes). */
export function firstError(body: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) {
  const error = body.errors?.[0];
  if (!error) return undefined;
  const { code, field, rule } = error.extensions ?? {};
  return code === 'BAD_USER_INPUT' ? { code, field, rule } : { code, message: error.message };
}
