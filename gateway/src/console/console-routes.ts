import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { JWK } from 'jose';
import type { Logger } from 'pino';
import type { ConsoleSettings } from '../config';
import {
  Department,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  mintToken,
  readPrivateJwkFile,
  Role,
  systemClock,
  type AuthConfig,
  type Clock,
} from '@labour/shared';

/** The development sign-in: the launcher's development identity-provider keys, one per department. */
interface DevSigning {
  readonly keys: Readonly<Record<Department, JWK>>;
  readonly audience: string;
  readonly issuer?: string;
  readonly ttlSeconds: number;
}

/** A development token lives 8 hours, or less when the services accept less. */
const DEV_TOKEN_TTL_SECONDS = 8 * 3600;

/** The console as configured: the development keys named by CONSOLE_DEV_KEYS_DIR read (none: development sign-in off). */
export function consoleOptionsOf(settings: ConsoleSettings, auth: AuthConfig): ConsoleOptions {
  return {
    staticDir: settings.staticDir,
    clock: settings.clock,
    ...(settings.devKeyFiles ? { devSigning: devSigningOf(settings.devKeyFiles, auth) } : {}),
    ...(settings.oidc ? { oidc: settings.oidc } : {}),
  };
}

function devSigningOf(files: Readonly<Record<Department, string>>, auth: AuthConfig): DevSigning {
  const keys = Object.fromEntries(Object.entries(files).map(([department, file]) => [department, readPrivateJwkFile(file)])) as Record<
    Department,
    JWK
  >;
  return {
    keys,
    audience: auth.audience,
    ...(auth.issuer ? { issuer: auth.issuer } : {}),
    ttlSeconds: Math.min(DEV_TOKEN_TTL_SECONDS, auth.maxTokenLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
  };
}

/** The departments' identity provider, for the console's OIDC sign-in (authorization code + PKCE). */
interface ConsoleOidc {
  readonly issuer: string;
  readonly clientId: string;
  readonly scope: string;
}

export interface ConsoleOptions {
  /** The console's built files (`console/dist`); the console is not served when it holds no index.html. */
  readonly staticDir: string;
  /** Present only while the services trust the embedded development keys. */
  readonly devSigning?: DevSigning;
  readonly oidc?: ConsoleOidc;
  /** The services' clock: the console counts the days left to a deadline from its day; the real calendar when absent. */
  readonly clock?: Clock;
}

/** Roles a person can sign in with in development; SERVICE is for department systems, signed with their own keys. */
const PERSON_ROLES: readonly Role[] = Object.values(Role).filter((role) => role !== Role.SERVICE);

/** What a development sign-in asks for, checked field by field. */
function devTokenRequestOf(body: unknown): { department: Department; roles: Role[]; name: string } | { problems: string[] } {
  const problems: string[] = [];
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const department = Object.values(Department).find((d) => d === input.department);
  if (!department) problems.push(`department: one of ${Object.values(Department).join(', ')}`);
  const roles = Array.isArray(input.roles) ? [...new Set(input.roles)] : [];
  if (roles.length === 0 || !roles.every((r): r is Role => PERSON_ROLES.includes(r as Role))) {
    problems.push(`roles: a non-empty list of ${PERSON_ROLES.join(', ')}`);
  }
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name.length === 0 || name.length > 40) problems.push('name: 1 to 40 characters');
  if (problems.length > 0 || !department) return { problems };
  return { department, roles: roles as Role[], name };
}

/**
 * The web console at `/` (its built static files, with a strict Content-Security-Policy: nothing from
 * outside the platform) and its two JSON routes under `/console-api`:
 * - `GET /console-api/config`: how to sign in (development sign-in offered or not, the OIDC issuer), and
 *   the services' today (CLOCK_TODAY in a demonstration), from which the console counts days left;
 * - `POST /console-api/dev-token`: a token signed with the department's development key, only while
 *   those keys are in use (the launcher passes them only then; never with NODE_ENV=production).
 * These routes carry no token: the console's pages are public, its data comes through /graphql.
 */
export function consoleRouter(options: ConsoleOptions, logger: Logger): Router {
  const router = Router();
  const connectSources = ["'self'", ...(options.oidc ? [new URL(options.oidc.issuer).origin] : [])];
  router.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // GraphiQL and the charts set inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          // The explorer's editor runs its language service in workers built into the bundle.
          workerSrc: ["'self'", 'blob:'],
          connectSrc: connectSources,
          formAction: ["'self'", ...(options.oidc ? [new URL(options.oidc.issuer).origin] : [])],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
        },
      },
      // The console and its API are same-origin only.
      crossOriginResourcePolicy: { policy: 'same-origin' },
    }),
  );

  router.get('/console-api/config', (_req, res) => {
    res.json({ devSignIn: Boolean(options.devSigning), oidc: options.oidc ?? null, today: (options.clock ?? systemClock).today() });
  });
  router.post('/console-api/dev-token', express.json({ limit: '4kb' }), async (req: Request, res: Response) => {
    const signing = options.devSigning;
    if (!signing) {
      res.status(404).json({ error: 'development sign-in is off: the services do not use the development keys' });
      return;
    }
    const request = devTokenRequestOf(req.body);
    if ('problems' in request) {
      res.status(400).json({ error: request.problems.join('; ') });
      return;
    }
    const label = request.roles.map((role) => role.toLowerCase()).join('+');
    const token = await mintToken(signing.keys[request.department], {
      sub: `dev:${request.department.toLowerCase()}:${label}:${request.name}`,
      name: request.name,
      department: request.department,
      roles: request.roles,
      aud: signing.audience,
      ...(signing.issuer ? { iss: signing.issuer } : {}),
      ttlSeconds: signing.ttlSeconds,
    });
    logger.info({ department: request.department, roles: request.roles }, 'console: development token signed');
    res.json({ token });
  });

  const index = join(options.staticDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ staticDir: options.staticDir }, 'console not built: `npm run build -w console` (npm start builds it)');
    return router;
  }
  // Hashed assets are immutable; index.html is revalidated so a new build is picked up at once.
  router.use('/assets', express.static(join(options.staticDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  router.use(express.static(options.staticDir, { index: false, maxAge: 0 }));
  // Every other page path is the console's (client-side routes): its index.html. Not /metrics: a scrape of the
  // public port finds nothing there (metrics have their own port, METRICS_PORT).
  router.get(/^\/(?!graphql|console-api|health|ready|metrics|assets\/).*/, (req, res, next) => {
    if (!req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
