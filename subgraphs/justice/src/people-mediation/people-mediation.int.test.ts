import { personRefOf } from '@labour/shared';
import { TEST_LINKAGE_KEY, useSubgraph } from '@labour/testing/subgraph-harness';
import { justiceSubgraph } from '../definition';
import {
  CREATE_PEOPLE_MEDIATION,
  CREDIT_CODE,
  createEnterpriseCommittee,
  LI,
  LOOKUP_MEDIATION,
  OTHER_CREDIT_CODE,
  peopleMediationInput,
  versioned,
  violation,
  ZHANG,
} from '../justice.fixtures';

const zhangRef = personRefOf(ZHANG.idNumber, TEST_LINKAGE_KEY);
const liRef = personRefOf(LI.idNumber, TEST_LINKAGE_KEY);

const running = useSubgraph(justiceSubgraph, {}, 60_000);
beforeAll(async () => {
  await createEnterpriseCommittee(running);
}, 60_000);

describe("people's mediation (人民调解)", () => {
  it('registers a case with the 15-day mediation period and finds it by case number', async () => {
    const created = await running.query(CREATE_PEOPLE_MEDIATION, { input: peopleMediationInput() });
    expect(created.body).toEqual({
      data: {
        createPeopleMediationCase: {
          caseNo: '京开人调〔2026〕第0001号',
          status: 'APPLIED',
          version: 1,
          appliedOn: '2026-01-25',
          dueOn: '2026-02-09',
          closedOn: null,
          outcome: null,
          committee: { code: 'PMC-E-0001' },
          parties: [
            { name: '张三', personRef: zhangRef },
            { name: '李四', personRef: liRef },
          ],
          enterprise: { creditCode: CREDIT_CODE },
        },
      },
    });
    const found = await running.query(LOOKUP_MEDIATION, { caseNo: '京开人调〔2026〕第0001号' });
    expect(found.body).toEqual({
      data: { peopleMediationCase: { caseNo: '京开人调〔2026〕第0001号', status: 'APPLIED', version: 1, closedOn: null, outcome: null } },
    });
  });

  it('keeps an enterprise committee to its own enterprise and refuses an unknown committee, writing nothing', async () => {
    const other = await running.query(CREATE_PEOPLE_MEDIATION, {
      input: peopleMediationInput({ caseNo: '京开人调〔2026〕第0002号', enterpriseCreditCode: OTHER_CREDIT_CODE }),
    });
    expect(violation(other)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'committeeCode',
      rule: `is the enterprise committee of ${CREDIT_CODE}, which mediates only that enterprise's disputes`,
    });
    const unknown = await running.query(CREATE_PEOPLE_MEDIATION, {
      input: peopleMediationInput({ caseNo: '京开人调〔2026〕第0002号', committeeCode: 'NOPE' }),
    });
    expect(violation(unknown)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'committeeCode',
      rule: "names no registered people's mediation committee (NOPE)",
    });
    expect((await running.query(LOOKUP_MEDIATION, { caseNo: '京开人调〔2026〕第0002号' })).body).toEqual({
      data: { peopleMediationCase: null },
    });
  });

  it('closes once and refuses to mediate a closed case or to apply a stale version', async () => {
    const caseNo = '京开人调〔2026〕第0001号';
    const close = versioned('closePeopleMediationCase', 'ClosePeopleMediationCaseInput', 'status version closedOn outcome');
    const closed = await running.query(close, { input: { caseNo, version: 1, on: '2026-02-03', outcome: 'AGREED' } });
    expect(closed.body).toEqual({
      data: { closePeopleMediationCase: { status: 'CLOSED', version: 2, closedOn: '2026-02-03', outcome: 'AGREED' } },
    });

    const start = versioned('startPeopleMediation', 'PeopleMediationCaseVersionInput');
    const restarted = await running.query(start, { input: { caseNo, version: 2 } });
    expect(violation(restarted)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'status',
      rule: 'cannot change from CLOSED to MEDIATING (allowed from CLOSED: none)',
    });
    const stale = await running.query(start, { input: { caseNo, version: 1 } });
    expect(stale.body.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentVersion: 2 });
  });
});
