import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import pino from 'pino';
import { createLogger, requestIdFrom, traceContextOfLine } from './logger';

describe('requestIdFrom', () => {
  const made = () => 'made-here-0001';

  it("keeps a caller's id that looks like one and makes one for anything else", () => {
    expect(requestIdFrom('e2e-request-0001', made)).toBe('e2e-request-0001');
    expect(requestIdFrom(['first-id-0001', 'second-id-0002'], made)).toBe('first-id-0001');
    expect(requestIdFrom(undefined, made)).toBe('made-here-0001');
    expect(requestIdFrom('short', made)).toBe('made-here-0001');
    expect(requestIdFrom('has spaces in it', made)).toBe('made-here-0001');
    expect(requestIdFrom('x'.repeat(129), made)).toBe('made-here-0001');
  });

  it('takes a comma-separated list only up to maxIds, every id well formed', () => {
    expect(requestIdFrom('request-a-0001,request-b-0002', made)).toBe('made-here-0001');
    expect(requestIdFrom('request-a-0001,request-b-0002', made, 8)).toBe('request-a-0001,request-b-0002');
    expect(requestIdFrom(Array.from({ length: 8 }, (_, i) => `request-${i}-0001`).join(','), made, 8)).toContain('request-7-0001');
    expect(requestIdFrom(Array.from({ length: 9 }, (_, i) => `request-${i}-0001`).join(','), made, 8)).toBe('made-here-0001');
    expect(requestIdFrom('request-a-0001,', made, 8)).toBe('made-here-0001');
    expect(requestIdFrom('request-a-0001,bad id here', made, 8)).toBe('made-here-0001');
  });
});

describe('traceContextOfLine', () => {
  afterEach(() => context.disable());

  it('gives a line the trace and span of the request it is written in, and nothing outside one', async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const span = trace.wrapSpanContext({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 });
    const inRequest = await context.with(trace.setSpan(context.active(), span), async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return traceContextOfLine();
    });
    expect(inRequest).toEqual({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' });
    expect(traceContextOfLine()).toEqual({});
  });

  it('is the mixin of every service logger', () => {
    expect((createLogger('court') as unknown as Record<symbol, unknown>)[pino.symbols.mixinSym]).toBe(traceContextOfLine);
  });
});
