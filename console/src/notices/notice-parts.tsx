import { useTranslation } from 'react-i18next';
import type { GraphQLErrorEntry } from '../graphql/client';
import type { NoticeStatus } from '../graphql/generated/graphql';
import { Deadline } from '../ui/deadline';
import { FieldValue } from '../ui/gaps';

/** The writing roles: they send notices and, for the recipient department, acknowledge and answer them. */
export const WRITING_ROLES = ['CASEWORKER', 'COORDINATOR', 'ADMIN', 'SERVICE'] as const;

export function useDateTime() {
  const { i18n } = useTranslation();
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
}

/** What a notice is about: the enterprise (its name from the labour bureau, or why it is missing), the dispute or the worker. */
export function NoticeSubject({
  notice,
  path,
  errors,
}: {
  notice: {
    enterpriseCreditCode?: string | null;
    disputeNo?: string | null;
    personRef?: string | null;
    enterprise?: { name?: string | null } | null;
  };
  path: ReadonlyArray<string | number>;
  errors: readonly GraphQLErrorEntry[];
}) {
  const { t } = useTranslation('notices');
  if (notice.enterpriseCreditCode) {
    return (
      <span data-subject="enterprise">
        {t('subject.enterprise')}：<FieldValue value={notice.enterprise?.name} path={[...path, 'enterprise', 'name']} errors={errors} />
        <span className="hint"> {notice.enterpriseCreditCode}</span>
      </span>
    );
  }
  if (notice.disputeNo) return <span data-subject="dispute">{t('subjectOf.dispute', { value: notice.disputeNo })}</span>;
  if (notice.personRef) return <span data-subject="worker">{t('subjectOf.worker', { value: notice.personRef })}</span>;
  return null;
}

/** The T+2 clock: the countdown and overdue badge while open, the due day alone once answered. */
export function NoticeDeadline({ dueOn, overdue, status }: { dueOn: string; overdue: boolean; status: NoticeStatus }) {
  if (status === 'ANSWERED') return <time dateTime={dueOn}>{dueOn}</time>;
  return <Deadline dueOn={dueOn} overdue={overdue} />;
}

export function NoticeStatusBadge({ status }: { status: NoticeStatus }) {
  const { t } = useTranslation('notices');
  const tone = status === 'ANSWERED' ? 'badge-ok' : status === 'ACKNOWLEDGED' ? 'badge-muted' : 'badge-warning';
  return (
    <span className={`badge ${tone}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
