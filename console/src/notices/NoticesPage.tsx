import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import type { GraphQLErrorEntry } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { Department, NoticeListsQuery } from '../graphql/generated/graphql';
import { useGraphQL } from '../graphql/use-query';
import { QueryState } from '../ui/query-state';
import { NoticeDeadline, NoticeStatusBadge, NoticeSubject, WRITING_ROLES, useDateTime } from './notice-parts';

const NoticeLists = graphql(`
  query NoticeLists($own: Department!) {
    inbox: notices(recipient: $own, first: 200) {
      ...NoticeRow
    }
    outbox: notices(sender: $own, first: 200) {
      ...NoticeRow
    }
  }

  fragment NoticeRow on Notice {
    id
    kind
    severity
    sender
    recipient
    enterpriseCreditCode
    disputeNo
    personRef
    enterprise {
      name
    }
    summary
    sentAt
    dueOn
    status
    overdue
    answer
  }
`);

type Row = NoticeListsQuery['inbox'][number];
const BOXES = ['inbox', 'outbox'] as const;
type Box = (typeof BOXES)[number];

function excerpt(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function NoticeTable({ box, rows, errors }: { box: Box; rows: readonly Row[]; errors: readonly GraphQLErrorEntry[] }) {
  const { t } = useTranslation('notices');
  const { t: common } = useTranslation();
  const when = useDateTime();
  if (rows.length === 0) return <p>{t('none')}</p>;
  return (
    <table className="notices">
      <thead>
        <tr>
          <th scope="col">{t('kind')}</th>
          <th scope="col">{box === 'inbox' ? t('from') : t('to')}</th>
          <th scope="col">{t('subject')}</th>
          <th scope="col">{t('summary')}</th>
          <th scope="col">{t('sentAt')}</th>
          <th scope="col">{t('dueOn')}</th>
          <th scope="col">{t('status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((notice, index) => (
          <tr key={notice.id} data-notice={notice.id}>
            <td>
              {t(`kind.${notice.kind}`)}
              <div>
                <span className={notice.severity === 'MAJOR' ? 'badge badge-danger' : 'badge badge-muted'}>
                  {t(`severity.${notice.severity}`)}
                </span>
              </div>
            </td>
            <td>{common(`department.${box === 'inbox' ? notice.sender : notice.recipient}`)}</td>
            <td>
              <NoticeSubject notice={notice} path={[box, index]} errors={errors} />
            </td>
            <td>
              <Link to={`/notices/${notice.id}`} title={notice.summary}>
                {excerpt(notice.summary)}
              </Link>
              {notice.answer ? (
                <div className="hint">
                  {t('answer')}：{excerpt(notice.answer)}
                </div>
              ) : null}
            </td>
            <td>
              <time dateTime={notice.sentAt}>{when.format(new Date(notice.sentAt))}</time>
            </td>
            <td>
              <NoticeDeadline dueOn={notice.dueOn} overdue={notice.overdue} status={notice.status} />
            </td>
            <td>
              <NoticeStatusBadge status={notice.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 通报: what the caller's department received (to acknowledge and answer within T+2) and what it sent. */
export function NoticesPage() {
  const { t } = useTranslation('notices');
  const { session, hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const box: Box = params.get('box') === 'outbox' ? 'outbox' : 'inbox';
  const tabs = useRef<Record<Box, HTMLButtonElement | null>>({ inbox: null, outbox: null });
  // Another department moves a notice on: read it afresh whenever the screen is opened.
  const query = useGraphQL(NoticeLists, { own: (session?.claims.department ?? 'UNION') as Department }, { staleTime: 0 });

  function select(next: Box) {
    setParams(next === 'inbox' ? {} : { box: next }, { replace: true });
  }
  function onKey(event: KeyboardEvent) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next: Box = box === 'inbox' ? 'outbox' : 'inbox';
    select(next);
    tabs.current[next]?.focus();
  }

  return (
    <section aria-labelledby="notices-title">
      <h1 id="notices-title">{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      {hasRole(...WRITING_ROLES) ? (
        <p>
          <Link to="/notices/new" className="button-link">
            {t('send')}
          </Link>
        </p>
      ) : null}
      <QueryState query={query}>
        {({ data, errors }) => (
          <>
            <div role="tablist" aria-label={t('title')} className="tabs" onKeyDown={onKey}>
              {BOXES.map((b) => (
                <button
                  key={b}
                  type="button"
                  role="tab"
                  id={`notices-tab-${b}`}
                  aria-selected={box === b}
                  aria-controls={`notices-panel-${b}`}
                  tabIndex={box === b ? 0 : -1}
                  ref={(el) => {
                    tabs.current[b] = el;
                  }}
                  onClick={() => select(b)}
                >
                  {t(b, { count: data[b].length })}
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`notices-panel-${box}`} aria-labelledby={`notices-tab-${box}`} tabIndex={0}>
              <NoticeTable box={box} rows={data[box]} errors={errors} />
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
