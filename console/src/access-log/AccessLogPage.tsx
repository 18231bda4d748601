import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { request, RequestFailed, type Answer } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { AccessLogPageFragment, AccessOutcome, Department } from '../graphql/generated/graphql';
import { MissingDepartments } from '../ui/gaps';
import { ErrorBanner } from '../ui/query-state';

/**
 * 访问日志: the signed-in department's own access log (its ADMIN or AUDITOR), filtered by time, reading
 * department and outcome, a page at a time; and, for the labour bureau, "who read this worker" by ID number.
 */
graphql(`
  fragment AccessLogPage on AccessLogEntryConnection {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    nodes {
      id
      at
      subject
      subjectName
      department
      roles
      purpose
      fields
      channelId
      outcome
    }
  }
`);

const HrBureauLog = graphql(`
  query AccessLogHrBureau($first: Int!, $after: String, $since: DateTimeISO, $department: Department, $outcome: AccessOutcome) {
    log: hrBureauAccessLog(first: $first, after: $after, since: $since, department: $department, outcome: $outcome) {
      ...AccessLogPage
    }
  }
`);
const UnionLog = graphql(`
  query AccessLogUnion($first: Int!, $after: String, $since: DateTimeISO, $department: Department, $outcome: AccessOutcome) {
    log: unionAccessLog(first: $first, after: $after, since: $since, department: $department, outcome: $outcome) {
      ...AccessLogPage
    }
  }
`);
const CourtLog = graphql(`
  query AccessLogCourt($first: Int!, $after: String, $since: DateTimeISO, $department: Department, $outcome: AccessOutcome) {
    log: courtAccessLog(first: $first, after: $after, since: $since, department: $department, outcome: $outcome) {
      ...AccessLogPage
    }
  }
`);
const JusticeLog = graphql(`
  query AccessLogJustice($first: Int!, $after: String, $since: DateTimeISO, $department: Department, $outcome: AccessOutcome) {
    log: justiceAccessLog(first: $first, after: $after, since: $since, department: $department, outcome: $outcome) {
      ...AccessLogPage
    }
  }
`);
const WorkerLog = graphql(`
  query AccessLogWorker($first: Int!, $after: String, $idNumber: String!) {
    log: workerAccessLog(first: $first, after: $after, idNumber: $idNumber) {
      ...AccessLogPage
    }
  }
`);

/** Each department reads its own log only: the signed-in department picks which. */
const LOGS = { HR_BUREAU: HrBureauLog, UNION: UnionLog, COURT: CourtLog, JUSTICE: JusticeLog } as const;
const DEPARTMENTS: readonly Department[] = ['HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'];
const OUTCOMES: readonly AccessOutcome[] = ['GRANTED', 'MASKED', 'DENIED'];
const PAGE_SIZE = 20;
const UNAVAILABLE = new Set(['DEPARTMENT_UNAVAILABLE', 'DEPARTMENT_TIMEOUT']);

type LogDocument = typeof HrBureauLog;
type LogAnswer = Answer<{ log: AccessLogPageFragment }>;

/** Pages of a log, newest first: each "more" asks for the entries older than the last one shown. */
function useLogPages(document: LogDocument | typeof WorkerLog, variables: Record<string, unknown>, enabled = true) {
  const { token, session } = useSession();
  return useInfiniteQuery<LogAnswer, Error, { pages: LogAnswer[] }, unknown[], string | null>({
    queryKey: [document.toString(), variables, session?.claims.sub ?? null],
    queryFn: ({ pageParam, signal }) =>
      request(document as LogDocument, { ...variables, first: PAGE_SIZE, after: pageParam } as never, token, signal) as Promise<LogAnswer>,
    initialPageParam: null,
    getNextPageParam: (last) => (last.data?.log.pageInfo.hasNextPage ? (last.data.log.pageInfo.endCursor ?? undefined) : undefined),
    enabled,
  });
}

