import { idNumberCheckCharacter, usccCheckCharacter } from '@labour/shared';
import { useSubgraph } from '@labour/testing/subgraph-harness';
import { unionSubgraph } from '../definition';

const ENTERPRISE = '91110115MA07UNAN1' + usccCheckCharacter('91110115MA07UNAN1');
const WORKER = { idNumber: '11010519880202123' + idNumberCheckCharacter('11010519880202123'), name: '赵六' };

const CREATE = /* GraphQL */ `mutation ($input: CreateMediationCaseInput!) { createMediationCase(input: $input) { caseNo claims version } }`;
const LOOKUP = /* GraphQL */ `query ($caseNo: String!) { mediationCase(caseNo: $caseNo) { caseNo claims } }`;

const input = (caseNo: string, claims: string) => ({
  caseNo,
  disputeNo: 'LD-UN-2026-900002',
  workers: [WORKER],
  enterpriseCreditCode: ENTERPRISE,
  mediator: '周调解',
  claims,
  appliedOn: '2026-11-02',
});

/** One case number, one mediation case: of concurrent filings under one number the database keeps the first. */
describe('createMediationCase with a case number that is taken', () => {
  const union = useSubgraph(unionSubgraph);

  it('files one of 10 concurrent cases with one number; the other 9 get CONFLICT naming it', async () => {
    const caseNo = '京开工调字〔2026〕第9501号';
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => union.query(CREATE, { input: input(caseNo, `支付拖欠工资${1000 + i}元`) })),
    );
    const created = answers
      .filter((a) => a.body.data?.createMediationCase)
      .map((a) => a.body.data.createMediationCase as { caseNo: string; claims: string; version: number });
    const refusals = answers.filter((a) => a.body.errors).map((a) => a.body.errors);
    expect({ created: created.length, refused: refusals.length }).toEqual({ created: 1, refused: 9 });
    for (const errors of refusals) {
      expect(errors).toEqual([
        expect.objectContaining({
          message: `A mediation case with caseNo ${caseNo} already exists`,
          extensions: { code: 'CONFLICT', field: 'caseNo' },
        }),
      ]);
    }
    expect(created[0]!.version).toBe(1);
    expect((await union.query(LOOKUP, { caseNo })).body.data.mediationCase).toEqual({ caseNo, claims: created[0]!.claims });
  });
});
