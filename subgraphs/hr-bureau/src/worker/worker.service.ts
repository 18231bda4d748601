import type { EntityManager } from '@mikro-orm/postgresql';
import { insertOrConflict, NotFoundError, normaliseIdNumber, personRefOf, updateVersioned } from '@labour/shared';
import { requireEnterprise } from '../enterprise/enterprise.service';
import { Worker } from './worker.entity';
import type { CreateWorkerInput, UpdateWorkerInput } from './worker.input';

export async function createWorker(em: EntityManager, input: CreateWorkerInput, linkageKey: Buffer): Promise<Worker> {
  const idNumber = normaliseIdNumber(input.idNumber);
  const personRef = personRefOf(idNumber, linkageKey);
  const employer = input.employerCreditCode ? await requireEnterprise(em, input.employerCreditCode, 'employerCreditCode') : null;
  const worker = em.create(Worker, { personRef, idNumber, name: input.name.trim(), phone: input.phone, employer });
  return insertOrConflict(em, worker, 'A worker', { fields: { personRef: 'idNumber' }, personal: ['personRef', 'idNumber'] });
}

export async function updateWorker(em: EntityManager, input: UpdateWorkerInput, linkageKey: Buffer): Promise<Worker> {
  const personRef = personRefOf(input.idNumber, linkageKey);
  // Not named by its key, the linkage reference: by the ID number's last four digits, as the caller knows it.
  const failHandler = () => new NotFoundError('Worker with ID number', `ending ${input.idNumber.slice(-4)}`);
  const worker = await em.findOneOrFail(Worker, { personRef }, { failHandler });
  const employer =
    input.employerCreditCode === undefined
      ? undefined
      : input.employerCreditCode === null
        ? null
        : await requireEnterprise(em, input.employerCreditCode, 'employerCreditCode');
  return updateVersioned(
    em,
    worker,
    input.version,
    (w) => {
      if (input.name != null) w.name = input.name.trim();
      if (input.phone != null) w.phone = input.phone;
      if (employer !== undefined) w.employer = employer ? (employer as never) : null;
    },
    'Worker',
  );
}
