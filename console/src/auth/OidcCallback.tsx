import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { completeOidcSignInOnce, OidcError } from './oidc';
import { useSession } from './session';

/** The text of a failed sign-in through the identity provider, naming what went wrong. */
export function useOidcErrorText(): (error: unknown) => string {
  const { t } = useTranslation('auth');
  return (error) => {
    if (!(error instanceof OidcError)) return t('failed', { message: (error as Error).message });
    switch (error.failure) {
      case 'denied':
        return t('oidc.denied', { code: error.code ?? 'access_denied', message: error.message });
      case 'state':
        return t('oidc.state');
      case 'no-pending':
        return t('oidc.noPending');
      case 'no-department':
        return t('oidc.noDepartment');
      default:
        return t('oidc.provider', { message: error.message });
    }
  };
}

/**
 * `/auth/callback`: where the identity provider sends the browser back. Exchanges the code for the
 * access token and signs in with it (the app then shows the signed-in screens), or says why not.
 */
export function OidcCallback() {
  const { t } = useTranslation('auth');
  const { signIn } = useSession();
  const errorText = useOidcErrorText();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    completeOidcSignInOnce(new URL(window.location.href))
      .then((token) => {
        // Signed in, the app's routes replace this page (and its code and state) with the first screen.
        if (!signIn(token)) throw new OidcError('no-department', 'the access token carries no department');
      })
      .catch((e: unknown) => {
        if (current) setError(errorText(e));
      });
    return () => {
      current = false;
    };
    // Once per callback page; completeOidcSignInOnce keeps a second render from exchanging the code again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="sign-in">
      <h1>{t('title')}</h1>
      {error ? (
        <div className="card">
          <p role="alert">{error}</p>
          <p>
            <Link to="/" replace>
              {t('oidc.back')}
            </Link>
          </p>
        </div>
      ) : (
        <p aria-busy="true">{t('oidc.completing')}</p>
      )}
    </div>
  );
}
