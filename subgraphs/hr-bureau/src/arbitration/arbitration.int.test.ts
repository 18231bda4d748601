import { useSubgraph } from '@labour/testing/subgraph-harness';
import { hrBureauSubgraph } from '../definition';
import { CREATE_ENTERPRISE, enterpriseInput, idNumber, uscc } from '../hr-bureau.fixtures';

describe('hr-bureau subgraph', () => {
  const hr = useSubgraph(hrBureauSubgraph, { demo: true });

  it('runs the arbitration clock: 5 days to accept, 45 to award, one 15-day extension', async () => {
    const code = uscc('91110115MA03YYYY1');
    await hr.query(CREATE_ENTERPRISE, { input: enterpriseInput(code, '北京仲裁测试有限公司') });
    const created = await hr.query(
      `mutation ($input: CreateArbitrationCaseInput!) { createArbitrationCase(input: $input) { status dueOn version claimAmount applicants { personRef } } }`,
      {
        input: {
          caseNo: '京开劳人仲字〔2026〕第9001号',
          disputeNo: 'LD-HR-2026-900001',
          applicants: [{ idNumber: idNumber('41272219900101123'), name: '李四' }],
          respondentCreditCode: code,
          claims: '拖欠工资',
          claimAmount: '38000.5',
          filedOn: '2026-09-01',
        },
      },
    );
    expect(created.body.data.createArbitrationCase).toMatchObject({
      status: 'FILED',
      dueOn: '2026-09-06',
      version: 1,
      claimAmount: '38000.50',
    });
    const act = (name: string, input: object) =>
      hr.query(
        `mutation ($input: ${name === 'extendArbitrationCase' ? 'ArbitrationCaseVersionInput' : name === 'closeArbitrationCase' ? 'CloseArbitrationCaseInput' : 'ArbitrationDecisionInput'}!) { ${name}(input: $input) { status dueOn extended version outcome } }`,
        { input },
      );
    const closedTooEarly = await act('closeArbitrationCase', {
      caseNo: '京开劳人仲字〔2026〕第9001号',
      version: 1,
      on: '2026-09-03',
      outcome: 'SETTLED',
    });
    expect(closedTooEarly.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'status',
      rule: 'cannot change from FILED to CLOSED (allowed from FILED: ACCEPTED, DECLINED)',
    });
    const accepted = await act('acceptArbitrationCase', { caseNo: '京开劳人仲字〔2026〕第9001号', version: 1, on: '2026-09-04' });
    expect(accepted.body.data.acceptArbitrationCase).toMatchObject({ status: 'ACCEPTED', dueOn: '2026-10-19', version: 2 });
    const extended = await act('extendArbitrationCase', { caseNo: '京开劳人仲字〔2026〕第9001号', version: 2 });
    expect(extended.body.data.extendArbitrationCase).toMatchObject({ dueOn: '2026-11-03', extended: true, version: 3 });
    const twice = await act('extendArbitrationCase', { caseNo: '京开劳人仲字〔2026〕第9001号', version: 3 });
    expect(twice.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const award = await act('closeArbitrationCase', {
      caseNo: '京开劳人仲字〔2026〕第9001号',
      version: 3,
      on: '2026-10-30',
      outcome: 'AWARD',
    });
    expect(award.body.errors?.[0]?.extensions).toMatchObject({ field: 'awardSummary', rule: 'is required when the outcome is AWARD' });
  });
});
