import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DisputeSearch, EnterpriseSearch } from './AgendaSubjectSearch';
import type { MeetingContext } from './MeetingPage';
import { AddAgendaItem } from './operations';
import { base, useChange } from './use-change';

type Subject = { kind: 'ENTERPRISE'; creditCode: string; label: string } | { kind: 'DISPUTE'; disputeNo: string } | { kind: 'TOPIC' };

export function AddAgendaItemForm(ctx: MeetingContext) {
  const { t } = useTranslation('meetings');
  const id = useId();
  const change = useChange(AddAgendaItem, ctx);
  const [kind, setKind] = useState<Subject['kind']>('ENTERPRISE');
  const [subject, setSubject] = useState<Subject | null>(null);
  const [topic, setTopic] = useState('');
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { ...base(ctx), reason: reason.trim() };
    const subjectInput =
      kind === 'TOPIC'
        ? { topic: topic.trim() }
        : subject?.kind === 'ENTERPRISE'
          ? { enterpriseCreditCode: subject.creditCode }
          : subject?.kind === 'DISPUTE'
            ? { disputeNo: subject.disputeNo }
            : {};
    change.send({ ...input, ...subjectInput }, () => {
      setSubject(null);
      setTopic('');
      setReason('');
    });
  };
  const chosen = subject?.kind === 'ENTERPRISE' ? subject.label : subject?.kind === 'DISPUTE' ? subject.disputeNo : null;
  return (
    <form className="card meeting-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>{t('add.title')}</h3>
      <fieldset>
        <legend>{t('add.kind')}</legend>
        {(['ENTERPRISE', 'DISPUTE', 'TOPIC'] as const).map((k) => (
          <label key={k} className="inline">
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setSubject(null);
              }}
            />
            {t(`add.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'ENTERPRISE' ? (
        <EnterpriseSearch onPick={(creditCode, label) => setSubject({ kind: 'ENTERPRISE', creditCode, label })} />
      ) : null}
      {kind === 'DISPUTE' ? <DisputeSearch onPick={(disputeNo) => setSubject({ kind: 'DISPUTE', disputeNo })} /> : null}
      {kind === 'TOPIC' ? (
        <>
          <label htmlFor={`${id}-topic`}>{t('input.topic')}</label>
          <input id={`${id}-topic`} value={topic} onChange={(e) => setTopic(e.target.value)} />
        </>
      ) : (
        <p role="status" data-chosen={chosen ?? ''}>
          {chosen ? t('add.chosen', { subject: chosen }) : t('add.nothingChosen')}
        </p>
      )}
      <label htmlFor={`${id}-reason`}>{t('input.reason')}</label>
      <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" className="primary" disabled={change.disabled || (kind !== 'TOPIC' && !subject)}>
        {t('add.submit')}
      </button>
      {change.error}
    </form>
  );
}
