import type { EntityManager } from '@mikro-orm/postgresql';
import {
  anyOfConditions,
  equalConditions,
  yesOrNoCondition,
  dateRangeConditions,
  assertNotBefore,
  assertTransition,
  BadUserInputError,
  changeVersioned,
  insertOrConflict,
  sameNamedFields,
  type TransitionTable,
} from '@labour/shared';
import { requireEnterprise } from '../enterprise/enterprise.service';
import { enterpriseRecordList } from '../lists/list-filters';
import { InspectionStatus, LaborInspection } from './inspection.entity';
import type { CreateLaborInspectionInput, LaborInspectionFilter, UpdateLaborInspectionInput } from './inspection.input';

const { OPEN, RECTIFYING, CLOSED } = InspectionStatus;
const INSPECTION_TRANSITIONS: TransitionTable<InspectionStatus> = {
  [OPEN]: [RECTIFYING, CLOSED],
  [RECTIFYING]: [CLOSED],
  [CLOSED]: [],
};

export async function createInspection(em: EntityManager, input: CreateLaborInspectionInput): Promise<LaborInspection> {
  if (input.violationFound && !input.rectificationDueOn) {
    throw new BadUserInputError({ field: 'rectificationDueOn', rule: 'is required when a violation was found' });
  }
  const enterprise = await requireEnterprise(em, input.enterpriseCreditCode, 'enterpriseCreditCode');
  const { enterpriseCreditCode: _code, ...fields } = input;
  const created = em.create(LaborInspection, {
    ...fields,
    rectificationDueOn: input.rectificationDueOn ?? null,
    enterprise,
    status: input.violationFound ? RECTIFYING : OPEN,
  });
  return insertOrConflict(em, created, 'A labour inspection');
}

export async function updateInspection(em: EntityManager, input: UpdateLaborInspectionInput): Promise<LaborInspection> {
  return changeVersioned(em, LaborInspection, 'inspectionNo', input, (inspection) => {
    if (input.findings != null) inspection.findings = input.findings;
    if (input.status != null && input.status !== inspection.status) {
      assertTransition(INSPECTION_TRANSITIONS, inspection.status, input.status);
      if (input.status === CLOSED) {
        if (!input.closedOn) throw new BadUserInputError({ field: 'closedOn', rule: 'is required when the status becomes CLOSED' });
        assertNotBefore(input.closedOn, inspection.inspectedOn, 'closedOn', 'inspectedOn');
        inspection.closedOn = input.closedOn;
      }
      inspection.status = input.status;
    }
  });
}

/**
 * The list of inspections, newest first by inspection date (same-day ones by number), that the filter
 * matches; every condition in SQL.
 */
export const LABOR_INSPECTION_LIST = enterpriseRecordList(LaborInspection, 'enterprise', {
  order: { date: 'inspectedOn', key: 'inspectionNo' },
  // The field of LaborInspection whose value each filter tests: what a caller learns of every inspection by using it.
  filterFields: {
    ...sameNamedFields('status', 'kind', 'violationFound', 'inspectedOn', 'rectificationDueOn', 'closedOn'),
    overdue: 'rectificationDueOn',
  },
  conditions: (filter: LaborInspectionFilter, today: string) => [
    ...dateRangeConditions(filter, ['inspectedOn', 'rectificationDueOn', 'closedOn']),
    ...anyOfConditions(filter, { status: 'status', kind: 'kind' }),
    ...equalConditions(filter, { violationFound: 'violationFound' }),
    // As `LaborInspection.overdue`: a rectification still under way past its deadline.
    ...yesOrNoCondition(
      filter.overdue,
      { status: RECTIFYING, rectificationDueOn: { $lt: today } },
      { $or: [{ status: { $ne: RECTIFYING } }, { rectificationDueOn: null }, { rectificationDueOn: { $gte: today } }] },
    ),
  ],
});
