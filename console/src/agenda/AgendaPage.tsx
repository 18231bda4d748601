import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { RequestFailed } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { SuggestedAgendaQuery } from '../graphql/generated/graphql';
import { useGraphQL, useGraphQLMutation } from '../graphql/use-query';
import { FieldValue } from '../ui/gaps';
import { describeMutationError } from '../ui/mutation-error';
import { ErrorBanner, QueryState } from '../ui/query-state';

const SuggestedAgenda = graphql(`
  query SuggestedAgenda($limit: Int!, $asOf: Date) {
    suggestedAgenda(limit: $limit, asOf: $asOf) {
      asOf
      missingSources
      items {
        enterprise {
          creditCode
          name
          district
        }
        score
        signals {
          source
          kind
          weight
          detail
        }
      }
    }
  }
`);

const PlannedMeetings = graphql(`
  query PlannedMeetingsForAgenda {
    jointMeetings(status: PLANNED, first: 20) {
      id
      version
      scheduledAt
      place
      participatingDepartments
      agenda(first: 200) {
        id
        enterpriseCreditCode
      }
    }
  }
`);

const AddSuggestion = graphql(`
  mutation AddSuggestionToAgenda($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      id
      version
      agenda(first: 500) {
        id
        position
        enterpriseCreditCode
      }
    }
  }
`);

type Suggestion = SuggestedAgendaQuery['suggestedAgenda']['items'][number];
const LIMITS = [10, 20, 50, 100] as const;

