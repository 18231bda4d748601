import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { Department } from '../context/principal';
import { dateRangeConditions, type DateRange } from '../lists/date-range';
import { anyOfConditions, equalConditions, openPastDueCondition, recordList } from '../lists/filter-conditions';
import type { RecordList } from '../lists/list-page';

/**
 * The filters every list of mediation cases has, the union's labour-dispute mediation as much as the people's
 * mediation committees': a case is applied for, due within the statutory 15 days, and closed with an outcome.
 */
export interface MediationCaseFilters {
  status?: readonly string[] | null;
  outcome?: readonly string[] | null;
  appliedOn?: DateRange | null;
  dueOn?: DateRange | null;
  closedOn?: DateRange | null;
  overdue?: boolean | null;
  enterprise?: string | null;
  disputeNos?: readonly string[] | null;
}

/** What a list of mediation cases adds to the common filters: the field `enterprise` tests, and its own filters. */
interface MediationCaseListExtras<F extends MediationCaseFilters> {
  /** The field of the listed type each filter of its own tests, and the one the `enterprise` filter does. */
  readonly filterFields: Readonly<Record<Exclude<keyof F & string, keyof MediationCaseFilters> | 'enterprise', string>>;
  readonly conditions?: (filter: F) => object[];
}

/** The columns of a mediation case that the common filters and the order of its list read. */
interface MediationCaseColumns {
  caseNo: string;
  status: string;
  outcome?: string | null;
  appliedOn: string;
  dueOn: string;
  closedOn?: string | null;
  enterpriseCreditCode: string;
  disputeNo: string;
}

/**
 * A department's list of mediation cases (RecordList), newest application first (same-day cases by number).
 * `overdue` is the `overdue` field's rule: not yet `closed` and due before the request's day.
 */
export function mediationCaseList<T extends MediationCaseColumns, F extends MediationCaseFilters>(
  entity: EntityClass<T>,
  provider: Department,
  closed: string,
  extras: MediationCaseListExtras<F>,
): RecordList<T, F> {
  return recordList<T, F>(entity, provider, {
    order: { date: 'appliedOn', key: 'caseNo' },
    filterFields: {
      status: 'status',
      outcome: 'outcome',
      appliedOn: 'appliedOn',
      dueOn: 'dueOn',
      closedOn: 'closedOn',
      overdue: 'dueOn',
      disputeNos: 'disputeNo',
      ...extras.filterFields,
    } as RecordList<T, F>['filterFields'],
    conditions: (filter, today) =>
      [
        ...anyOfConditions(filter, { status: 'status', outcome: 'outcome', disputeNos: 'disputeNo' }),
        ...dateRangeConditions(filter, ['appliedOn', 'dueOn', 'closedOn']),
        ...openPastDueCondition(closed, filter.overdue, today),
        ...equalConditions(filter, { enterprise: 'enterpriseCreditCode' }),
        ...(extras.conditions?.(filter) ?? []),
      ] as Array<FilterQuery<T>>,
  });
}
