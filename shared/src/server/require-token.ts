import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { principalFromAuthorization, type TokenVerifier } from '../auth/token-verifier';
import type { Principal } from '../context/principal';
import { UnauthenticatedError } from '../errors/app-errors';
import { requestIdOf } from './request-id';

type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * Refuses a request to what it guards unless its bearer token verifies, before any GraphQL work:
 * HTTP 401 with the error as a GraphQL response (`UNAUTHENTICATED`, no `data`). The body is not even
 * parsed for a caller without a valid token. A verified principal is kept on the request for the context.
 */
export function requireToken(verify: TokenVerifier, logger: Logger, refused?: (code: 'UNAUTHENTICATED') => void): RequestHandler {
  return async (req, res, next) => {
    try {
      (req as AuthenticatedRequest).principal = await principalFromAuthorization(req.header('authorization'), verify);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      logger.info({ requestId: requestIdOf(req), reason: error.message }, 'request refused: not authenticated');
      refused?.('UNAUTHENTICATED');
      // RFC 6750: tell the client which scheme to use, and whether the token it sent was the problem.
      const challenge = req.header('authorization') ? 'Bearer error="invalid_token"' : 'Bearer';
      res
        .status(401)
        .setHeader('www-authenticate', challenge)
        .json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    next();
  };
}

/** The principal `requireToken` verified for this request. */
export function principalOf(req: Request): Principal {
  const principal = (req as AuthenticatedRequest).principal;
  // Only reachable by mounting a handler outside requireToken: a programming error, never a caller's.
  if (!principal) throw new Error('principalOf: this route is not behind requireToken');
  return principal;
}
