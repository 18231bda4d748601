import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, insertOrConflict, changeVersioned } from '@labour/shared';
import { requireEnterprise } from '../enterprise/enterprise.service';
import { WageArrearsAlert } from './wage-arrears-alert.entity';
import type { CreateWageArrearsAlertInput, UpdateWageArrearsAlertInput } from './wage-arrears.input';

export async function createAlert(em: EntityManager, input: CreateWageArrearsAlertInput): Promise<WageArrearsAlert> {
  const enterprise = await requireEnterprise(em, input.enterpriseCreditCode, 'enterpriseCreditCode');
  const { enterpriseCreditCode: _code, ...fields } = input;
  const created = em.create(WageArrearsAlert, { ...fields, enterprise });
  return insertOrConflict(em, created, 'A wage-arrears warning');
}

export async function updateAlert(em: EntityManager, input: UpdateWageArrearsAlertInput): Promise<WageArrearsAlert> {
  return changeVersioned(em, WageArrearsAlert, 'alertNo', input, (alert) => {
    if (alert.resolvedOn)
      throw new BadUserInputError({ field: 'alertNo', rule: `was resolved on ${alert.resolvedOn}: a resolved warning cannot change` });
    if (input.resolvedOn != null && input.resolvedOn < alert.raisedOn) {
      throw new BadUserInputError({ field: 'resolvedOn', rule: `must not be earlier than raisedOn (${alert.raisedOn})` });
    }
    if (input.level != null) alert.level = input.level;
    if (input.amountOwed != null) alert.amountOwed = input.amountOwed;
    if (input.workersAffected != null) alert.workersAffected = input.workersAffected;
    if (input.resolvedOn != null) alert.resolvedOn = input.resolvedOn;
  });
}
