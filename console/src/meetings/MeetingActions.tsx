import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItemView } from './AgendaCard';
import type { MeetingContext } from './MeetingPage';
import { CloseJointMeeting, RemoveAgendaItem, StartJointMeeting } from './operations';
import { base, useChange } from './use-change';

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
