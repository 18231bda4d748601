import { principalOf, requestIdOf, Role, sendRequestError, type ErrorCode, type Principal } from '@labour/shared';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { documentIdOf, type TrustedDocument, type TrustedDocuments } from './trusted-documents';

/** Who must send registered documents, and who may run which. */
export interface TrustedDocumentPolicy {
  readonly documents: TrustedDocuments;
  /**
   * Signing keys (`kid`) whose SERVICE tokens may still send free-form queries (TRUSTED_DOCUMENTS_EXEMPT_KIDS):
   * a system whose operations are still being registered. Every other SERVICE token runs registered documents only.
   */
  readonly exemptKids: ReadonlySet<string>;
}

interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
}

type Body = Record<string, unknown>;
const isRecord = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);
const ID = /^(?:sha256:)?([0-9a-f]{64})$/;
const REGISTER = 'register the operation as a .graphql file under gateway/trusted-documents/<system>/ and send its id';

/** The `kid` in the header of the (already verified) bearer token: the key that signed it; undefined when it names none. */
function signingKidOf(authorization: string | undefined): string | undefined {
  const token = /^Bearer +(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  try {
    const header = JSON.parse(Buffer.from(token?.split('.')[0] ?? '', 'base64url').toString('utf8')) as { kid?: unknown };
    return typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The id a POST body names: `documentId` (GraphQL over HTTP, Hive Gateway; bare or `sha256:`-prefixed hex) or
 * APQ's `extensions.persistedQuery.sha256Hash` (version 1). A refusal when it is malformed or they disagree.
 */
function requestedId(body: Body): { id?: string; apq: boolean } | Refusal {
  const apq =
    isRecord(body['extensions']) && isRecord(body['extensions']['persistedQuery']) ? body['extensions']['persistedQuery'] : undefined;
  const hash = apq && apq['version'] === 1 && typeof apq['sha256Hash'] === 'string' ? apq['sha256Hash'] : undefined;
  const named = body['documentId'];
  if (named === undefined) return hash !== undefined && ID.test(hash) ? { id: ID.exec(hash)![1]!, apq: true } : { apq: false };
  const id = typeof named === 'string' ? ID.exec(named)?.[1] : undefined;
  if (id === undefined) {
    return {
      status: 400,
      code: 'BAD_REQUEST',
      message: 'documentId must be the sha256 of the document, 64 lowercase hex digits (optionally "sha256:" first)',
    };
  }
  if (hash !== undefined && hash !== id) {
    return { status: 400, code: 'BAD_REQUEST', message: 'documentId and extensions.persistedQuery.sha256Hash name different documents' };
  }
  return { id, apq: false };
}

/** Whether this SERVICE principal may run the document: its department's systems only, and only the keys the system names. */
function forbiddenTo(principal: Principal, kid: string | undefined, document: TrustedDocument): Refusal | undefined {
  const { system } = document;
  if (system.department !== principal.department) {
    return {
      status: 403,
      code: 'FORBIDDEN',
      message:
        `Trusted document ${document.id} belongs to ${system.name}, a system of ${system.department}: ` +
        `a SERVICE token of ${principal.department} may run only its own department's systems' documents`,
    };
  }
  if (system.kids && (kid === undefined || !system.kids.includes(kid))) {
    return {
      status: 403,
      code: 'FORBIDDEN',
      message:
        `Trusted document ${document.id} belongs to ${system.name}, ` +
        `whose documents only tokens signed with key(s) ${system.kids.join(', ')} may run`,
    };
  }
  return undefined;
}

/** Puts the registered text in as `query`, so that Apollo Server runs it (and finds its parsed document). */
function swapIn(body: Body, document: TrustedDocument): void {
  body['query'] = document.text;
  delete body['documentId'];
  if (isRecord(body['extensions'])) {
    const { persistedQuery: _apq, ...others } = body['extensions'];
    body['extensions'] = others;
  }
}

/** What to do with one request: a refusal, or go on (with the registered text swapped into the body). */
function decide(policy: TrustedDocumentPolicy, req: Request): Refusal | undefined {
  const principal = principalOf(req);
  const service = principal.roles.includes(Role.SERVICE);
  const kid = service ? signingKidOf(req.header('authorization')) : undefined;
  const exempt = kid !== undefined && policy.exemptKids.has(kid);
  if (req.method !== 'POST' || !isRecord(req.body)) {
    // A GET carries a free-form query in its URL: a department system sends its registered documents by POST.
    if (service && !exempt && req.method === 'GET') {
      return {
        status: 403,
        code: 'TRUSTED_DOCUMENT_REQUIRED',
        message: `A SERVICE token runs registered operations only, by POST: ${REGISTER}`,
      };
    }
    return undefined;
  }
  const body = req.body;
  const requested = requestedId(body);
  if ('code' in requested) return requested;
  const query = typeof body['query'] === 'string' ? body['query'] : undefined;
  if (requested.id !== undefined) {
    const sent = query === undefined ? undefined : documentIdOf(query);
    if (sent !== undefined && sent !== requested.id) {
      return {
        status: 400,
        code: 'BAD_REQUEST',
        message:
          `The query's sha256 is ${sent}, not the id the request names (${requested.id}): ` +
          'send the registered text unchanged, or only its id',
      };
    }
    const document = policy.documents.byId.get(requested.id);
    if (!document) {
      // A person's automatic persisted query (Apollo's APQ) or a query sent with its own hash: Apollo takes it as before.
      if (!service && (requested.apq || query !== undefined)) {
        delete body['documentId'];
        return undefined;
      }
      return {
        status: 200,
        code: 'PERSISTED_QUERY_NOT_FOUND',
        message: `No trusted document has id ${requested.id}: ${REGISTER} (the id is the sha256 of the file's text)`,
      };
    }
    const refusal = service ? forbiddenTo(principal, kid, document) : undefined;
    if (refusal) return refusal;
    swapIn(body, document);
    return undefined;
  }
  if (!service) return undefined;
  // The exact text of a registered document is that document, sent in full.
  const document = query === undefined ? undefined : policy.documents.byId.get(documentIdOf(query));
  if (document) return forbiddenTo(principal, kid, document);
  if (exempt) return undefined;
  return {
    status: 403,
    code: 'TRUSTED_DOCUMENT_REQUIRED',
    message:
      `A SERVICE token runs registered operations only, not free-form queries: ${REGISTER} ` +
      '(documentId, or extensions.persistedQuery.sha256Hash)',
  };
}

/**
 * Trusted documents at the gateway, between the token check and Apollo Server: a request naming a registered
 * document by id gets its text; a department system (a SERVICE token) runs only its own department's
 * registered documents, unless its signing key is exempt. People's tokens keep free-form queries. Refusals are
 * answered here, as the gateway answers other refusals before GraphQL, logged and counted (`refused`).
 */
export function trustedDocumentsMiddleware(
  policy: TrustedDocumentPolicy,
  logger: Logger,
  refused?: (code: ErrorCode) => void,
): RequestHandler {
  return (req, res, next) => {
    const refusal = decide(policy, req);
    if (!refusal) {
      next();
      return;
    }
    const { subject, department } = principalOf(req);
    logger.info({ requestId: requestIdOf(req), code: refusal.code, subject, department }, `request refused: ${refusal.message}`);
    refused?.(refusal.code);
    if (refusal.code === 'PERSISTED_QUERY_NOT_FOUND') res.setHeader('cache-control', 'private, no-cache, must-revalidate');
    sendRequestError(res, refusal.status, refusal.code, refusal.message);
  };
}
