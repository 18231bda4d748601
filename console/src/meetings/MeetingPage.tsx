import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session';
import { request, type Answer } from '../graphql/client';
import type { JointMeetingViewQuery } from '../graphql/generated/graphql';
import { useGraphQL } from '../graphql/use-query';
import { Deadline } from '../ui/deadline';
import { FieldValue, PersonalValue } from '../ui/gaps';
import { QueryState } from '../ui/query-state';
import { AddAgendaItemForm } from './AddAgendaItemForm';
import { AgendaCard } from './AgendaCard';
import { CloseMeetingForm, RemoveAgendaItemButton, StartMeetingButton } from './MeetingActions';
import { JointMeetingView } from './operations';
import { RecordDecisionForm } from './RecordDecisionForm';
import { RecordFollowUpForm } from './RecordFollowUpForm';

type MeetingData = NonNullable<JointMeetingViewQuery['jointMeeting']>;
type MeetingAnswer = Answer<JointMeetingViewQuery>;

/** Render budget: the answer's arrival is marked here, the rendered screen in MeetingView's effect. */
function useMeeting(id: string) {
  const { token } = useSession();
  return useGraphQL(
    JointMeetingView,
    { id },
    {
      queryFn: async ({ signal }) => {
        const answer = await request(JointMeetingView, { id }, token, signal);
        performance.mark('meeting:data');
        return answer;
      },
    },
  );
}

export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetings');
  const query = useMeeting(id);
  return (
    <section aria-labelledby="meeting-title" className="meeting">
      <p>
        <Link to="/meetings">{t('meeting.back')}</Link>
      </p>
      <QueryState query={query}>
        {(answer) =>
          answer.data.jointMeeting ? (
            <MeetingView
              meeting={answer.data.jointMeeting}
              answer={answer}
              updatedAt={query.dataUpdatedAt}
              busy={query.isFetching}
              reload={() => void query.refetch()}
            />
          ) : (
            <h1 id="meeting-title">{t('meeting.notFound')}</h1>
          )
        }
      </QueryState>
    </section>
  );
}

export interface MeetingContext {
  meeting: MeetingData;
  /** A query is being (re)fetched: the version on screen may be about to change, so no change is sent meanwhile. */
  busy: boolean;
  reload: () => void;
}

