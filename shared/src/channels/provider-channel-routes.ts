import { Router, type Request, type Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Department } from '../context/principal';
import { AppError } from '../errors/app-errors';
import { ERROR_CODES, type ErrorCode } from '../errors/error-codes';
import type { Clock } from '../legal-clock/clock';
import { DepartmentUnavailableError } from '../resilience/department-errors';
import type { DepartmentGuard } from '../resilience/department-guard';
import { postToDepartment } from '../resilience/post-to-department';
import { requestIdOf } from '../server/request-id';
import { principalOf } from '../server/require-token';
import { ownChannelRecords, recordChannelDecision, viewOf, type ChannelDecision, type ProviderChannelView } from './provider-channels';

/**
 * Where a subgraph hears decisions on its own outgoing channels, under its base URL beside `/graphql`:
 *
 * - `POST /channels/decisions` with a `ChannelDecision` as the body, and the deciding ADMIN's own bearer
 *   token (the registry forwards the caller's): the provider verifies the token, checks and records the
 *   decision in its own table and answers `{ data: { record } }`, or `{ errors: [...] }` with 400, 403 or 409.
 * - `POST /channels/records` with `{ codes: [...] }`: its records of those channels, for any
 *   authenticated caller (the registry, which is public, shows whether the provider agrees).
 *
 * Both sit behind the same token check and JSON body limits as `/graphql` (`createServiceApp`).
 */
export const PROVIDER_CHANNEL_ROUTES = '/channels';

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

function sendError(res: Response, error: unknown, logger: Logger, req: Request): void {
  if (error instanceof AppError) {
    res.status(STATUS[error.code] ?? 400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
    return;
  }
  logger.error({ err: error, requestId: requestIdOf(req) }, 'channel route failed');
  res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}

export function providerChannelRoutes(options: { orm: MikroORM; department: Department; clock: Clock; logger: Logger }): Router {
  const router = Router();
  router.post('/decisions', async (req, res) => {
    try {
      const principal = principalOf(req);
      const record = await recordChannelDecision(options.orm.em.fork(), options.department, principal, req.body, options.clock.today());
      options.logger.info(
        {
          requestId: requestIdOf(req),
          code: record.code,
          status: record.status,
          decidedBy: record.decidedBy.subject,
          version: record.version,
        },
        'sharing channel decision recorded',
      );
      res.json({ data: { record: viewOf(record, options.department) } });
    } catch (error) {
      sendError(res, error, options.logger, req);
    }
  });
  router.post('/records', async (req, res) => {
    try {
      const codes: unknown = (req.body as { codes?: unknown } | undefined)?.codes;
      if (!Array.isArray(codes) || codes.length > 1000 || !codes.every((c) => typeof c === 'string' && c.length <= 60)) {
        res.status(400).json({
          errors: [
            {
              message: 'codes must be a list of at most 1000 channel codes',
              extensions: { code: 'BAD_USER_INPUT', field: 'codes', rule: 'must be a list of at most 1000 channel codes' },
            },
          ],
        });
        return;
      }
      res.json({ data: { records: await ownChannelRecords(options.orm.em.fork(), options.department, codes as string[]) } });
    } catch (error) {
      sendError(res, error, options.logger, req);
    }
  });
  return router;
}

/** A provider's refusal of a decision, passed on to the caller as the provider gave it (code, message, field, rule). */
export class ProviderRefusalError extends AppError {
  readonly code: ErrorCode;
  constructor(department: Department, error: { message?: unknown; extensions?: Record<string, unknown> } | undefined) {
    const given = error?.extensions?.['code'];
    const code: ErrorCode = typeof given === 'string' && Object.hasOwn(ERROR_CODES, given) ? (given as ErrorCode) : 'FORBIDDEN';
    super(typeof error?.message === 'string' ? error.message : `${department} refused the decision`, {
      extensions: { ...error?.extensions, code, department },
    });
    this.code = code;
  }
}

/** How the union reaches a provider's channel routes: its /graphql URL, the caller's token and the department's guard. */
export interface ProviderChannelPeer {
  department: Department;
  /** The provider subgraph's /graphql; the routes are beside it. Unset: the provider cannot be asked. */
  graphqlUrl: string | undefined;
  authorization: string | null | undefined;
  requestId: string;
  guard: DepartmentGuard;
}

async function post<T>(peer: ProviderChannelPeer, route: 'decisions' | 'records', body: unknown): Promise<T> {
  if (!peer.graphqlUrl) throw new DepartmentUnavailableError(peer.department, 'its address is not configured');
  if (!peer.authorization) throw new DepartmentUnavailableError(peer.department, 'no caller token to forward');
  const url = new URL(`channels/${route}`, peer.graphqlUrl);
  // A 5xx or a body that is not JSON is the department failing (counted by its breaker); a 4xx is its answer.
  const { status, body: json } = await postToDepartment<{
    data?: T;
    errors?: Array<{ message?: unknown; extensions?: Record<string, unknown> }>;
  }>(peer.guard, url, {
    authorization: peer.authorization,
    requestId: peer.requestId,
    body,
  });
  if (status >= 400 || json.errors?.length || !json.data) throw new ProviderRefusalError(peer.department, json.errors?.[0]);
  return json.data;
}

/**
 * Asks the provider to record a decision, as the caller (its own token). Throws the provider's refusal
 * as it gave it, or DEPARTMENT_UNAVAILABLE / DEPARTMENT_TIMEOUT when it cannot be asked.
 */
export async function decideAtProvider(peer: ProviderChannelPeer, decision: ChannelDecision): Promise<ProviderChannelView> {
  return (await post<{ record: ProviderChannelView }>(peer, 'decisions', decision)).record;
}

/** The provider's records of `codes`; same failures as `decideAtProvider`. */
export async function recordsAtProvider(peer: ProviderChannelPeer, codes: readonly string[]): Promise<ProviderChannelView[]> {
  return (await post<{ records: ProviderChannelView[] }>(peer, 'records', { codes })).records;
}
