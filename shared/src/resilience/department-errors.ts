import type { Department } from '../context/principal';
import { AppError } from '../errors/app-errors';

/**
 * A department's part of an answer is missing because the department could not be asked: it is down,
 * refused the connection, or its breaker is open. The rest of the answer stands.
 */
export class DepartmentUnavailableError extends AppError {
  readonly code = 'DEPARTMENT_UNAVAILABLE' as const;

  constructor(
    readonly department: Department,
    reason: string,
  ) {
    super(`${department} is unavailable (${reason}): its part of the answer is missing`, {
      extensions: { code: 'DEPARTMENT_UNAVAILABLE', department },
    });
  }
}

/** A department did not answer within its time: its part of the answer is missing, the rest stands. */
export class DepartmentTimeoutError extends AppError {
  readonly code = 'DEPARTMENT_TIMEOUT' as const;

  constructor(
    readonly department: Department,
    timeoutMs: number,
  ) {
    super(`${department} did not answer within ${timeoutMs} ms: its part of the answer is missing`, {
      extensions: { code: 'DEPARTMENT_TIMEOUT', department },
    });
  }
}

export type DepartmentFault = DepartmentUnavailableError | DepartmentTimeoutError;

export function isDepartmentFault(error: unknown): error is DepartmentFault {
  return error instanceof DepartmentUnavailableError || error instanceof DepartmentTimeoutError;
}