function MeetingView({
  meeting,
  answer,
  updatedAt,
  busy,
  reload,
}: {
  meeting: MeetingData;
  answer: MeetingAnswer;
  updatedAt: number;
  busy: boolean;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation('meetings');
  const { t: common } = useTranslation();
  const { session, hasRole } = useSession();
  const canChange = hasRole('COORDINATOR') && !!session && meeting.participatingDepartments.includes(session.claims.department as never);
  const open = meeting.status !== 'CLOSED';
  const ctx: MeetingContext = { meeting, busy, reload };
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const departments = (list: readonly string[]) => list.map((d) => common(`department.${d}`)).join('、');

  useEffect(() => {
    if (performance.getEntriesByName('meeting:data', 'mark').length === 0) return;
    performance.mark('meeting:rendered');
    performance.measure('meeting:render', 'meeting:data', 'meeting:rendered');
  }, [updatedAt]);

  return (
    <div data-meeting={meeting.id} data-version={meeting.version}>
      <h1 id="meeting-title">
        {t(`kind.${meeting.kind}`)} · {when.format(new Date(meeting.scheduledAt))}
      </h1>
      <dl className="meeting-facts">
        <div>
          <dt>{t('list.place')}</dt>
          <dd>{meeting.place}</dd>
        </div>
        <div>
          <dt>{t('list.status')}</dt>
          <dd>
            <span
              className={`badge ${meeting.status === 'CLOSED' ? 'badge-muted' : meeting.status === 'IN_SESSION' ? 'badge-ok' : 'badge-warning'}`}
              data-status={meeting.status}
            >
              {t(`status.${meeting.status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('list.convenedBy')}</dt>
          <dd>{common(`department.${meeting.convenedBy}`)}</dd>
        </div>
        <div>
          <dt>{t('list.participating')}</dt>
          <dd>{departments(meeting.participatingDepartments)}</dd>
        </div>
      </dl>
      <section aria-labelledby="participants-title">
        <h2 id="participants-title">{t('meeting.participants')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('participant.name')}</th>
              <th scope="col">{t('participant.department')}</th>
              <th scope="col">{t('participant.role')}</th>
            </tr>
          </thead>
          <tbody>
            {meeting.participants.map((p, i) => (
              <tr key={i}>
                <td>
                  <PersonalValue value={p.name} />
                </td>
                <td>{common(`department.${p.department}`)}</td>
                <td>{p.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {canChange && meeting.status === 'PLANNED' ? <StartMeetingButton {...ctx} /> : null}

      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('meeting.agenda')}</h2>
        {meeting.agenda.length === 0 ? <p className="gap">{common('gap.none')}</p> : null}
        {meeting.agenda.map((item, index) => (
          <AgendaCard
            key={item.id}
            item={item}
            index={index}
            answer={answer}
            actions={canChange && open ? <RemoveAgendaItemButton {...ctx} item={item} /> : null}
          />
        ))}
        {canChange && open ? <AddAgendaItemForm {...ctx} /> : null}
      </section>

      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t('meeting.decisions')}</h2>
        {meeting.decisions.length === 0 ? (
          <p className="gap">{common('gap.none')}</p>
        ) : (
          <table className="decisions">
            <thead>
              <tr>
                <th scope="col">{t('decision.summary')}</th>
                <th scope="col">{t('decision.lead')}</th>
                <th scope="col">{t('decision.participating')}</th>
                <th scope="col">{t('decision.dueOn')}</th>
                <th scope="col">{t('decision.status')}</th>
                <th scope="col">{t('decision.followUps')}</th>
              </tr>
            </thead>
            <tbody>
              {meeting.decisions.map((d, i) => (
                <tr key={d.id} data-decision={d.id}>
                  <td>
                    <FieldValue value={d.summary} path={['jointMeeting', 'decisions', i, 'summary']} errors={answer.errors} />
                  </td>
                  <td>{common(`department.${d.leadDepartment}`)}</td>
                  <td>{d.participatingDepartments.length ? departments(d.participatingDepartments) : common('gap.none')}</td>
                  <td>
                    {d.status === 'OPEN' ? <Deadline dueOn={d.dueOn} overdue={d.overdue} /> : <time dateTime={d.dueOn}>{d.dueOn}</time>}
                  </td>
                  <td>{t(`decisionStatus.${d.status}`)}</td>
                  <td>
                    {d.followUps.length === 0 ? (
                      <span className="gap">{common('gap.none')}</span>
                    ) : (
                      <ul className="records">
                        {d.followUps.map((f, j) => (
                          <li key={f.id}>
                            <time dateTime={f.on}>{f.on}</time> {common(`department.${f.by}`)}:{' '}
                            <FieldValue
                              value={f.result}
                              path={['jointMeeting', 'decisions', i, 'followUps', j, 'result']}
                              errors={answer.errors}
                            />
                            {' — '}
                            <FieldValue
                              value={f.note}
                              path={['jointMeeting', 'decisions', i, 'followUps', j, 'note']}
                              errors={answer.errors}
                            />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canChange && meeting.status === 'IN_SESSION' ? <RecordDecisionForm {...ctx} /> : null}
        {canChange && meeting.status !== 'PLANNED' && meeting.decisions.length > 0 ? <RecordFollowUpForm {...ctx} /> : null}
      </section>

      {meeting.status === 'CLOSED' ? (
        <section aria-labelledby="minutes-title">
          <h2 id="minutes-title">{t('meeting.minutes')}</h2>
          <p className="minutes">
            <FieldValue value={meeting.minutes} path={['jointMeeting', 'minutes']} errors={answer.errors} />
          </p>
        </section>
      ) : null}
      {canChange && meeting.status === 'IN_SESSION' ? <CloseMeetingForm {...ctx} /> : null}
    </div>
  );
}
