import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, NavLink, Route, Routes } from 'react-router';
import { OidcCallback } from '../auth/OidcCallback';
import { CALLBACK_PATH } from '../auth/oidc';
import { SignInPage } from '../auth/SignInPage';
import { useConsoleConfig } from '../auth/console-config';
import { useSession } from '../auth/session';
import { switchLanguage } from './i18n';
import { FEATURES } from './features';

/** Screens that carry a large library (GraphiQL, charts) load only when opened. */
function Lazy({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p aria-busy="true">{t('loading')}</p>}>{children}</Suspense>;
}

function Header() {
  const { t, i18n } = useTranslation();
  const { session, signOut, hasRole } = useSession();
  if (!session) return null;
  const { claims } = session;
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <div className="app-title">{t('app.title')}</div>
      <nav aria-label={t('app.title')}>
        <ul>
          {FEATURES.filter((f) => !f.roles || hasRole(...f.roles)).map((feature) => (
            <li key={feature.path}>
              <NavLink to={feature.path}>{t(feature.label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="app-user">
        <span>
          {t('signedInAs', {
            name: claims.name ?? claims.sub,
            department: t(`department.${claims.department}`, { defaultValue: claims.department }),
            roles: claims.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join('、'),
          })}
        </span>
        <button
          type="button"
          lang={i18n.language === 'en' ? 'zh-CN' : 'en'}
          onClick={() => switchLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
        >
          {t('language.switch')}
        </button>
        <button type="button" onClick={signOut}>
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}

export function App() {
  const { t } = useTranslation();
  const { session } = useSession();
  // Read at once: the sign-in page needs it, and every deadline counts days from its `today`.
  useConsoleConfig();
  return (
    <BrowserRouter>
      <Header />
      <main id="main">
        {session ? (
          <Routes>
            <Route path="/" element={<Navigate to="/meetings" replace />} />
            <Route path="/sign-in" element={<Navigate to="/meetings" replace />} />
            <Route path={CALLBACK_PATH} element={<Navigate to="/meetings" replace />} />
            {FEATURES.flatMap((feature) =>
              feature.routes.map((route) => <Route key={route.path} path={route.path} element={<Lazy>{route.element}</Lazy>} />),
            )}
            <Route path="*" element={<p>{t('notFound')}</p>} />
          </Routes>
        ) : (
          <Routes>
            {/* The identity provider's redirect back, before any signed-in screen. */}
            <Route path={CALLBACK_PATH} element={<OidcCallback />} />
            <Route path="*" element={<SignInPage />} />
          </Routes>
        )}
      </main>
    </BrowserRouter>
  );
}
