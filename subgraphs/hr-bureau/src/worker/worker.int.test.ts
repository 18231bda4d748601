import { TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { personRefOf } from '@labour/shared';
import { hrBureauSubgraph } from '../definition';
import { fileEnterprise, badInput, firstError, idNumber, uscc } from '../hr-bureau.fixtures';

/** The worker register (参保职工): registering a worker and changing one at the version read. */
const FIELDS = 'personRef name idNumber phone version employer { creditCode }';
const CREATE = `mutation ($input: CreateWorkerInput!) { createWorker(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateWorkerInput!) { updateWorker(input: $input) { ${FIELDS} } }`;
const WORKER = `query ($idNumber: String!) { worker(idNumber: $idNumber) { ${FIELDS} } }`;

let registered = 0;
/** A valid ID number no other test uses: born 1990-03-07 in 朝阳区, sequence numbers counting up. */
const newIdNumber = (): string => idNumber(`11010519900307${String(100 + ++registered)}`);

describe('workers', () => {
  const hr = useSubgraph(hrBureauSubgraph);

  async function register(employerCreditCode: string | null) {
    const id = newIdNumber();
    const { body } = await hr.query(CREATE, { input: { idNumber: id, name: '王小红', phone: '13812345678', employerCreditCode } });
    expect(body.errors).toBeUndefined();
    return id;
  }
  const read = async (id: string) => (await hr.query(WORKER, { idNumber: id })).body.data.worker;

  it('registers a worker under the personRef of the ID number, with the employer', async () => {
    const employer = await fileEnterprise(hr);
    const id = newIdNumber();
    const { body } = await hr.query(CREATE, {
      input: { idNumber: id, name: ' 王小红 ', phone: '13812345678', employerCreditCode: employer },
    });
    const expected = {
      personRef: personRefOf(id, TEST_LINKAGE_KEY),
      name: '王小红',
      idNumber: id,
      phone: '13812345678',
      version: 1,
      employer: { creditCode: employer },
    };
    expect(body.data.createWorker).toEqual(expected);
    expect(await read(id)).toEqual(expected);
  });

  it('refuses to register an impossible birth date or a wrong check character, naming the field and the rule', async () => {
    const feb30 = await hr.query(CREATE, { input: { idNumber: idNumber('11010519900230101'), name: '孙三', phone: '13812345678' } });
    expect(firstError(feb30.body)).toEqual(
      badInput('idNumber', 'is not a valid resident identity number: has an impossible birth date in positions 7-14'),
    );
    const valid = newIdNumber();
    const wrongCheck = valid.slice(0, 17) + (valid.endsWith('1') ? '2' : '1');
    const { body } = await hr.query(CREATE, { input: { idNumber: wrongCheck, name: '孙三', phone: '13812345678' } });
    expect(firstError(body)).toEqual(
      badInput('idNumber', 'is not a valid resident identity number: has a wrong check character (GB 11643)'),
    );
    expect(await read(valid)).toBeNull();
  });

  it('changes name and phone, then moves the worker to another employer, then to none, each at the version read', async () => {
    const first = await fileEnterprise(hr);
    const second = await fileEnterprise(hr);
    const id = await register(first);
    const renamed = await hr.query(UPDATE, { input: { idNumber: id, version: 1, name: ' 王晓红 ', phone: '15900001111' } });
    expect(renamed.body.errors).toBeUndefined();
    expect(renamed.body.data.updateWorker).toMatchObject({
      name: '王晓红',
      phone: '15900001111',
      version: 2,
      employer: { creditCode: first },
    });
    const moved = await hr.query(UPDATE, { input: { idNumber: id, version: 2, employerCreditCode: second } });
    expect(moved.body.data.updateWorker).toMatchObject({ name: '王晓红', version: 3, employer: { creditCode: second } });
    const between = await hr.query(UPDATE, { input: { idNumber: id, version: 3, employerCreditCode: null } });
    expect(between.body.data.updateWorker).toMatchObject({ version: 4, employer: null });
    expect(await read(id)).toEqual({
      personRef: personRefOf(id, TEST_LINKAGE_KEY),
      name: '王晓红',
      idNumber: id,
      phone: '15900001111',
      version: 4,
      employer: null,
    });
  });

  it('finds the worker by an ID number whose check character X is written in lower case', async () => {
    const id = idNumber('11010519491231109');
    expect(id).toBe('11010519491231109X');
    await hr.query(CREATE, { input: { idNumber: id, name: '赵大', phone: '13700000000' } });
    const changed = await hr.query(UPDATE, { input: { idNumber: id.toLowerCase(), version: 1, phone: '13700000001' } });
    expect(changed.body.data.updateWorker).toMatchObject({ idNumber: id, phone: '13700000001', version: 2 });
  });

  it('refuses a stale version with CONFLICT and keeps the first change', async () => {
    const id = await register(null);
    await hr.query(UPDATE, { input: { idNumber: id, version: 1, phone: '13911112222' } });
    const stale = await hr.query(UPDATE, { input: { idNumber: id, version: 1, phone: '13933334444' } });
    expect(firstError(stale.body)).toEqual({
      code: 'CONFLICT',
      message: 'Worker is at version 2, not 1: read it again and reapply your change',
    });
    expect(await read(id)).toMatchObject({ phone: '13911112222', version: 2 });
  });

  it('refuses a bad phone number and an employer not in the file, naming the field, and changes nothing', async () => {
    const employer = await fileEnterprise(hr);
    const id = await register(employer);
    const badPhone = await hr.query(UPDATE, { input: { idNumber: id, version: 1, phone: '12345678901' } });
    expect(firstError(badPhone.body)).toEqual(badInput('phone', 'must be an 11-digit mobile number starting with 13 to 19'));
    const notFiled = uscc('91110115MA7777777');
    const unknown = await hr.query(UPDATE, { input: { idNumber: id, version: 1, employerCreditCode: notFiled } });
    expect(firstError(unknown.body)).toEqual(badInput('employerCreditCode', `names no enterprise in the file (${notFiled})`));
    expect(await read(id)).toMatchObject({ phone: '13812345678', version: 1, employer: { creditCode: employer } });
  });

  it('refuses a change to a worker not in the register, and a second registration of the same person', async () => {
    const id = newIdNumber();
    const missing = await hr.query(UPDATE, { input: { idNumber: id, version: 1, phone: '13800000000' } });
    expect(firstError(missing.body)).toEqual({ code: 'NOT_FOUND', message: `Worker with ID number ending ${id.slice(-4)} does not exist` });
    await hr.query(CREATE, { input: { idNumber: id, name: '钱二', phone: '13800000000' } });
    const twice = await hr.query(CREATE, { input: { idNumber: id, name: '钱二', phone: '13800000000' } });
    expect(firstError(twice.body)).toEqual({ code: 'CONFLICT', message: 'A worker with this idNumber already exists' });
  });
});
