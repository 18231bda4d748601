import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../auth/session';
import type { ChannelDetailQuery, SharingChannelStatus } from '../graphql/generated/graphql';
import { useGraphQL, useGraphQLMutation } from '../graphql/use-query';
import { QueryState } from '../ui/query-state';
import { GapFor } from '../ui/gaps';
import { errorAt } from '../graphql/client';
import { ActivateChannel, ChannelDetail, RevokeChannel, SuspendChannel } from './operations';
import { ActionError, ChannelStatus, Departments, Grants, ProviderAgrees, Validity } from './parts';

type Channel = NonNullable<ChannelDetailQuery['sharingChannel']>;

function useDateTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (iso: string) => format.format(new Date(iso));
}

/** One channel: its content, scope, who proposed and decided it, the provider's own record, and the provider ADMIN's decisions. */
export function ChannelPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('channels');
  const query = useGraphQL(ChannelDetail, { code });
  return (
    <section aria-labelledby="channel-title">
      <p>
        <Link to="/channels">{t('detail.back')}</Link>
      </p>
      <h1 id="channel-title">
        {t('list.title')} {code}
      </h1>
      <QueryState query={query}>
        {({ data, errors }) =>
          data.sharingChannel ? (
            <ChannelView channel={data.sharingChannel} errors={errors} />
          ) : (
            <p role="status" className="banner banner-warning">
              {t('detail.notFound', { code })}
            </p>
          )
        }
      </QueryState>
    </section>
  );
}

function ChannelView({ channel, errors }: { channel: Channel; errors: Parameters<typeof ProviderAgrees>[0]['errors'] }) {
  const { t, i18n } = useTranslation('channels');
  const { t: common } = useTranslation();
  const at = useDateTime();
  const record = channel.providerRecord;
  return (
    <>
      <DecisionActions channel={channel} />
      <h2>{t('detail.content')}</h2>
      <dl className="channel-facts">
        <dt>{t('field.code')}</dt>
        <dd>{channel.code}</dd>
        <dt>{t('field.provider')}</dt>
        <dd>{common(`department.${channel.provider}`)}</dd>
        <dt>{t('field.consumers')}</dt>
        <dd>
          <Departments departments={channel.consumers} />
        </dd>
        <dt>{t('field.purpose')}</dt>
        <dd>{channel.purpose}</dd>
        <dt>{t('field.legalBasis')}</dt>
        <dd>{channel.legalBasis}</dd>
        <dt>{t('field.validity')}</dt>
        <dd>
          <Validity from={channel.validFrom} until={channel.validUntil} />
        </dd>
        <dt>{t('field.status')}</dt>
        <dd>
          <ChannelStatus status={channel.status} effectiveStatus={channel.effectiveStatus} />
        </dd>
        <dt>{t('field.inForce')}</dt>
        <dd>
          {t(`inForce.${channel.inForce}`)}
          {!channel.inForce && channel.effectiveStatus === 'ACTIVE' ? (
            <span className="hint"> {t('inForce.notYet', { from: channel.validFrom })}</span>
          ) : null}
        </dd>
        <dt>{t('field.providerAgrees')}</dt>
        <dd>
          <ProviderAgrees value={channel.providerAgrees} path={['sharingChannel', 'providerAgrees']} errors={errors} />
        </dd>
        <dt>{t('field.version')}</dt>
        <dd>{channel.version}</dd>
        <dt>{t('field.scope')}</dt>
        <dd>
          {channel.scope ? (
            <>
              <code>{channel.scope}</code>
              {channel.scopeKind ? (
                <>
                  {' — '}
                  {i18n.language === 'en' ? channel.scopeKind.description : channel.scopeKind.descriptionZh}
                  <div className="hint">
                    {t('field.scopeTypes')}: {channel.scopeKind.types.join('、')}
                  </div>
                </>
              ) : null}
            </>
          ) : (
            <span className="badge badge-danger">{t('noScope')}</span>
          )}
        </dd>
        <dt>{t('field.grants')}</dt>
        <dd>
          <Grants grants={channel.grants} />
        </dd>
      </dl>

      <h2>{t('detail.history')}</h2>
      <dl className="channel-facts">
        <dt>{t('detail.proposed')}</dt>
        <dd>
          {t('detail.proposedBy', { name: channel.proposedBy.name, subject: channel.proposedBy.subject, at: at(channel.proposedAt) })}
        </dd>
        <dt>{t('detail.lastDecision')}</dt>
        <dd>
          {channel.decidedBy && channel.decidedAt ? (
            <>
              {t('detail.decidedBy', { name: channel.decidedBy.name, subject: channel.decidedBy.subject, at: at(channel.decidedAt) })}
              {channel.decisionReason ? <div>{t('detail.reason', { reason: channel.decisionReason })}</div> : null}
            </>
          ) : (
            <span className="gap">{t('detail.noDecision')}</span>
          )}
        </dd>
        <dt>{t('detail.changedAt')}</dt>
        <dd>{at(channel.changedAt)}</dd>
        <dt>{t('detail.providerRecord')}</dt>
        <dd data-provider-record={record?.status ?? 'none'}>
          {record ? (
            <>
              <span className="badge badge-muted">{t(`status.${record.status}`)}</span>{' '}
              {t('detail.decidedBy', { name: record.decidedBy.name, subject: record.decidedBy.subject, at: at(record.decidedAt) })}
              {record.decisionReason ? <div>{t('detail.reason', { reason: record.decisionReason })}</div> : null}
              <div className="hint">
                {t('field.version')}: {record.version}
              </div>
            </>
          ) : (
            <ProviderRecordGap errors={errors} />
          )}
        </dd>
      </dl>
      <p className="hint">{t('detail.historyNote')}</p>
    </>
  );
}

