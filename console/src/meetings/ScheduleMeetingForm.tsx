import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import type { Department, JointMeetingKind } from '../graphql/generated/graphql';
import { useGraphQLMutation } from '../graphql/use-query';
import { MutationError } from './mutation-error';
import { ScheduleJointMeeting } from './operations';

const DEPARTMENTS: readonly Department[] = ['UNION', 'HR_BUREAU', 'COURT', 'JUSTICE'];
const KINDS: readonly JointMeetingKind[] = ['REGULAR_BIMONTHLY', 'AD_HOC'];

interface Participant {
  name: string;
  department: Department;
  role: string;
}

/**
 * Schedules a joint meeting (安排会议): kind, time (China time), place, participating departments (the
 * caller's convenes and takes part) and participants. The gateway checks every field and names the wrong one.
 */
export function ScheduleMeetingForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('meetings');
  const { t: common } = useTranslation();
  const { session } = useSession();
  const own = (session?.claims.department ?? 'UNION') as Department;
  const id = useId();
  const navigate = useNavigate();
  const mutation = useGraphQLMutation(ScheduleJointMeeting);
  const sending = useRef(false);
  const [kind, setKind] = useState<JointMeetingKind>('REGULAR_BIMONTHLY');
  const [scheduledAt, setScheduledAt] = useState('');
  const [place, setPlace] = useState('');
  const [departments, setDepartments] = useState<Department[]>(DEPARTMENTS.includes(own) ? [own] : []);
  const [participants, setParticipants] = useState<Participant[]>([{ name: '', department: own, role: '' }]);

  const [missing, setMissing] = useState<string | null>(null);
  const update = (i: number, change: Partial<Participant>) =>
    setParticipants((list) => list.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (sending.current || mutation.isPending) return;
    // The time is the one field the gateway cannot name when empty (it is not a time at all).
    if (!scheduledAt) {
      setMissing(t('error.BAD_USER_INPUT', { field: t('input.scheduledAt'), message: t('error.required') }));
      return;
    }
    setMissing(null);
    sending.current = true;
    mutation.mutate(
      {
        input: {
          kind,
          // The form's time is China time, whatever the browser's zone.
          scheduledAt: scheduledAt ? `${scheduledAt}:00+08:00` : '',
          place: place.trim(),
          participatingDepartments: departments,
          participants: participants.map((p) => ({ name: p.name.trim(), department: p.department, role: p.role.trim() })),
        },
      },
      {
        onSuccess: (answer) => {
          const meeting = answer.data?.scheduleJointMeeting;
          if (meeting) void navigate(`/meetings/${meeting.id}`);
        },
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  };

  return (
    <form className="card meeting-form" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`}>{t('schedule.title')}</h2>
      <label htmlFor={`${id}-kind`}>{t('input.kind')}</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as JointMeetingKind)}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kind.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-at`}>{t('input.scheduledAt')}</label>
      <input id={`${id}-at`} type="datetime-local" value={scheduledAt} onChange={(e) => setScheduledAt(e.target.value)} />
      <label htmlFor={`${id}-place`}>{t('input.place')}</label>
      <input id={`${id}-place`} value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} />
      <fieldset>
        <legend>{t('input.participatingDepartments')}</legend>
        {DEPARTMENTS.map((d) => (
          <label key={d} className="inline">
            <input
              type="checkbox"
              value={d}
              checked={departments.includes(d)}
              onChange={(e) => setDepartments((list) => (e.target.checked ? [...list, d] : list.filter((x) => x !== d)))}
            />
            {common(`department.${d}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('schedule.participants')}</legend>
        {participants.map((p, i) => (
          <div key={i} className="row participant-row" role="group" aria-label={t('schedule.participantN', { n: i + 1 })}>
            <label className="inline">
              {t('input.name')}
              <input value={p.name} maxLength={40} onChange={(e) => update(i, { name: e.target.value })} />
            </label>
            <label className="inline">
              {t('input.department')}
              <select value={p.department} onChange={(e) => update(i, { department: e.target.value as Department })}>
                {DEPARTMENTS.map((d) => (
                  <option key={d} value={d}>
                    {common(`department.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline">
              {t('input.role')}
              <input value={p.role} maxLength={60} onChange={(e) => update(i, { role: e.target.value })} />
            </label>
            <button type="button" onClick={() => setParticipants((list) => list.filter((_, j) => j !== i))}>
              {t('schedule.removeParticipant', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setParticipants((list) => [...list, { name: '', department: own, role: '' }])}>
          {t('schedule.addParticipant')}
        </button>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={mutation.isPending}>
          {t('schedule.submit')}
        </button>
        <button type="button" onClick={onClose}>
          {t('schedule.cancel')}
        </button>
      </div>
      {missing ? (
        <div role="alert" className="banner banner-error" data-error="REQUIRED">
          {missing}
        </div>
      ) : null}
      <MutationError error={mutation.error} onReload={() => mutation.reset()} />
    </form>
  );
}
