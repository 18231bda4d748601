import { useSubgraph } from '@labour/testing/subgraph-harness';
import { badInput, mutation } from '../court.fixtures';
import { courtSubgraph } from '../definition';

const running = useSubgraph(courtSubgraph);

describe('judicial suggestions', () => {
  const suggestionNo = '（2025）京0115司建9号';
  const FIELDS = 'suggestionNo recipientDepartment subject issuedOn repliedOn dueOn overdue version enterprise { creditCode }';
  const update = (values: Record<string, unknown>) =>
    running.query(mutation('updateJudicialSuggestion', 'UpdateJudicialSuggestionInput', 'subject repliedOn dueOn overdue version'), {
      input: { suggestionNo, ...values },
    });

  it('expects a reply within 2 months, then is history', async () => {
    const input = {
      suggestionNo,
      recipientDepartment: 'HR_BUREAU',
      subject: '加强在建工程农民工工资支付监管',
      content: '建议对在建工程开展欠薪专项检查。',
      issuedOn: '2025-12-31',
    };
    const created = await running.query(mutation('createJudicialSuggestion', 'CreateJudicialSuggestionInput', FIELDS), { input });
    // 2025-12-31 plus two months: February has no 31st, so its last day (民法典第202条).
    expect(created.body.data.createJudicialSuggestion).toEqual({
      suggestionNo,
      recipientDepartment: 'HR_BUREAU',
      subject: input.subject,
      issuedOn: '2025-12-31',
      repliedOn: null,
      dueOn: '2026-02-28',
      overdue: true,
      version: 1,
      enterprise: null,
    });
    expect((await update({ version: 1, repliedOn: '2025-12-30' })).body.errors).toEqual([
      badInput('repliedOn', 'must not be earlier than issuedOn (2025-12-31)'),
    ]);
    expect((await update({ version: 1, repliedOn: '2026-01-15' })).body.data.updateJudicialSuggestion).toEqual({
      subject: input.subject,
      repliedOn: '2026-01-15',
      dueOn: null,
      overdue: false,
      version: 2,
    });
    expect((await update({ version: 2, subject: '另一事由' })).body.errors).toEqual([
      badInput('suggestionNo', 'was replied to on 2026-01-15: a replied suggestion cannot change'),
    ]);
  });
});
