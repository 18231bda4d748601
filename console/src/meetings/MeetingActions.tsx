import { useId, useRef, useState, type FormEvent } from 'react';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { useTranslation } from 'react-i18next';
import { useGraphQLMutation, useGraphQL } from '../graphql/use-query';
import type { Department } from '../graphql/generated/graphql';
import { ErrorBanner } from '../ui/query-state';
import type { AgendaItemView } from './AgendaCard';
import type { MeetingContext } from './MeetingPage';
import { MutationError } from './mutation-error';
import {
  AddAgendaItem,
  CloseJointMeeting,
  FindDispute,
  FindEnterprise,
  FindEnterprises,
  RecordDecision,
  RecordFollowUp,
  RemoveAgendaItem,
  StartJointMeeting,
} from './operations';

type Doc<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

/**
 * A change to the meeting, sent with the version on screen. One at a time: the button is disabled while
 * it is pending or while the meeting is being reread, and a second submit in the same moment is dropped.
 */
function useChange<R, I>(document: Doc<R, { input: I }>, ctx: MeetingContext) {
  const mutation = useGraphQLMutation(document);
  const sending = useRef(false);
  const disabled = mutation.isPending || ctx.busy;
  return {
    disabled,
    mutation,
    send(input: I, onDone?: () => void) {
      if (sending.current || disabled) return;
      sending.current = true;
      mutation.mutate(
        { input },
        {
          onSuccess: () => onDone?.(),
          onSettled: () => {
            sending.current = false;
          },
        },
      );
    },
    error: (
      <MutationError
        error={mutation.error}
        onReload={() => {
          mutation.reset();
          ctx.reload();
        }}
      />
    ),
  };
}

const base = (ctx: MeetingContext) => ({ meetingId: ctx.meeting.id, version: ctx.meeting.version });

export function StartMeetingButton(ctx: MeetingContext) {
  const { t } = useTranslation('meetings');
  const change = useChange(StartJointMeeting, ctx);
  return (
    <div className="meeting-action">
      <button type="button" className="primary" disabled={change.disabled} onClick={() => change.send(base(ctx))}>
        {t('action.start')}
      </button>
      {change.error}
    </div>
  );
}

export function RemoveAgendaItemButton(ctx: MeetingContext & { item: AgendaItemView }) {
  const { t } = useTranslation('meetings');
  const change = useChange(RemoveAgendaItem, ctx);
  return (
    <div className="meeting-action">
      <button
        type="button"
        className="danger"
        disabled={change.disabled}
        onClick={() => {
          if (window.confirm(t('action.removeConfirm', { position: ctx.item.position })))
            change.send({ ...base(ctx), agendaItemId: ctx.item.id });
        }}
      >
        {t('action.remove', { position: ctx.item.position })}
      </button>
      {change.error}
    </div>
  );
}

