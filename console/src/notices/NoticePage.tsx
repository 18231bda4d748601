import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useSession } from '../auth/session';
import { graphql } from '../graphql/generated';
import { useGraphQL, useGraphQLMutation } from '../graphql/use-query';
import { describeMutationError } from '../ui/mutation-error';
import { QueryState } from '../ui/query-state';
import { NoticeDeadline, NoticeStatusBadge, NoticeSubject, WRITING_ROLES, useDateTime } from './notice-parts';

/** A notice: what a row of the lists shows (`NoticeRow`, NoticesPage.tsx), and its version and handling. */
const NoticeDetail = graphql(`
  query NoticeDetail($id: ID!) {
    notice(id: $id) {
      ...NoticeRow
      version
      channelCode
      acknowledgedAt
      acknowledgedBy {
        name
      }
      answeredAt
      answeredBy {
        name
      }
    }
  }
`);

const Acknowledge = graphql(`
  mutation AcknowledgeNotice($input: AcknowledgeNoticeInput!) {
    acknowledgeNotice(input: $input) {
      id
      version
      status
    }
  }
`);

const Answer = graphql(`
  mutation AnswerNotice($input: AnswerNoticeInput!) {
    answerNotice(input: $input) {
      id
      version
      status
      answer
    }
  }
`);

/** One notice: what it says and its T+2 clock; its recipient's staff acknowledge and answer it here. */
export function NoticePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('notices');
  const { t: common } = useTranslation();
  const { session, hasRole } = useSession();
  const location = useLocation();
  const justSent = (location.state as { sent?: string } | null)?.sent;
  const when = useDateTime();
  const ids = useId();
  const query = useGraphQL(NoticeDetail, { id }, { staleTime: 0 });
  const acknowledge = useGraphQLMutation(Acknowledge);
  const answer = useGraphQLMutation(Answer);
  const [text, setText] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const failed = acknowledge.error ?? answer.error;

  return (
    <section aria-labelledby="notice-title">
      <p>
        <Link to="/notices">{t('detail.back')}</Link>
      </p>
      <h1 id="notice-title">{t('detail.title')}</h1>
      {justSent ? (
        <div role="status" className="banner banner-ok">
          {justSent}
        </div>
      ) : null}
      {failed ? (
        <div role="alert" className="banner banner-error">
          {describeMutationError(failed, t)}
        </div>
      ) : null}
      {done ? (
        <div role="status" className="banner banner-ok">
          {done}
        </div>
      ) : null}
      <QueryState query={query}>
        {({ data, errors }) => {
          const notice = data.notice;
          if (!notice) return <p>{t('detail.notFound')}</p>;
          const mayHandle = session?.claims.department === notice.recipient && hasRole(...WRITING_ROLES);
          const submitAnswer = (event: FormEvent) => {
            event.preventDefault();
            if (answer.isPending) return;
            acknowledge.reset();
            answer.mutate(
              { input: { id: notice.id, version: notice.version, answer: text } },
              { onSuccess: () => setDone(t('answeredOk')) },
            );
          };
          return (
            <>
              <dl className="facts">
                <dt>{t('kind')}</dt>
                <dd>
                  {t(`kind.${notice.kind}`)} · {t(`severity.${notice.severity}`)}
                </dd>
                <dt>{t('from')}</dt>
                <dd>{common(`department.${notice.sender}`)}</dd>
                <dt>{t('to')}</dt>
                <dd>{common(`department.${notice.recipient}`)}</dd>
                <dt>{t('detail.channel')}</dt>
                <dd>{notice.channelCode}</dd>
                <dt>{t('subject')}</dt>
                <dd>
                  <NoticeSubject notice={notice} path={['notice']} errors={errors} />
                </dd>
                <dt>{t('sentAt')}</dt>
                <dd>
                  <time dateTime={notice.sentAt}>{when.format(new Date(notice.sentAt))}</time>
                </dd>
                <dt>{t('dueOn')}</dt>
                <dd>
                  <NoticeDeadline dueOn={notice.dueOn} overdue={notice.overdue} status={notice.status} />
                </dd>
                <dt>{t('status')}</dt>
                <dd>
                  <NoticeStatusBadge status={notice.status} />
                </dd>
                <dt>{t('summary')}</dt>
                <dd className="notice-summary">{notice.summary}</dd>
                {notice.acknowledgedAt ? (
                  <>
                    <dt>{t('detail.acknowledged')}</dt>
                    <dd>
                      {t('detail.by', { when: when.format(new Date(notice.acknowledgedAt)), name: notice.acknowledgedBy?.name ?? '' })}
                    </dd>
                  </>
                ) : null}
                {notice.answer != null ? (
                  <>
                    <dt>{t('answer')}</dt>
                    <dd className="notice-answer" data-answer="true">
                      {notice.answer}
                    </dd>
                    <dt>{t('detail.answered')}</dt>
                    <dd>
                      {notice.answeredAt
                        ? t('detail.by', { when: when.format(new Date(notice.answeredAt)), name: notice.answeredBy?.name ?? '' })
                        : null}
                    </dd>
                  </>
                ) : null}
              </dl>
              {mayHandle && notice.status === 'SENT' ? (
                <button
                  type="button"
                  className="primary"
                  disabled={acknowledge.isPending}
                  onClick={() => {
                    if (acknowledge.isPending) return;
                    answer.reset();
                    acknowledge.mutate(
                      { input: { id: notice.id, version: notice.version } },
                      { onSuccess: () => setDone(t('acknowledgedOk')) },
                    );
                  }}
                >
                  {acknowledge.isPending ? t('acknowledging') : t('acknowledge')}
                </button>
              ) : null}
              {mayHandle && notice.status === 'ACKNOWLEDGED' ? (
                <form onSubmit={submitAnswer} className="notice-answer-form">
                  <label htmlFor={`${ids}-answer`}>{t('answerLabel')}</label>
                  <textarea
                    id={`${ids}-answer`}
                    required
                    maxLength={4000}
                    rows={4}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                  />
                  <button type="submit" className="primary" disabled={answer.isPending}>
                    {answer.isPending ? t('answering') : t('submitAnswer')}
                  </button>
                </form>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
