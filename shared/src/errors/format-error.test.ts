import { GraphQLError } from 'graphql';
import pino from 'pino';
import { BadUserInputError, ConflictError } from './app-errors';
import { maskInternalErrors } from './format-error';

describe('maskInternalErrors', () => {
  const format = maskInternalErrors(pino({ level: 'silent' }));

  it('passes catalogue errors with their code and field, without a stack', () => {
    const error = new BadUserInputError({ field: 'creditCode', rule: 'must be 18 characters' });
    const formatted = format({ message: error.message, extensions: { ...error.extensions, stacktrace: ['x'] } }, error);
    expect(formatted).toEqual({
      message: 'creditCode must be 18 characters',
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'creditCode',
        rule: 'must be 18 characters',
        violations: [{ field: 'creditCode', rule: 'must be 18 characters' }],
      },
    });
  });

  it('hides anything else behind INTERNAL_SERVER_ERROR: no SQL, no stack', () => {
    const thrown = new Error('insert into "worker" ... violates constraint "worker_pkey"');
    const wrapped = new GraphQLError(thrown.message, { originalError: thrown, path: ['createWorker'] });
    const formatted = format(
      { message: thrown.message, path: ['createWorker'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at ...'] } },
      wrapped,
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['createWorker'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it("passes a subgraph's catalogue error through the gateway without naming the subgraph", () => {
    const answered = { message: 'creditCode must be 18 characters', extensions: { code: 'BAD_USER_INPUT', field: 'creditCode' } };
    const wrapped = new GraphQLError(answered.message, {
      originalError: answered as unknown as Error,
      extensions: { ...answered.extensions, serviceName: 'hr-bureau' },
    });
    expect(format({ message: answered.message, extensions: { ...answered.extensions, serviceName: 'hr-bureau' } }, wrapped)).toEqual({
      message: 'creditCode must be 18 characters',
      extensions: { code: 'BAD_USER_INPUT', field: 'creditCode' },
    });
  });

  it("passes a subgraph's RESPONSE_TOO_LARGE through the gateway with its limit", () => {
    const answered = {
      message: 'The answer would be 9000000 bytes, more than the 8388608 this service sends at once',
      extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: 8388608 },
    };
    const wrapped = new GraphQLError(answered.message, {
      originalError: answered as unknown as Error,
      extensions: { ...answered.extensions, serviceName: 'hr-bureau' },
    });
    expect(
      format(
        { message: answered.message, path: ['enterprises'], extensions: { ...answered.extensions, serviceName: 'hr-bureau' } },
        wrapped,
      ),
    ).toEqual({ ...answered, path: ['enterprises'] });
  });

  it('hides a plain error that pretends to carry a catalogue code', () => {
    const thrown = Object.assign(new Error('connection refused 10.0.0.5:5432'), { extensions: { code: 'CONFLICT' } });
    const wrapped = new GraphQLError(thrown.message, { originalError: thrown });
    expect(format({ message: thrown.message, extensions: { code: 'CONFLICT' } }, wrapped).message).toBe('Internal server error');
    const real = new ConflictError('stale');
    expect(format({ message: 'stale', extensions: { code: 'CONFLICT' } }, new GraphQLError('stale', { originalError: real })).message).toBe(
      'stale',
    );
  });
});
