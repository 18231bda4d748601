import { GraphQLError } from 'graphql';
import type { ErrorCode } from './error-codes';

/** Base of every error this product raises on purpose: a `GraphQLError` carrying a catalogue code. */
export abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;
}

/** One broken rule on one input field. `field` is the path in the input, e.g. `input.applicants[0].idNumber`. */
export interface Violation {
  field: string;
  rule: string;
}

export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT' as const;
  readonly violations: Violation[];

  constructor(violations: Violation[] | Violation) {
    const list = Array.isArray(violations) ? violations : [violations];
    super(list.map((v) => `${v.field} ${v.rule}`).join('; '), {
      extensions: { code: 'BAD_USER_INPUT', field: list[0]?.field, rule: list[0]?.rule, violations: list },
    });
    this.violations = list;
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND' as const;
  constructor(what: string, key: string) {
    super(`${what} ${key} does not exist`, { extensions: { code: 'NOT_FOUND' } });
  }
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'CONFLICT', ...extensions } });
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN' as const;
  constructor(message = 'Not allowed for your department or role', extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'FORBIDDEN', ...extensions } });
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(message = 'A valid token is required') {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

export class RateLimitedError extends AppError {
  readonly code = 'RATE_LIMITED' as const;
  constructor(message: string, retryAfterSeconds: number) {
    super(message, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds } });
  }
}