/** What went wrong with the log as a whole, named: not allowed, the department down, or the gateway's message. */
function LogError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation('accessLog');
  const { t: common } = useTranslation();
  const code = error instanceof RequestFailed ? error.code : undefined;
  if (code === 'FORBIDDEN') {
    return (
      <div role="alert" className="banner banner-error">
        {t('forbidden')}
      </div>
    );
  }
  if (code && UNAVAILABLE.has(code)) {
    const department = String((error as RequestFailed).errors[0]?.extensions?.department ?? '');
    return (
      <div role="alert" className="banner banner-error" data-gap="unavailable">
        {common('gap.unavailable', { department: common(`department.${department}`, { defaultValue: department }) })}
        <button type="button" onClick={onRetry}>
          {common('retry')}
        </button>
      </div>
    );
  }
  return <ErrorBanner error={error} onRetry={onRetry} />;
}

const OUTCOME_BADGE: Record<AccessOutcome, string> = {
  GRANTED: 'badge badge-ok',
  MASKED: 'badge badge-warning',
  DENIED: 'badge badge-danger',
};

function LogTable({ query, caption }: { query: ReturnType<typeof useLogPages>; caption: (shown: number, total: number) => string }) {
  const { t, i18n } = useTranslation('accessLog');
  const { t: common } = useTranslation();
  if (query.isPending) return <p aria-busy="true">{common('loading')}</p>;
  // A later page that failed keeps the pages already shown, with the error under them.
  if (!query.data) return <LogError error={query.error ?? new Error('')} onRetry={() => void query.refetch()} />;
  const pages = query.data.pages;
  const entries = pages.flatMap((page) => page.data?.log.nodes ?? []);
  const total = pages[0]?.data?.log.totalCount ?? 0;
  const missing = [...new Set(pages.flatMap((page) => page.missingDepartments))];
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Shanghai' });
  return (
    <>
      <MissingDepartments departments={missing} />
      {entries.length === 0 ? (
        <p className="gap">{t('empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="access-log">
            <caption>{caption(entries.length, total)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.at')}</th>
                <th scope="col">{t('table.reader')}</th>
                <th scope="col">{t('table.department')}</th>
                <th scope="col">{t('table.purpose')}</th>
                <th scope="col">{t('table.fields')}</th>
                <th scope="col">{t('table.outcome')}</th>
                <th scope="col">{t('table.channel')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-entry={entry.id} data-outcome={entry.outcome}>
                  <td>
                    <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
                  </td>
                  <td>
                    {entry.subjectName ?? entry.subject}
                    <div className="hint">
                      {entry.roles.map((r) => common(`role.${r}`, { defaultValue: r })).join('、')}
                      {entry.subjectName ? ` · ${entry.subject}` : ''}
                    </div>
                  </td>
                  <td>{common(`department.${entry.department}`, { defaultValue: entry.department })}</td>
                  <td>{entry.purpose ?? <span className="gap">{t('purpose.none')}</span>}</td>
                  <td>
                    <ul className="plain-list">
                      {entry.fields.map((field) => (
                        <li key={field}>
                          <code>{field}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <span className={OUTCOME_BADGE[entry.outcome]}>{t(`outcome.${entry.outcome}`)}</span>
                  </td>
                  <td>{entry.channelId ?? <span className="gap">{t('channel.none')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {query.hasNextPage ? (
        <button
          type="button"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          aria-busy={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? common('loading') : t('more')}
        </button>
      ) : null}
      {query.isError ? (
        <LogError error={query.error} onRetry={() => void (query.isFetchNextPageError ? query.fetchNextPage() : query.refetch())} />
      ) : null}
    </>
  );
}

interface Filter {
  since: string;
  department: Department | '';
  outcome: AccessOutcome | '';
}
const NO_FILTER: Filter = { since: '', department: '', outcome: '' };

/** A `datetime-local` value, read as China time, as the ISO instant the API takes. */
function sinceInstant(local: string): string | null {
  if (!local) return null;
  const instant = new Date(`${local.length === 16 ? `${local}:00` : local}+08:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

function DepartmentLog({ department }: { department: Department }) {
  const { t } = useTranslation('accessLog');
  const { t: common } = useTranslation();
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const query = useLogPages(LOGS[department], {
    since: sinceInstant(filter.since),
    department: filter.department || null,
    outcome: filter.outcome || null,
  });
  const name = common(`department.${department}`);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
  };
  return (
    <>
      <form onSubmit={apply} aria-label={t('filter.legend')}>
        <fieldset className="row">
          <legend>{t('filter.legend')}</legend>
          <label htmlFor="log-since" className="inline">
            {t('filter.since')}
          </label>
          <input id="log-since" type="datetime-local" value={draft.since} onChange={(e) => setDraft({ ...draft, since: e.target.value })} />
          <label htmlFor="log-department" className="inline">
            {t('filter.department')}
          </label>
          <select
            id="log-department"
            value={draft.department}
            onChange={(e) => setDraft({ ...draft, department: e.target.value as Department | '' })}
          >
            <option value="">{t('filter.all')}</option>
            {DEPARTMENTS.filter((d) => d !== department).map((d) => (
              <option key={d} value={d}>
                {common(`department.${d}`)}
              </option>
            ))}
          </select>
          <label htmlFor="log-outcome" className="inline">
            {t('filter.outcome')}
          </label>
          <select
            id="log-outcome"
            value={draft.outcome}
            onChange={(e) => setDraft({ ...draft, outcome: e.target.value as AccessOutcome | '' })}
          >
            <option value="">{t('filter.all')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="primary">
            {t('filter.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(NO_FILTER);
              setFilter(NO_FILTER);
            }}
          >
            {t('filter.reset')}
          </button>
        </fieldset>
      </form>
      <LogTable query={query} caption={(shown, total) => t('table.caption', { department: name, shown, total })} />
    </>
  );
}

const ID_NUMBER = /^\d{17}[\dXx]$/;

/** "谁查看了这名劳动者": the labour bureau's entries about one worker, found by ID number. */
function WorkerLookup() {
  const { t } = useTranslation('accessLog');
  const [draft, setDraft] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [invalid, setInvalid] = useState(false);
  const query = useLogPages(WorkerLog, { idNumber }, idNumber !== '');
  const search = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim().toUpperCase();
    setInvalid(!ID_NUMBER.test(value));
    if (ID_NUMBER.test(value)) setIdNumber(value);
  };
  return (
    <section aria-labelledby="worker-log-title">
      <h2 id="worker-log-title">{t('worker.title')}</h2>
      <p className="hint">{t('worker.intro')}</p>
      <form onSubmit={search} className="row">
        <label htmlFor="worker-id-number" className="inline">
          {t('worker.idNumber')}
        </label>
        <input
          id="worker-id-number"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid}
          aria-describedby="worker-id-number-hint"
          maxLength={18}
        />
        <span id="worker-id-number-hint" className="hint">
          {invalid ? <span role="alert">{t('worker.invalid')}</span> : t('worker.idNumberHint')}
        </span>
        <button type="submit">{t('worker.search')}</button>
      </form>
      {idNumber ? <LogTable query={query} caption={(shown, total) => t('worker.caption', { idNumber, shown, total })} /> : null}
    </section>
  );
}

export function AccessLogPage() {
  const { t } = useTranslation('accessLog');
  const { t: common } = useTranslation();
  const { session } = useSession();
  const department = session?.claims.department as Department | undefined;
  if (!department || !(department in LOGS)) return <p role="alert">{t('forbidden')}</p>;
  return (
    <section aria-labelledby="access-log-title">
      <h1 id="access-log-title">{t('title', { department: common(`department.${department}`) })}</h1>
      <p className="hint">{t('intro')}</p>
      <DepartmentLog department={department} />
      {department === 'HR_BUREAU' ? (
        <WorkerLookup />
      ) : (
        <section aria-labelledby="worker-log-title">
          <h2 id="worker-log-title">{t('worker.title')}</h2>
          <p className="hint">{t('worker.onlyHr')}</p>
        </section>
      )}
    </section>
  );
}
