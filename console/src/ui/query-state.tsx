import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestFailed, type Answer } from '../graphql/client';
import { MissingDepartments } from './gaps';

/** A query's loading and failure states, then its answer (with the banner for missing departments). */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<Answer<T>>;
  children: (answer: Answer<T> & { data: T }) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (query.isError) return <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />;
  const answer = query.data;
  if (!answer.data) return <p>{t('empty')}</p>;
  return (
    <>
      <MissingDepartments departments={answer.missingDepartments} />
      {children(answer as Answer<T> & { data: T })}
    </>
  );
}

export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message =
    error instanceof RequestFailed && error.code === 'UNAUTHENTICATED'
      ? t('error.unauthenticated', { message: error.message })
      : t('error.generic', { message: error instanceof Error ? error.message : String(error) });
  return (
    <div role="alert" className="banner banner-error">
      {message}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}
