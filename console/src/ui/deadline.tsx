import { useTranslation } from 'react-i18next';
import { useConsoleConfig } from '../auth/console-config';

/** Today in China time by the browser's calendar, `YYYY-MM-DD`. */
function browserTodayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Whole calendar days from `today` to `date` (both `YYYY-MM-DD`). */
function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The services' today (from the gateway: a demonstration may pin it), else the browser's. */
export function useToday(): string {
  return useConsoleConfig().data?.today ?? browserTodayInChina();
}

/**
 * A legal deadline with its state. `overdue` comes from the department (its legal clock decides, with
 * holidays and suspensions); the count of days left is only a guide.
 */
export function Deadline({ dueOn, overdue }: { dueOn: string | null | undefined; overdue?: boolean | null }) {
  const { t } = useTranslation();
  const today = useToday();
  if (!dueOn) return null;
  const days = daysUntil(dueOn, today);
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
