import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import type { Department, SharingChannelEffectiveStatus } from '../graphql/generated/graphql';
import { useGraphQL } from '../graphql/use-query';
import { QueryState } from '../ui/query-state';
import { ChannelList } from './operations';
import { ChannelStatus, DEPARTMENTS, Departments, EFFECTIVE_STATUSES, Grants, ProviderAgrees, Validity } from './parts';

/** The registry of sharing channels, filtered by status today and provider. Every signed-in user reads it. */
export function ChannelListPage() {
  const { t } = useTranslation('channels');
  const { t: common } = useTranslation();
  const { hasRole } = useSession();
  const [status, setStatus] = useState<SharingChannelEffectiveStatus | ''>('');
  const [provider, setProvider] = useState<Department | ''>('');
  const query = useGraphQL(ChannelList, { status: status || null, provider: provider || null });
  const admin = hasRole('ADMIN');
  return (
    <section aria-labelledby="channels-title">
      <h1 id="channels-title">{t('list.title')}</h1>
      <p className="hint">{t('list.intro')}</p>
      {admin ? (
        <p>
          <Link to="/channels/new" className="button-link">
            {t('list.propose')}
          </Link>
        </p>
      ) : (
        <p className="hint" data-read-only="true">
          {t('list.readOnly')}
        </p>
      )}
      <div className="row">
        <label htmlFor="channel-status" className="inline">
          {t('list.filterStatus')}
        </label>
        <select id="channel-status" value={status} onChange={(e) => setStatus(e.target.value as SharingChannelEffectiveStatus | '')}>
          <option value="">{t('list.all')}</option>
          {EFFECTIVE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor="channel-provider" className="inline">
          {t('list.filterProvider')}
        </label>
        <select id="channel-provider" value={provider} onChange={(e) => setProvider(e.target.value as Department | '')}>
          <option value="">{t('list.all')}</option>
          {DEPARTMENTS.map((d) => (
            <option key={d} value={d}>
              {common(`department.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <QueryState query={query}>
        {({ data, errors }) =>
          data.sharingChannels.length === 0 ? (
            <p>{common('empty')}</p>
          ) : (
            <>
              <p className="hint" role="status">
                {t('list.count', { count: data.sharingChannels.length })}
              </p>
              <div className="table-scroll">
                <table className="channel-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('field.code')}</th>
                      <th scope="col">{t('field.provider')}</th>
                      <th scope="col">{t('field.consumers')}</th>
                      <th scope="col">{t('field.purpose')}</th>
                      <th scope="col">{t('field.legalBasis')}</th>
                      <th scope="col">{t('field.validity')}</th>
                      <th scope="col">{t('field.status')}</th>
                      <th scope="col">{t('field.providerAgrees')}</th>
                      <th scope="col">{t('field.grants')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.sharingChannels.map((channel, i) => (
                      <tr key={channel.id} data-channel={channel.code}>
                        <th scope="row">
                          <Link to={`/channels/${encodeURIComponent(channel.code)}`}>{channel.code}</Link>
                        </th>
                        <td className="nowrap">{common(`department.${channel.provider}`)}</td>
                        <td className="nowrap">
                          <Departments departments={channel.consumers} />
                        </td>
                        <td className="channel-purpose">{channel.purpose}</td>
                        <td>{channel.legalBasis}</td>
                        <td>
                          <Validity from={channel.validFrom} until={channel.validUntil} />
                        </td>
                        <td className="nowrap">
                          <ChannelStatus status={channel.status} effectiveStatus={channel.effectiveStatus} />
                        </td>
                        <td className="nowrap">
                          <ProviderAgrees value={channel.providerAgrees} path={['sharingChannels', i, 'providerAgrees']} errors={errors} />
                        </td>
                        <td>
                          {channel.scope ? null : <div className="badge badge-danger">{t('noScope')}</div>}
                          <Grants grants={channel.grants} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
