import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../graphql/generated';
import type { JointMeetingStatus } from '../graphql/generated/graphql';
import { useGraphQL } from '../graphql/use-query';
import { useSession } from '../auth/session';
import { QueryState } from '../ui/query-state';
import { ScheduleMeetingForm } from './ScheduleMeetingForm';

const MeetingList = graphql(`
  query MeetingList($status: JointMeetingStatus) {
    jointMeetings(status: $status, first: 100) {
      id
      kind
      scheduledAt
      place
      status
      convenedBy
      participatingDepartments
      agenda(first: 100) {
        id
      }
    }
  }
`);

const STATUSES: readonly JointMeetingStatus[] = ['PLANNED', 'IN_SESSION', 'CLOSED'];

/** The joint meetings, by status. */
export function MeetingListPage() {
  const { t } = useTranslation('meetings');
  const { t: common, i18n } = useTranslation();
  const [status, setStatus] = useState<JointMeetingStatus | ''>('');
  const [scheduling, setScheduling] = useState(false);
  const { hasRole } = useSession();
  const query = useGraphQL(MeetingList, { status: status || null });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <section aria-labelledby="meetings-title">
      <h1 id="meetings-title">{t('list.title')}</h1>
      <div className="row">
        <label htmlFor="meeting-status" className="inline">
          {t('list.status')}
        </label>
        <select id="meeting-status" value={status} onChange={(e) => setStatus(e.target.value as JointMeetingStatus | '')}>
          <option value="">{t('list.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        {hasRole('COORDINATOR') && !scheduling ? (
          <button type="button" className="primary" onClick={() => setScheduling(true)}>
            {t('schedule.open')}
          </button>
        ) : null}
      </div>
      {scheduling ? <ScheduleMeetingForm onClose={() => setScheduling(false)} /> : null}
      <QueryState query={query}>
        {({ data }) =>
          data.jointMeetings.length === 0 ? (
            <p className="gap">{common('empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('list.scheduledAt')}</th>
                  <th scope="col">{t('list.kind')}</th>
                  <th scope="col">{t('list.place')}</th>
                  <th scope="col">{t('list.status')}</th>
                  <th scope="col">{t('list.convenedBy')}</th>
                  <th scope="col">{t('list.participating')}</th>
                  <th scope="col">{t('list.agendaCount')}</th>
                </tr>
              </thead>
              <tbody>
                {data.jointMeetings.map((meeting) => (
                  <tr key={meeting.id} data-meeting={meeting.id}>
                    <td>
                      <Link to={`/meetings/${meeting.id}`}>{when.format(new Date(meeting.scheduledAt))}</Link>
                    </td>
                    <td>{t(`kind.${meeting.kind}`)}</td>
                    <td>{meeting.place}</td>
                    <td>{t(`status.${meeting.status}`)}</td>
                    <td>{common(`department.${meeting.convenedBy}`)}</td>
                    <td>{meeting.participatingDepartments.map((d) => common(`department.${d}`)).join('、')}</td>
                    <td>{meeting.agenda.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
