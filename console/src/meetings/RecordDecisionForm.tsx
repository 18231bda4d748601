import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../graphql/generated/graphql';
import { chinaDay } from './meeting-days';
import type { MeetingContext } from './MeetingPage';
import { RecordDecision } from './operations';
import { base, useChange } from './use-change';

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
