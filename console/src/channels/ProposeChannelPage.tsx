import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import type { Department } from '../graphql/generated/graphql';
import { useGraphQL, useGraphQLMutation } from '../graphql/use-query';
import { QueryState } from '../ui/query-state';
import { fieldsOf } from './catalogue';
import { ProposeChannel, ScopeKinds } from './operations';
import { ActionError, DEPARTMENTS } from './parts';
import { useToday } from '../ui/deadline';

/** Today in China (UTC+8), as the services count days. */
/** The proposal of an outgoing channel by an ADMIN of the providing department, with the fields picked from the catalogue. */
export function ProposeChannelPage() {
  const { t } = useTranslation('channels');
  const { session, hasRole } = useSession();
  if (!session || !hasRole('ADMIN')) {
    return (
      <section aria-labelledby="propose-title">
        <h1 id="propose-title">{t('propose.title')}</h1>
        <p role="alert" className="banner banner-warning">
          {t('propose.notAdmin')}
        </p>
      </section>
    );
  }
  return <ProposeForm provider={session.claims.department as Department} />;
}

function ProposeForm({ provider }: { provider: Department }) {
  const { t, i18n } = useTranslation('channels');
  const { t: common } = useTranslation();
  const navigate = useNavigate();
  const kinds = useGraphQL(ScopeKinds, { provider });
  const propose = useGraphQLMutation(ProposeChannel);
  const [code, setCode] = useState('');
  const [consumers, setConsumers] = useState<Department[]>([]);
  const [scope, setScope] = useState('');
  const [picked, setPicked] = useState<Record<string, string[]>>({});
  const [purpose, setPurpose] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const today = useToday();
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState('');
  const [missing, setMissing] = useState<string | null>(null);

  const toggle = <T,>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const scopeKind = kinds.data?.data?.channelScopeKinds.find((k) => k.name === scope);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    propose.reset();
    const grants = (scopeKind?.types ?? [])
      .map((typeName) => ({ typeName, fields: picked[typeName] ?? [] }))
      .filter((grant) => grant.fields.length > 0);
    if (consumers.length === 0) return setMissing(t('propose.needConsumer'));
    if (grants.length === 0) return setMissing(t('propose.needField'));
    setMissing(null);
    propose.mutate(
      {
        input: {
          code: code.trim(),
          provider,
          consumers,
          scope,
          grants,
          purpose,
          legalBasis,
          validFrom,
          ...(validUntil ? { validUntil } : {}),
        },
      },
      { onSuccess: (answer) => answer.data && void navigate(`/channels/${encodeURIComponent(answer.data.proposeSharingChannel.code)}`) },
    );
  };

  return (
    <section aria-labelledby="propose-title">
      <p>
        <Link to="/channels">{t('detail.back')}</Link>
      </p>
      <h1 id="propose-title">{t('propose.title')}</h1>
      <p>{t('propose.provider', { provider: common(`department.${provider}`) })}</p>
      <form onSubmit={submit} className="channel-form" noValidate={false}>
        <label htmlFor="propose-code">{t('propose.code')}</label>
        <input id="propose-code" required pattern="[A-Z0-9-]{3,60}" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />

        <fieldset>
          <legend>{t('propose.consumers')}</legend>
          {DEPARTMENTS.filter((d) => d !== provider).map((d) => (
            <label key={d} className="inline">
              <input type="checkbox" value={d} checked={consumers.includes(d)} onChange={() => setConsumers(toggle(consumers, d))} />
              {common(`department.${d}`)}
            </label>
          ))}
        </fieldset>

        <QueryState query={kinds}>
          {({ data }) => (
            <>
              <label htmlFor="propose-scope">{t('propose.scope')}</label>
              <select
                id="propose-scope"
                required
                value={scope}
                onChange={(e) => {
                  setScope(e.target.value);
                  setPicked({});
                }}
              >
                <option value="">{t('propose.scopeChoose')}</option>
                {data.channelScopeKinds.map((kind) => (
                  <option key={kind.name} value={kind.name}>
                    {kind.name} — {i18n.language === 'en' ? kind.description : kind.descriptionZh}
                  </option>
                ))}
              </select>
            </>
          )}
        </QueryState>

        <fieldset className="channel-fields">
          <legend>{t('propose.fields')}</legend>
          {scopeKind ? (
            scopeKind.types.map((typeName) => {
              const fields = fieldsOf(provider, typeName);
              return (
                <fieldset key={typeName} data-type={typeName}>
                  <legend>
                    <code>{typeName}</code>
                  </legend>
                  {fields.grantable.length === 0 ? <p className="hint">{t('propose.noGrantable')}</p> : null}
                  {fields.grantable.map((field) => (
                    <label key={field.name} className="inline">
                      <input
                        type="checkbox"
                        value={field.name}
                        checked={(picked[typeName] ?? []).includes(field.name)}
                        onChange={() => setPicked({ ...picked, [typeName]: toggle(picked[typeName] ?? [], field.name) })}
                        aria-label={`${typeName}.${field.name}`}
                      />
                      <code>{field.name}</code> <span className="hint">（{t(`propose.class.${field.dataClass}`)}）</span>
                    </label>
                  ))}
                  {fields.restricted.length > 0 ? (
                    <p className="hint">{t('propose.restricted', { fields: fields.restricted.join('、') })}</p>
                  ) : null}
                </fieldset>
              );
            })
          ) : (
            <p className="hint">{t('propose.fieldsFirst')}</p>
          )}
          <p className="hint">{t('propose.catalogueNote')}</p>
        </fieldset>

        <RequiredText id="propose-purpose" label={t('propose.purpose')} value={purpose} onChange={setPurpose} />
        <RequiredText id="propose-basis" label={t('propose.legalBasis')} value={legalBasis} onChange={setLegalBasis} />
        <div className="row">
          <div>
            <label htmlFor="propose-from">{t('propose.validFrom')}</label>
            <input id="propose-from" type="date" required value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
          </div>
          <div>
            <label htmlFor="propose-until">{t('propose.validUntil')}</label>
            <input id="propose-until" type="date" min={validFrom} value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
          </div>
        </div>

        {missing ? (
          <p role="alert" className="banner banner-error">
            {missing}
          </p>
        ) : null}
        {propose.isError ? <ActionError error={propose.error} /> : null}
        <button type="submit" className="primary" disabled={propose.isPending}>
          {t('propose.submit')}
        </button>
      </form>
    </section>
  );
}

/** A required text of the proposal (its purpose, its legal basis): two lines, 1000 characters at most. */
function RequiredText({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} className="plain" required maxLength={1000} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
    </>
  );
}
