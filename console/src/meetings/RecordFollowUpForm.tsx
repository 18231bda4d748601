import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { earliestDay } from './meeting-days';
import type { MeetingContext } from './MeetingPage';
import { RecordFollowUp } from './operations';
import { base, useChange } from './use-change';

export function RecordFollowUpForm(ctx: MeetingContext) {
  const { t } = useTranslation('meetings');
  const { t: common } = useTranslation();
  const id = useId();
  const change = useChange(RecordFollowUp, ctx);
  const decisions = ctx.meeting.decisions;
  const [decisionId, setDecisionId] = useState(decisions[0]?.id ?? '');
  const [on, setOn] = useState(earliestDay(ctx));
  const [note, setNote] = useState('');
  const [result, setResult] = useState('');
  const [settle, setSettle] = useState<'' | 'DONE' | 'CANCELLED'>('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.send({ ...base(ctx), decisionId, on, note: note.trim(), result: result.trim(), decisionStatus: settle || null }, () => {
      setNote('');
      setResult('');
      setSettle('');
    });
  };
  return (
    <form className="card meeting-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>{t('followUp.title')}</h3>
      <label htmlFor={`${id}-decision`}>{t('input.decisionId')}</label>
      <select id={`${id}-decision`} value={decisionId} onChange={(e) => setDecisionId(e.target.value)}>
        {decisions.map((d, i) => (
          <option key={d.id} value={d.id}>
            {i + 1}. {common(`department.${d.leadDepartment}`)} · {d.dueOn} · {(d.summary ?? '').slice(0, 30)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-on`}>{t('input.on')}</label>
      <input id={`${id}-on`} type="date" value={on} onChange={(e) => setOn(e.target.value)} />
      <label htmlFor={`${id}-result`}>{t('input.result')}</label>
      <input id={`${id}-result`} value={result} onChange={(e) => setResult(e.target.value)} />
      <label htmlFor={`${id}-note`}>{t('input.note')}</label>
      <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <label htmlFor={`${id}-settle`}>{t('input.decisionStatus')}</label>
      <select id={`${id}-settle`} value={settle} onChange={(e) => setSettle(e.target.value as typeof settle)}>
        <option value="">{t('followUp.keep')}</option>
        <option value="DONE">{t('decisionStatus.DONE')}</option>
        <option value="CANCELLED">{t('decisionStatus.CANCELLED')}</option>
      </select>
      <button type="submit" className="primary" disabled={change.disabled || !decisionId}>
        {t('followUp.submit')}
      </button>
      {change.error}
    </form>
  );
}
