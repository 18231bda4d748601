import { useTranslation } from 'react-i18next';

/** Whole days from today (the browser's date in China time) to a `YYYY-MM-DD` date. */
export function daysUntil(date: string, today: Date = new Date()): number {
  const todayInChina = new Date(today.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${todayInChina}T00:00:00Z`)) / 86_400_000);
}

/**
 * A legal deadline with its state. `overdue` comes from the department (its legal clock decides, with
 * holidays and suspensions); the count of days left is only a guide.
 */
export function Deadline({ dueOn, overdue }: { dueOn: string | null | undefined; overdue?: boolean | null }) {
  const { t } = useTranslation();
  if (!dueOn) return null;
  const days = daysUntil(dueOn);
  return (
    <span className="deadline">
      <time dateTime={dueOn}>{dueOn}</time>{' '}
      {overdue ? (
        <span className="badge badge-danger" data-overdue="true">
          {t('overdue')}
        </span>
      ) : days >= 0 ? (
        <span className={days <= 2 ? 'badge badge-warning' : 'badge badge-muted'}>{days === 0 ? t('dueToday') : t('dueIn', { days })}</span>
      ) : null}
    </span>
  );
}