type Subject = { kind: 'ENTERPRISE'; creditCode: string; label: string } | { kind: 'DISPUTE'; disputeNo: string } | { kind: 'TOPIC' };

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Finds an enterprise by name or credit code, and shows what it found to pick from. */
function EnterpriseSearch({ onPick }: { onPick: (creditCode: string, label: string) => void }) {
  const { t } = useTranslation('meetings');
  const id = useId();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const byCode = CREDIT_CODE.test(term);
  const byName = useGraphQL(FindEnterprises, { name: term }, { enabled: term !== '' && !byCode });
  const one = useGraphQL(FindEnterprise, { creditCode: term }, { enabled: byCode });
  const found = byCode ? (one.data?.data?.enterprise ? [one.data.data.enterprise] : []) : (byName.data?.data?.enterprises.nodes ?? []);
  const query = byCode ? one : byName;
  return (
    <div>
      <label htmlFor={`${id}-q`}>{t('add.search')}</label>
      <div className="row">
        <input
          id={`${id}-q`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setTerm(text.trim());
            }
          }}
        />
        <button type="button" onClick={() => setTerm(text.trim())}>
          {t('add.find')}
        </button>
      </div>
      {term && query.isError ? <ErrorBanner error={query.error} /> : null}
      {term && query.isSuccess ? (
        found.length === 0 ? (
          <p className="gap">{t('add.noneFound', { term })}</p>
        ) : (
          <ul className="search-results">
            {found.map((e) => (
              <li key={e.creditCode}>
                <button type="button" onClick={() => onPick(e.creditCode, `${e.name ?? ''} ${e.creditCode}`)}>
                  {t('add.pick', { name: e.name ?? e.creditCode })}
                </button>{' '}
                <span className="hint">
                  {e.creditCode} {e.district}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

/** Looks a dispute up by its number, and shows the cases that carry it. */
function DisputeSearch({ onPick }: { onPick: (disputeNo: string) => void }) {
  const { t } = useTranslation('meetings');
  const id = useId();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const query = useGraphQL(FindDispute, { disputeNo: term }, { enabled: term !== '' });
  const dispute = query.data?.data?.dispute;
  const cases = dispute
    ? [...(dispute.mediationCases ?? []), ...(dispute.arbitrationCases ?? []), ...(dispute.lawsuits ?? [])].map((c) => c.caseNo)
    : [];
  return (
    <div>
      <label htmlFor={`${id}-q`}>{t('add.disputeNo')}</label>
      <div className="row">
        <input id={`${id}-q`} value={text} placeholder="LD-UN-2026-000123" onChange={(e) => setText(e.target.value)} />
        <button type="button" onClick={() => setTerm(text.trim())}>
          {t('add.find')}
        </button>
      </div>
      {term && query.isError ? <ErrorBanner error={query.error} /> : null}
      {term && dispute ? (
        <p>
          {cases.length ? cases.join('、') : t('add.noCases')}{' '}
          <button type="button" onClick={() => onPick(dispute.disputeNo)}>
            {t('add.pickDispute', { disputeNo: dispute.disputeNo })}
          </button>
        </p>
      ) : null}
    </div>
  );
}

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

/** Departments as checkboxes, in a fieldset with its legend. */
function DepartmentChoice({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: readonly Department[];
  value: readonly Department[];
  onChange: (v: Department[]) => void;
}) {
  const { t: common } = useTranslation();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((d) => (
        <label key={d} className="inline">
          <input
            type="checkbox"
            value={d}
            checked={value.includes(d)}
            onChange={(e) => onChange(e.target.checked ? [...value, d] : value.filter((x) => x !== d))}
          />
          {common(`department.${d}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** A day in China (UTC+8) as `YYYY-MM-DD`. */
function chinaDay(at: Date | string = new Date()): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Decisions and follow-ups are dated no earlier than the meeting day. */
function earliestDay(ctx: MeetingContext): string {
  const today = chinaDay();
  const meetingDay = chinaDay(ctx.meeting.scheduledAt);
  return today > meetingDay ? today : meetingDay;
}

export function RecordDecisionForm(ctx: MeetingContext) {
  const { t } = useTranslation('meetings');
  const { t: common } = useTranslation();
  const id = useId();
  const change = useChange(RecordDecision, ctx);
  const departments = ctx.meeting.participatingDepartments;
  const [lead, setLead] = useState<Department>(departments[0]!);
  const [others, setOthers] = useState<Department[]>([]);
  const [dueOn, setDueOn] = useState('');
  const [summary, setSummary] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.send(
      { ...base(ctx), leadDepartment: lead, participatingDepartments: others.filter((d) => d !== lead), dueOn, summary: summary.trim() },
      () => {
        setSummary('');
        setDueOn('');
        setOthers([]);
      },
    );
  };
  return (
    <form className="card meeting-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>{t('decide.title')}</h3>
      <label htmlFor={`${id}-lead`}>{t('input.leadDepartment')}</label>
      <select id={`${id}-lead`} value={lead} onChange={(e) => setLead(e.target.value as Department)}>
        {departments.map((d) => (
          <option key={d} value={d}>
            {common(`department.${d}`)}
          </option>
        ))}
      </select>
      <DepartmentChoice
        legend={t('input.participatingDepartments')}
        options={departments.filter((d) => d !== lead)}
        value={others}
        onChange={setOthers}
      />
      <label htmlFor={`${id}-due`}>{t('input.dueOn')}</label>
      <input
        id={`${id}-due`}
        type="date"
        value={dueOn}
        min={chinaDay(ctx.meeting.scheduledAt)}
        onChange={(e) => setDueOn(e.target.value)}
      />
      <label htmlFor={`${id}-summary`}>{t('input.summary')}</label>
      <textarea id={`${id}-summary`} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
      <button type="submit" className="primary" disabled={change.disabled}>
        {t('decide.submit')}
      </button>
      {change.error}
    </form>
  );
}

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

export function CloseMeetingForm(ctx: MeetingContext) {
  const { t } = useTranslation('meetings');
  const id = useId();
  const change = useChange(CloseJointMeeting, ctx);
  const [minutes, setMinutes] = useState('');
  return (
    <form
      className="card meeting-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        change.send({ ...base(ctx), minutes: minutes.trim() });
      }}
    >
      <h2 id={`${id}-title`}>{t('close.title')}</h2>
      <label htmlFor={`${id}-minutes`}>{t('input.minutes')}</label>
      <textarea id={`${id}-minutes`} rows={5} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      <button type="submit" className="danger" disabled={change.disabled}>
        {t('close.submit')}
      </button>
      {change.error}
    </form>
  );
}