function ProviderRecordGap({ errors }: { errors: Parameters<typeof ProviderAgrees>[0]['errors'] }) {
  const { t } = useTranslation('channels');
  // Null because the provider could not be asked (an error at its path), or because it has recorded nothing yet.
  const error = errorAt(errors, ['sharingChannel', 'providerRecord']);
  return error ? <GapFor error={error} /> : <span className="gap">{t('detail.noProviderRecord')}</span>;
}

type Decision = Exclude<SharingChannelStatus, 'PROPOSED'>;

/** Activate, suspend, revoke (confirmed first): for an ADMIN of the provider, at the version read. */
function DecisionActions({ channel }: { channel: Channel }) {
  const { t } = useTranslation('channels');
  const { t: common } = useTranslation();
  const { session, hasRole } = useSession();
  const [reason, setReason] = useState('');
  const [confirmingRevoke, setConfirmingRevoke] = useState(false);
  const [done, setDone] = useState<Decision | null>(null);
  const activate = useGraphQLMutation(ActivateChannel);
  const suspend = useGraphQLMutation(SuspendChannel);
  const revoke = useGraphQLMutation(RevokeChannel);
  const mutations = { ACTIVE: activate, SUSPENDED: suspend, REVOKED: revoke } as const;
  const pending = activate.isPending || suspend.isPending || revoke.isPending;
  const failed = [activate, suspend, revoke].find((m) => m.isError);

  if (!session || !hasRole('ADMIN') || session.claims.department !== channel.provider) {
    return <p className="hint">{t('actions.notProvider', { provider: common(`department.${channel.provider}`) })}</p>;
  }
  const expired = channel.effectiveStatus === 'EXPIRED';
  const canActivate = !expired && (channel.status === 'PROPOSED' || channel.status === 'SUSPENDED');
  const canSuspend = !expired && channel.status === 'ACTIVE';
  const canRevoke = channel.status !== 'REVOKED';

  const decide = (decision: Decision) => {
    for (const m of Object.values(mutations)) m.reset();
    setDone(null);
    setConfirmingRevoke(false);
    const input = { code: channel.code, version: channel.version, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    mutations[decision].mutate(
      { input },
      {
        onSuccess: () => {
          setDone(decision);
          setReason('');
        },
      },
    );
  };

  return (
    <section aria-labelledby="channel-actions-title" className="card">
      <h2 id="channel-actions-title">{t('actions.title')}</h2>
      {done ? (
        <p role="status" className="banner banner-ok">
          {t(`actions.done.${done}`)}
        </p>
      ) : null}
      {failed ? <ActionError error={failed.error} /> : null}
      {canActivate || canSuspend || canRevoke ? (
        <>
          <p className="hint">{t('actions.hint', { version: channel.version })}</p>
          <label htmlFor="channel-reason">{t('actions.reason')}</label>
          <textarea
            id="channel-reason"
            className="plain"
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="row channel-buttons">
            {canActivate ? (
              <button type="button" className="primary" disabled={pending} onClick={() => decide('ACTIVE')}>
                {t('actions.activate')}
              </button>
            ) : null}
            {canSuspend ? (
              <button type="button" disabled={pending} onClick={() => decide('SUSPENDED')}>
                {t('actions.suspend')}
              </button>
            ) : null}
            {canRevoke && !confirmingRevoke ? (
              <button type="button" className="danger" disabled={pending} onClick={() => setConfirmingRevoke(true)}>
                {t('actions.revoke')}
              </button>
            ) : null}
          </div>
          {confirmingRevoke ? (
            <div role="alertdialog" aria-labelledby="channel-revoke-question" className="banner banner-warning">
              <span id="channel-revoke-question">{t('actions.confirmRevoke', { code: channel.code })}</span>
              <button type="button" className="danger" disabled={pending} onClick={() => decide('REVOKED')}>
                {t('actions.confirmRevokeButton')}
              </button>
              <button type="button" onClick={() => setConfirmingRevoke(false)} autoFocus>
                {t('actions.cancel')}
              </button>
            </div>
          ) : null}
        </>
      ) : (
        <p className="hint">{t('actions.none')}</p>
      )}
    </section>
  );
}
