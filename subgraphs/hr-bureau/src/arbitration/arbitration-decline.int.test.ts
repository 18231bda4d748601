import { useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from '../definition';
import { fileEnterprise, badInput, firstError, idNumber } from '../hr-bureau.fixtures';

/**
 * The end of an arbitration case: refusal to accept (不予受理) and its place in the process, and the last
 * day to sue once the case is closed (a suit within 15 days of the award).
 */
const FIELDS = 'caseNo status outcome filedOn acceptedOn closedOn dueOn suitDueOn version';
const CREATE = `mutation ($input: CreateArbitrationCaseInput!) { createArbitrationCase(input: $input) { ${FIELDS} } }`;
const DECLINE = `mutation ($input: ArbitrationDecisionInput!) { declineArbitrationCase(input: $input) { ${FIELDS} overdue } }`;
const ACCEPT = `mutation ($input: ArbitrationDecisionInput!) { acceptArbitrationCase(input: $input) { ${FIELDS} } }`;
const CLOSE = `mutation ($input: CloseArbitrationCaseInput!) { closeArbitrationCase(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateArbitrationCaseInput!) { updateArbitrationCase(input: $input) { ${FIELDS} } }`;
const CASE = `query ($caseNo: String!) { arbitrationCase(caseNo: $caseNo) { ${FIELDS} } }`;

let cases = 0;

describe('arbitration: declining a case, and the last day to sue', () => {
  const hr = useSubgraph(hrBureauSubgraph);

  /** Files a new case (FILED on 2026-09-01, acceptance due 2026-09-06) against an enterprise of its own; returns its number. */
  async function fileCase(): Promise<string> {
    cases += 1;
    const caseNo = `京开劳人仲字〔2026〕第${String(9100 + cases)}号`;
    const { body } = await hr.query(CREATE, {
      input: {
        caseNo,
        disputeNo: `LD-HR-2026-${String(910000 + cases)}`,
        applicants: [{ idNumber: idNumber('41272219900101123'), name: '李四' }],
        respondentCreditCode: await fileEnterprise(hr),
        claims: '支付拖欠工资',
        claimAmount: '38000.50',
        filedOn: '2026-09-01',
      },
    });
    expect(body.data.createArbitrationCase).toMatchObject({ caseNo, status: 'FILED', dueOn: '2026-09-06', suitDueOn: null, version: 1 });
    return caseNo;
  }
  const read = async (caseNo: string) => (await hr.query(CASE, { caseNo })).body.data.arbitrationCase;

  it('declines a FILED case: DECLINED, outcome NOT_ACCEPTED, closed on the day, no deadline left and none to sue', async () => {
    const caseNo = await fileCase();
    const { body } = await hr.query(DECLINE, { input: { caseNo, version: 1, on: '2026-09-04' } });
    expect(body.errors).toBeUndefined();
    const expected = {
      caseNo,
      status: 'DECLINED',
      outcome: 'NOT_ACCEPTED',
      filedOn: '2026-09-01',
      acceptedOn: null,
      closedOn: '2026-09-04',
      dueOn: null,
      suitDueOn: null,
      version: 2,
    };
    expect(body.data.declineArbitrationCase).toEqual({ ...expected, overdue: false });
    expect(await read(caseNo)).toEqual(expected);
  });

  it('refuses to decline a case twice, or to accept a declined one, naming both statuses, and changes nothing', async () => {
    const caseNo = await fileCase();
    await hr.query(DECLINE, { input: { caseNo, version: 1, on: '2026-09-03' } });
    const twice = await hr.query(DECLINE, { input: { caseNo, version: 2, on: '2026-09-05' } });
    expect(twice.body.data).toBeNull();
    expect(firstError(twice.body)).toEqual(badInput('status', 'cannot change from DECLINED to DECLINED (allowed from DECLINED: none)'));
    const accept = await hr.query(ACCEPT, { input: { caseNo, version: 2, on: '2026-09-05' } });
    expect(firstError(accept.body)).toEqual(badInput('status', 'cannot change from DECLINED to ACCEPTED (allowed from DECLINED: none)'));
    const update = await hr.query(UPDATE, { input: { caseNo, version: 2, claims: '新的请求' } });
    expect(firstError(update.body)).toEqual(badInput('caseNo', "is DECLINED: a closed case's claims cannot change"));
    expect(await read(caseNo)).toMatchObject({ status: 'DECLINED', closedOn: '2026-09-03', version: 2 });
  });

  it('refuses to decline an accepted case, naming both statuses', async () => {
    const caseNo = await fileCase();
    await hr.query(ACCEPT, { input: { caseNo, version: 1, on: '2026-09-02' } });
    const { body } = await hr.query(DECLINE, { input: { caseNo, version: 2, on: '2026-09-03' } });
    expect(firstError(body)).toEqual(badInput('status', 'cannot change from ACCEPTED to DECLINED (allowed from ACCEPTED: CLOSED)'));
    expect(await read(caseNo)).toMatchObject({ status: 'ACCEPTED', outcome: null, dueOn: '2026-10-17', version: 2 });
  });

  it('refuses a decision dated before the filing, naming the field, and a stale version with CONFLICT', async () => {
    const caseNo = await fileCase();
    const early = await hr.query(DECLINE, { input: { caseNo, version: 1, on: '2026-08-31' } });
    expect(firstError(early.body)).toEqual(badInput('on', 'must not be earlier than the filing date (2026-09-01)'));
    const stale = await hr.query(DECLINE, { input: { caseNo, version: 3, on: '2026-09-02' } });
    expect(firstError(stale.body)).toEqual({
      code: 'CONFLICT',
      message: `Arbitration case ${caseNo} is at version 1, not 3: read it again and reapply your change`,
    });
    expect(await read(caseNo)).toMatchObject({ status: 'FILED', closedOn: null, dueOn: '2026-09-06', version: 1 });
  });

  it('gives an award the last day to sue, 15 days after it; a settlement has none', async () => {
    const awarded = await fileCase();
    await hr.query(ACCEPT, { input: { caseNo: awarded, version: 1, on: '2026-09-04' } });
    expect(await read(awarded)).toMatchObject({ status: 'ACCEPTED', dueOn: '2026-10-19', suitDueOn: null });
    const award = await hr.query(CLOSE, {
      input: { caseNo: awarded, version: 2, on: '2026-10-30', outcome: 'AWARD', awardSummary: '裁决被申请人支付工资38000.50元' },
    });
    expect(award.body.errors).toBeUndefined();
    expect(award.body.data.closeArbitrationCase).toMatchObject({
      status: 'CLOSED',
      outcome: 'AWARD',
      closedOn: '2026-10-30',
      dueOn: null,
      suitDueOn: '2026-11-14',
      version: 3,
    });
    expect(await read(awarded)).toMatchObject({ suitDueOn: '2026-11-14' });

    const settled = await fileCase();
    await hr.query(ACCEPT, { input: { caseNo: settled, version: 1, on: '2026-09-04' } });
    const settlement = await hr.query(CLOSE, { input: { caseNo: settled, version: 2, on: '2026-09-20', outcome: 'SETTLED' } });
    expect(settlement.body.data.closeArbitrationCase).toMatchObject({
      status: 'CLOSED',
      outcome: 'SETTLED',
      closedOn: '2026-09-20',
      suitDueOn: null,
    });
  });
});
