import pino from 'pino';
import { Department } from '../context/principal';
import { DepartmentTimeoutError, DepartmentUnavailableError } from './department-errors';
import { createDepartmentGuard } from './department-guard';

const logger = pino({ level: 'silent' });
const never = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
const refused = () => Promise.reject(new Error('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }));

describe('department guard', () => {
  it('answers a call that outlives its time with DEPARTMENT_TIMEOUT naming the department, and aborts it', async () => {
    const guard = createDepartmentGuard(Department.COURT, { timeoutMs: 20, failuresToOpen: 5, halfOpenAfterMs: 1_000 }, logger);
    let aborted = false;
    const call = guard.call((signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return never(signal);
    });
    await expect(call).rejects.toEqual(new DepartmentTimeoutError(Department.COURT, 20));
    await expect(call).rejects.toMatchObject({ extensions: { code: 'DEPARTMENT_TIMEOUT', department: 'COURT' } });
    expect(aborted).toBe(true);
  });

  it('opens after the failures in a row, fails at once without calling, and closes after a probe succeeds', async () => {
    const guard = createDepartmentGuard(Department.JUSTICE, { timeoutMs: 1_000, failuresToOpen: 2, halfOpenAfterMs: 30 }, logger);
    let calls = 0;
    const failing = () => ((calls += 1), refused());
    await expect(guard.call(failing)).rejects.toEqual(new DepartmentUnavailableError(Department.JUSTICE, 'not reachable'));
    expect(guard.state()).toBe('closed');
    await expect(guard.call(failing)).rejects.toBeInstanceOf(DepartmentUnavailableError);
    expect(guard.state()).toBe('open');
    await expect(guard.call(failing)).rejects.toMatchObject({
      message: 'JUSTICE is unavailable (failing fast after 2 failures in a row; next try within 30 ms): its part of the answer is missing',
    });
    expect(calls).toBe(2);

    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await guard.call(async () => 'back')).toBe('back');
    expect(guard.state()).toBe('closed');
  });

  it("lets an error that is the department's own answer through, uncounted", async () => {
    const refusal = new Error('400: Bad Request');
    const guard = createDepartmentGuard(
      Department.UNION,
      { timeoutMs: 1_000, failuresToOpen: 1, halfOpenAfterMs: 1_000 },
      logger,
      (error) => error !== refusal,
    );
    await expect(guard.call(() => Promise.reject(refusal))).rejects.toBe(refusal);
    expect(guard.state()).toBe('closed');
  });
});

describe('department guard: its observer (metrics)', () => {
  it('is told how each call ended and each change of the breaker', async () => {
    const calls: string[] = [];
    const states: string[] = [];
    const observer = {
      called: (outcome: string, seconds: number) => calls.push(`${outcome}:${seconds >= 0}`),
      breakerChanged: (state: string) => states.push(state),
    };
    const refusal = new Error('400: Bad Request');
    const guard = createDepartmentGuard(
      Department.COURT,
      { timeoutMs: 20, failuresToOpen: 2, halfOpenAfterMs: 30 },
      logger,
      (error) => error !== refusal,
      observer,
    );
    await guard.call(async () => 'fine');
    await expect(guard.call(() => Promise.reject(refusal))).rejects.toBe(refusal);
    await expect(guard.call(never)).rejects.toBeInstanceOf(DepartmentTimeoutError);
    await expect(guard.call(refused)).rejects.toBeInstanceOf(DepartmentUnavailableError);
    await expect(guard.call(refused)).rejects.toBeInstanceOf(DepartmentUnavailableError);
    expect(calls).toEqual(['ok:true', 'refused:true', 'timeout:true', 'unavailable:true', 'breaker_open:true']);
    expect(states).toEqual(['open']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await guard.call(async () => 'back');
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });
});
