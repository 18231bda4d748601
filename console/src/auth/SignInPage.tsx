import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchDevToken, useConsoleConfig } from './console-config';
import { useOidcErrorText } from './OidcCallback';
import { startOidcSignIn, type OidcConfig } from './oidc';
import { switchLanguage } from '../app/i18n';
import { useSession } from './session';

const DEPARTMENTS = ['HR_BUREAU', 'UNION', 'COURT', 'JUSTICE'] as const;
const ROLES = ['CASEWORKER', 'COORDINATOR', 'ANALYST', 'ADMIN', 'AUDITOR'] as const;

function DevSignIn() {
  const { t } = useTranslation('auth');
  const { t: common } = useTranslation();
  const { signIn } = useSession();
  const [department, setDepartment] = useState<string>('UNION');
  const [roles, setRoles] = useState<string[]>(['COORDINATOR']);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const token = await fetchDevToken({ department, roles, name: name.trim() || common(`role.${roles[0] ?? 'CASEWORKER'}`) });
      if (!signIn(token)) setError(t('paste.invalid'));
    } catch (e) {
      setError(t('failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="card">
      <h2 id={`${ids}-title`}>{t('dev.title')}</h2>
      <p className="hint">{t('dev.hint')}</p>
      <form onSubmit={submit}>
        <label htmlFor={`${ids}-department`}>{t('dev.department')}</label>
        <select id={`${ids}-department`} value={department} onChange={(e) => setDepartment(e.target.value)}>
          {DEPARTMENTS.map((d) => (
            <option key={d} value={d}>
              {common(`department.${d}`)}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('dev.roles')}</legend>
          {ROLES.map((role) => (
            <label key={role} className="inline">
              <input
                type="checkbox"
                name="role"
                value={role}
                checked={roles.includes(role)}
                onChange={(e) => setRoles((current) => (e.target.checked ? [...current, role] : current.filter((r) => r !== role)))}
              />
              {common(`role.${role}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${ids}-name`}>{t('dev.name')}</label>
        <input id={`${ids}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={40} />
        <button type="submit" disabled={busy || roles.length === 0}>
          {t('dev.submit')}
        </button>
        {error ? <p role="alert">{error}</p> : null}
      </form>
    </section>
  );
}

function PasteToken() {
  const { t } = useTranslation('auth');
  const { signIn } = useSession();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  return (
    <section aria-labelledby={`${ids}-title`} className="card">
      <h2 id={`${ids}-title`}>{t('paste.title')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setError(signIn(token) ? null : t('paste.invalid'));
        }}
      >
        <label htmlFor={`${ids}-token`}>{t('paste.label')}</label>
        <textarea
          id={`${ids}-token`}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          rows={4}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit">{t('paste.submit')}</button>
        {error ? <p role="alert">{error}</p> : null}
      </form>
    </section>
  );
}

/** Sign-in through the departments' identity provider, offered only when the gateway names one. */
function OidcSignIn({ config }: { config: OidcConfig }) {
  const { t } = useTranslation('auth');
  const errorText = useOidcErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  return (
    <section aria-labelledby={`${ids}-title`} className="card">
      <h2 id={`${ids}-title`}>{t('oidc.title')}</h2>
      <p className="hint">{t('oidc.hint', { issuer: new URL(config.issuer).host })}</p>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          // On success the browser leaves for the provider; only a failure comes back here.
          startOidcSignIn(config).catch((e: unknown) => {
            setError(errorText(e));
            setBusy(false);
          });
        }}
      >
        {t('oidc.submit')}
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}

/** The language switch of the signed-in header, for the sign-in page too (before anyone is signed in). */
function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" className="sign-in-language" lang={next} onClick={() => switchLanguage(next)}>
      {t('language.switch')}
    </button>
  );
}

export function SignInPage() {
  const { t } = useTranslation('auth');
  const config = useConsoleConfig();
  return (
    <div className="sign-in">
      <LanguageSwitch />
      <h1>{t('title')}</h1>
      {config.data?.oidc ? <OidcSignIn config={config.data.oidc} /> : null}
      {config.data?.devSignIn ? <DevSignIn /> : null}
      <PasteToken />
    </div>
  );
}
