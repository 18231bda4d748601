import * as oauth from 'oauth4webapi';
import type { ConsoleConfig } from './console-config';

/**
 * Sign-in through the departments' identity provider: OpenID Connect authorization code flow with PKCE
 * (S256), state and nonce, run in the browser as a public client (no secret) with oauth4webapi. The
 * provider's access token (a JWT for the services' audience, carrying department, roles and name) is
 * what the console then sends to /graphql; the services verify it with the provider's keys.
 *
 * What the round trip needs (verifier, state, nonce) lives in this tab's session storage only from the
 * redirect to the callback, and is removed when the callback is handled, whatever its outcome.
 */
export type OidcConfig = NonNullable<ConsoleConfig['oidc']>;

/** The console's route the provider redirects back to (registered as the client's redirect URI). */
export const CALLBACK_PATH = '/auth/callback';

const PENDING_KEY = 'labour-console.oidc-pending';

interface Pending {
  issuer: string;
  clientId: string;
  verifier: string;
  state: string;
  nonce: string;
}

/** Why a sign-in through the provider did not complete; each has its own message. */
export type OidcFailure =
  /** The provider (or the person) refused: `error=access_denied` and the like. */
  | 'denied'
  /** The callback's state is not the one this tab sent: a forged or replayed response. */
  | 'state'
  /** A callback with no sign-in in progress in this tab (opened twice, or in another tab). */
  | 'no-pending'
  /** The provider could not be reached, or answered what the protocol does not allow. */
  | 'provider'
  /** The access token carries no department: the services would refuse it. */
  | 'no-department';

export class OidcError extends Error {
  constructor(
    readonly failure: OidcFailure,
    message: string,
    /** The provider's own error code (`access_denied`), when it sent one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'OidcError';
  }
}

/** The provider over plain HTTP only on this machine (development and tests); anywhere else HTTPS. */
function transportOf(issuer: URL): { [oauth.allowInsecureRequests]?: boolean } {
  const loopback = issuer.hostname === '127.0.0.1' || issuer.hostname === 'localhost' || issuer.hostname === '[::1]';
  return issuer.protocol === 'http:' && loopback ? { [oauth.allowInsecureRequests]: true } : {};
}

async function discover(issuerText: string): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(issuerText);
  try {
    const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...transportOf(issuer) });
    return await oauth.processDiscoveryResponse(issuer, response);
  } catch (error) {
    throw new OidcError('provider', `${issuer.origin}: ${(error as Error).message}`);
  }
}

function redirectUri(): string {
  return `${window.location.origin}${CALLBACK_PATH}`;
}

/** Starts a sign-in: discovery, then the browser goes to the provider's authorization endpoint. */
export async function startOidcSignIn(config: OidcConfig): Promise<void> {
  const as = await discover(config.issuer);
  if (!as.authorization_endpoint) throw new OidcError('provider', `${config.issuer}: no authorization_endpoint in its discovery document`);
  const pending: Pending = {
    issuer: config.issuer,
    clientId: config.clientId,
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
  };
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', config.scope);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(pending.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  window.location.assign(url.href);
}

function takePending(): Pending | null {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!raw) return null;
  try {
    const pending = JSON.parse(raw) as Partial<Pending>;
    return pending.issuer && pending.clientId && pending.verifier && pending.state && pending.nonce ? (pending as Pending) : null;
  } catch {
    return null;
  }
}

/**
 * Handles the provider's redirect back (`callback` is the page's URL): checks state, exchanges the code
 * at the token endpoint with the PKCE verifier, checks the ID token's nonce, and gives the access token.
 */
async function completeOidcSignIn(callback: URL): Promise<string> {
  const pending = takePending();
  if (!pending) throw new OidcError('no-pending', 'no sign-in in progress in this tab');
  // Checked first, before anything else in the response is believed.
  if (callback.searchParams.get('state') !== pending.state) throw new OidcError('state', 'state mismatch');
  const as = await discover(pending.issuer);
  const client: oauth.Client = { client_id: pending.clientId };
  let parameters: URLSearchParams;
  try {
    parameters = oauth.validateAuthResponse(as, client, callback, pending.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      throw new OidcError('denied', error.error_description ?? error.error, error.error);
    }
    throw new OidcError('provider', (error as Error).message);
  }
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      parameters,
      redirectUri(),
      pending.verifier,
      transportOf(new URL(pending.issuer)),
    );
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    return result.access_token;
  } catch (error) {
    if (error instanceof oauth.ResponseBodyError)
      throw new OidcError('provider', `${error.error}: ${error.error_description ?? ''}`.trim(), error.error);
    throw new OidcError('provider', (error as Error).message);
  }
}

/** One exchange per callback URL, however often the page renders (a code can be used only once). */
const exchanges = new Map<string, Promise<string>>();

export function completeOidcSignInOnce(callback: URL): Promise<string> {
  const key = callback.search;
  if (!exchanges.has(key)) exchanges.set(key, completeOidcSignIn(callback));
  return exchanges.get(key)!;
}
