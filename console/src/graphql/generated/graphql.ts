/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A department that runs a subgraph (部门). */
export type Department =
  /** People's Court (法院) */
  | 'COURT'
  /** Human Resources and Social Security Bureau (人社局) */
  | 'HR_BUREAU'
  /** Justice Bureau (司法局) */
  | 'JUSTICE'
  /** Federation of Trade Unions (总工会) */
  | 'UNION';

/** Kind of joint meeting (会议类型). */
export type JointMeetingKind =
  /** A meeting called for one urgent matter (专题会议) */
  | 'AD_HOC'
  /** The regular bimonthly joint meeting (双月沟通会) */
  | 'REGULAR_BIMONTHLY';

/** Stage of a joint meeting: PLANNED → IN_SESSION → CLOSED. */
export type JointMeetingStatus =
  /** Closed with its minutes; decisions are followed up (已结束) */
  | 'CLOSED'
  /** In session: decisions are being recorded (会议进行中) */
  | 'IN_SESSION'
  /** Scheduled; the agenda is being prepared (筹备中) */
  | 'PLANNED';

export type MeetingListQueryVariables = Exact<{
  status?: JointMeetingStatus | null | undefined;
}>;


export type MeetingListQuery = { jointMeetings: Array<{ id: string, kind: JointMeetingKind, scheduledAt: string, place: string, status: JointMeetingStatus, convenedBy: Department, participatingDepartments: Array<Department>, agenda: Array<{ id: string }> }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const MeetingListDocument = new TypedDocumentString(`
    query MeetingList($status: JointMeetingStatus) {
  jointMeetings(status: $status, first: 200) {
    id
    kind
    scheduledAt
    place
    status
    convenedBy
    participatingDepartments
    agenda(first: 500) {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<MeetingListQuery, MeetingListQueryVariables>;