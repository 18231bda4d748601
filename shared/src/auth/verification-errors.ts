import { decodeProtectedHeader, errors } from 'jose';
import { UnauthenticatedError } from '../errors/app-errors';
import { TOKEN_ALGORITHMS } from './signing-key';

/** The algorithm a token claims to use, for the message that refuses it. */
function algorithmOf(token: string): string {
  try {
    return String(decodeProtectedHeader(token).alg ?? 'none');
  } catch {
    return 'unknown';
  }
}

/**
 * Turns a failed verification into UNAUTHENTICATED with a message a caller can act on. Which check
 * failed is no secret: the caller holds the token and can decode it anyway.
 */
export function verificationError(error: unknown, token: string, audience: string): UnauthenticatedError {
  if (error instanceof UnauthenticatedError) return error;
  if (error instanceof errors.JWTExpired) return new UnauthenticatedError('The token has expired: get a new one');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return new UnauthenticatedError(`The token is not meant for this service: its audience (aud) must be "${audience}"`);
    if (error.reason === 'missing') return new UnauthenticatedError(`The token has no "${error.claim}" claim, which is required`);
    if (error.claim === 'nbf') return new UnauthenticatedError('The token is not valid yet (nbf)');
    return new UnauthenticatedError(`The token's "${error.claim}" claim is invalid`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new UnauthenticatedError(
      `The token's algorithm "${algorithmOf(token)}" is not accepted: tokens must be signed with ${TOKEN_ALGORITHMS.join(' or ')}`,
    );
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return new UnauthenticatedError('The token is not signed by a trusted key');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return new UnauthenticatedError('The token is malformed: expected a signed JWT (header.payload.signature)');
  }
  // The key set could not be fetched (AUTH_JWKS_URL down, timeout): nobody can be verified, so nobody gets in.
  return new UnauthenticatedError('The token could not be verified: the trusted keys are unavailable');
}
