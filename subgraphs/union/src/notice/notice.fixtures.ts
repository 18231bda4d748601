import { Department, Role } from '@labour/shared';
import type { RunningSubgraph } from '@labour/testing/subgraph-harness';
import { asPrincipal } from '@labour/testing/tokens';
import { NoticeKind, NoticeSeverity } from './notice.entity';

const { HR_BUREAU, UNION, COURT } = Department;
const { CASEWORKER } = Role;

export const CONSTRUCTION = '91110115102884310L';
export const ELECTRONICS = '91110302802205163G';
/** The construction crew's dispute in the demo world (as of TEST_AS_OF), which the union referred to legal aid. */
export const REFERRED_DISPUTE = 'LD-UN-2026-000003';

/** A notice as the tests read it, its mutations and queries. */
const NOTICE = /* GraphQL */ `id idempotencyKey channelCode sender recipient kind severity enterpriseCreditCode disputeNo personRef summary
  dueOn status overdue version acknowledgedBy { subject name } answer answeredBy { subject }`;
export const SEND = `mutation ($input: SendNoticeInput!) { sendNotice(input: $input) { ${NOTICE} } }`;
export const ACK = `mutation ($input: AcknowledgeNoticeInput!) { acknowledgeNotice(input: $input) { ${NOTICE} } }`;
export const ANSWER = `mutation ($input: AnswerNoticeInput!) { answerNotice(input: $input) { ${NOTICE} } }`;
export const ONE = `query ($id: ID!) { notice(id: $id) { ${NOTICE} } }`;
export const LIST = `query ($sender: Department, $recipient: Department, $status: NoticeStatus, $overdue: Boolean) {
  notices(sender: $sender, recipient: $recipient, status: $status, overdue: $overdue) { idempotencyKey sender recipient status dueOn overdue } }`;

export const hr = asPrincipal(HR_BUREAU, CASEWORKER);
export const union_ = asPrincipal(UNION, CASEWORKER);
export const court = asPrincipal(COURT, CASEWORKER);

let counter = 0;
/** A fresh idempotency key. */
export const key = (name: string) => `t-${name}-${(counter += 1)}`;
/** The input of a wage-arrears notice from the labour bureau to the union about the construction company (`extra` overrides). */
export const arrears = (extra: object = {}) => ({
  idempotencyKey: key('arrears'),
  channelCode: 'HR-UNION-ARREARS',
  recipient: UNION,
  kind: NoticeKind.WAGE_ARREARS,
  severity: NoticeSeverity.MAJOR,
  enterpriseCreditCode: CONSTRUCTION,
  summary: '安置房项目欠薪，请工会介入。',
  ...extra,
});

/** `send(input, headers)`: sends a notice (as a labour bureau caseworker unless `headers` say otherwise), expects no errors and returns it. */
export function sendingOn(union: RunningSubgraph) {
  return async function send(input: object, headers = hr) {
    const { body } = await union.query(SEND, { input }, headers);
    expect(body.errors).toBeUndefined();
    return body.data.sendNotice;
  };
}
