import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { RequestFailed, errorAt, type GraphQLErrorEntry } from '../graphql/client';
import type { SharingChannelEffectiveStatus, SharingChannelStatus } from '../graphql/generated/graphql';
import { GapFor } from '../ui/gaps';

export const EFFECTIVE_STATUSES: readonly SharingChannelEffectiveStatus[] = ['PROPOSED', 'ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED'];
export const DEPARTMENTS = ['HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'] as const;

const BADGE: Record<SharingChannelEffectiveStatus, string> = {
  PROPOSED: 'badge-warning',
  ACTIVE: 'badge-ok',
  SUSPENDED: 'badge-warning',
  REVOKED: 'badge-danger',
  EXPIRED: 'badge-muted',
};

/** What a channel amounts to today, and its decided status when that differs (an expired channel). */
export function ChannelStatus({
  status,
  effectiveStatus,
}: {
  status: SharingChannelStatus;
  effectiveStatus: SharingChannelEffectiveStatus;
}) {
  const { t } = useTranslation('channels');
  return (
    <span data-status={effectiveStatus}>
      <span className={`badge ${BADGE[effectiveStatus]}`}>{t(`status.${effectiveStatus}`)}</span>
      {status !== effectiveStatus ? <span className="hint"> {t('status.decidedAs', { status: t(`status.${status}`) })}</span> : null}
    </span>
  );
}

export function Departments({ departments }: { departments: readonly string[] }) {
  const { t } = useTranslation();
  return <>{departments.map((d) => t(`department.${d}`, { defaultValue: d })).join('、')}</>;
}

export function Validity({ from, until }: { from: string; until: string | null | undefined }) {
  const { t } = useTranslation('channels');
  // Each date kept on one line; the words between them may wrap.
  const day = { d: <span className="nowrap" /> };
  return until ? (
    <Trans t={t} i18nKey="validity.range" values={{ from, until }} components={day} />
  ) : (
    <Trans t={t} i18nKey="validity.openEnded" values={{ from }} components={day} />
  );
}

/** The granted fields, type by type. */
export function Grants({ grants }: { grants: ReadonlyArray<{ typeName: string; fields: readonly string[] }> }) {
  const { t } = useTranslation();
  if (grants.length === 0) return <span className="gap">{t('gap.none')}</span>;
  return (
    <ul className="channel-grants">
      {grants.map((grant) => (
        <li key={grant.typeName}>
          <code>{grant.typeName}</code>:{' '}
          {grant.fields.map((f) => <code key={f}>{f}</code>).reduce<ReactNode[]>((all, f, i) => (i ? [...all, '、', f] : [f]), [])}
        </li>
      ))}
    </ul>
  );
}

/**
 * Whether the provider's own record says what the registry row says: agrees, disagrees (the row grants
 * nothing), no record yet (a proposal), or why it could not be asked (the provider is down).
 */
export function ProviderAgrees({
  value,
  path,
  errors,
}: {
  value: boolean | null | undefined;
  path: ReadonlyArray<string | number>;
  errors: readonly GraphQLErrorEntry[];
}) {
  const { t } = useTranslation('channels');
  const error = errorAt(errors, path);
  if (value == null) return error ? <GapFor error={error} /> : <span className="gap">{t('agrees.none')}</span>;
  return value ? (
    <span className="badge badge-ok">{t('agrees.true')}</span>
  ) : (
    <span className="badge badge-danger">{t('agrees.false')}</span>
  );
}

/** Why a proposal or a decision was not made: the API's code, its message (naming the field) and the department that refused. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation('channels');
  const { t: common } = useTranslation();
  const entries: GraphQLErrorEntry[] =
    error instanceof RequestFailed && error.errors.length > 0
      ? error.errors
      : [{ message: error instanceof Error ? error.message : String(error) }];
  return (
    <div role="alert" className="banner banner-error channel-error">
      <div>
        <strong>{t('error.title')}</strong>
        <ul>
          {entries.map((entry, i) => {
            const code = entry.extensions?.code;
            const department = entry.extensions?.department;
            const violations = Array.isArray(entry.extensions?.violations)
              ? (entry.extensions.violations as Array<{ field: string; rule: string }>)
              : null;
            return (
              <li key={i} data-code={code}>
                {code ? <span className="badge badge-danger">{t(`error.code.${code}`, { defaultValue: code })}</span> : null}{' '}
                {violations && violations.length > 1 ? (
                  <ul>
                    {violations.map((v, j) => (
                      <li key={j}>
                        <code>{v.field}</code> {v.rule}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span>{entry.message}</span>
                )}
                {typeof department === 'string' ? (
                  <div className="hint">
                    {t('error.department', { department: common(`department.${department}`, { defaultValue: department }) })}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