/** 建议议题: the enterprises every department's risk signals put forward, added to a planned meeting in one click. */
export function AgendaPage() {
  const { t, i18n } = useTranslation('agenda');
  const { t: common } = useTranslation();
  const { session, hasRole } = useSession();
  const ids = useId();
  const [limit, setLimit] = useState<number>(20);
  const [asOf, setAsOf] = useState('');
  const suggestions = useGraphQL(SuggestedAgenda, { limit, asOf: asOf || null });
  const canAdd = hasRole('COORDINATOR');
  const meetings = useGraphQL(PlannedMeetings, {}, { enabled: canAdd, staleTime: 0 });
  const add = useGraphQLMutation(AddSuggestion);
  const [meetingId, setMeetingId] = useState('');
  const [added, setAdded] = useState<string | null>(null);

  const department = session?.claims.department ?? '';
  const own = (meetings.data?.data?.jointMeetings ?? []).filter((m) => m.participatingDepartments.includes(department as never));
  const meeting = own.find((m) => m.id === meetingId);
  useEffect(() => {
    if (!meeting && own.length > 0) setMeetingId(own[0]!.id);
  }, [meeting, own]);

  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const onAgenda = new Set((meeting?.agenda ?? []).map((item) => item.enterpriseCreditCode).filter(Boolean));
  const conflict = add.error instanceof RequestFailed && add.error.code === 'CONFLICT';

  function addToAgenda(suggestion: Suggestion) {
    if (!meeting || add.isPending) return;
    const signals = suggestion.signals
      .map((s) => `${common(`department.${s.source}`)}·${t(`kind.${s.kind}`)}·${t('weight', { weight: s.weight })}（${s.detail}）`)
      .join('；');
    const name = suggestion.enterprise.name ?? suggestion.enterprise.creditCode;
    setAdded(null);
    add.mutate(
      {
        input: {
          meetingId: meeting.id,
          version: meeting.version,
          enterpriseCreditCode: suggestion.enterprise.creditCode,
          reason: t('reason', { score: suggestion.score, signals }).slice(0, 2000),
        },
      },
      {
        onSuccess: (answer) => {
          const item = answer.data?.addAgendaItem.agenda.find((i) => i.enterpriseCreditCode === suggestion.enterprise.creditCode);
          setAdded(t('added', { name, when: when.format(new Date(meeting.scheduledAt)), position: item?.position ?? '' }));
        },
      },
    );
  }

  async function reload() {
    await meetings.refetch();
    add.reset();
  }

  return (
    <section aria-labelledby="agenda-title">
      <h1 id="agenda-title">{t('title')}</h1>
      <p className="hint">{t('intro')}</p>
      <div className="row">
        <label htmlFor={`${ids}-limit`} className="inline">
          {t('limit')}
        </label>
        <select id={`${ids}-limit`} value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
          {LIMITS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-as-of`} className="inline">
          {t('asOf')}
        </label>
        <input id={`${ids}-as-of`} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
      </div>

      {canAdd ? (
        meetings.isError ? (
          <ErrorBanner error={meetings.error} onRetry={() => void meetings.refetch()} />
        ) : meetings.isPending ? null : own.length === 0 ? (
          <p className="hint" data-testid="no-meeting">
            {t('noMeeting')}
          </p>
        ) : (
          <div className="row">
            <label htmlFor={`${ids}-meeting`} className="inline">
              {t('meeting')}
            </label>
            <select id={`${ids}-meeting`} value={meetingId} onChange={(e) => setMeetingId(e.target.value)}>
              {own.map((m) => (
                <option key={m.id} value={m.id}>
                  {t('meetingOption', { when: when.format(new Date(m.scheduledAt)), place: m.place })}
                </option>
              ))}
            </select>
          </div>
        )
      ) : (
        <p className="hint">{t('coordinatorOnly')}</p>
      )}

      {conflict ? (
        <div role="alert" className="banner banner-error" data-error="CONFLICT">
          {t('error.CONFLICT')}
          <button type="button" onClick={() => void reload()}>
            {t('reload')}
          </button>
        </div>
      ) : add.isError ? (
        <div role="alert" className="banner banner-error">
          {describeMutationError(add.error, t)}
        </div>
      ) : null}
      {added ? (
        <div role="status" className="banner banner-ok">
          {added}
        </div>
      ) : null}

      {suggestions.error instanceof RequestFailed && suggestions.error.code === 'FORBIDDEN' ? (
        <div role="alert" className="banner banner-error">
          {t('forbidden')}
        </div>
      ) : (
        <QueryState query={suggestions}>
          {({ data, errors }) => (
            <>
              {data.suggestedAgenda.missingSources.length > 0 ? (
                <div role="status" className="banner banner-warning" data-gap="missing-sources">
                  <ul className="plain">
                    {data.suggestedAgenda.missingSources.map((d) => (
                      <li key={d} className="gap gap-unavailable" data-gap="unavailable">
                        {t('missingSource', { department: common(`department.${d}`) })}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p className="hint">
                {t('asOf')}：<time dateTime={data.suggestedAgenda.asOf}>{data.suggestedAgenda.asOf}</time>
              </p>
              {data.suggestedAgenda.items.length === 0 ? (
                <p>{common('empty')}</p>
              ) : (
                <table className="agenda-suggestions">
                  <thead>
                    <tr>
                      <th scope="col">{t('rank')}</th>
                      <th scope="col">{t('enterprise')}</th>
                      <th scope="col">{t('score')}</th>
                      <th scope="col">{t('signals')}</th>
                      {canAdd ? <th scope="col">{t('action')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {data.suggestedAgenda.items.map((item, index) => {
                      const code = item.enterprise.creditCode;
                      const nameId = `${ids}-name-${index}`;
                      return (
                        <tr key={code} data-credit-code={code}>
                          <td>{index + 1}</td>
                          <th scope="row" id={nameId} className="enterprise-cell">
                            <FieldValue
                              value={item.enterprise.name}
                              path={['suggestedAgenda', 'items', index, 'enterprise', 'name']}
                              errors={errors}
                            />
                            <div className="hint">
                              {code}
                              {item.enterprise.district ? ` · ${item.enterprise.district}` : ''}
                            </div>
                          </th>
                          <td className="score">{item.score}</td>
                          <td>
                            {item.signals.length === 0 ? (
                              <span className="gap">{t('noSignals')}</span>
                            ) : (
                              <ul className="signals">
                                {item.signals.map((s) => (
                                  <li key={`${s.source}-${s.kind}`} data-source={s.source} data-kind={s.kind}>
                                    <span className="badge badge-muted">{common(`department.${s.source}`)}</span> {t(`kind.${s.kind}`)} ·{' '}
                                    {t('weight', { weight: s.weight })} · <span className="hint">{s.detail}</span>
                                  </li>
                                ))}
                              </ul>
                            )}
                          </td>
                          {canAdd ? (
                            <td>
                              {meeting && onAgenda.has(code) ? (
                                <span className="badge badge-ok">{t('onAgenda')}</span>
                              ) : (
                                <button
                                  type="button"
                                  className="primary"
                                  aria-describedby={nameId}
                                  disabled={!meeting || add.isPending || meetings.isFetching}
                                  onClick={() => addToAgenda(item)}
                                >
                                  {add.isPending && add.variables?.input.enterpriseCreditCode === code ? t('adding') : t('add')}
                                </button>
                              )}
                            </td>
                          ) : null}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}
