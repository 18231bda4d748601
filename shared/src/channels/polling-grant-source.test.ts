import pino from 'pino';
import { Department } from '../context/principal';
import type { ChannelInForce } from './channel-grants';
import { createPollingGrantSource } from './polling-grant-source';

const FROM = 'the provider_channel table';
const ARREARS: ChannelInForce = {
  code: 'HR-UNION-ARREARS',
  consumers: [Department.UNION],
  grants: [
    { typeName: 'WageArrearsAlert', fields: ['project', 'amountOwed'] },
    { typeName: 'Worker', fields: ['name', 'phone'] },
  ],
  scope: 'HR_OPEN_WAGE_ARREARS',
  validFrom: '2026-01-01',
  validUntil: '2026-11-21',
};
const ARBITRATION: ChannelInForce = {
  code: 'HR-COURT-ARBITRATION',
  consumers: [Department.COURT, Department.UNION],
  grants: [
    { typeName: 'ArbitrationCase', fields: ['awardSummary'] },
    { typeName: 'Worker', fields: ['name'] },
  ],
  scope: 'HR_ENDED_ARBITRATION',
  validFrom: '2026-01-01',
  validUntil: null,
};

/** 2026-11-21 12:00 in China (UTC+8). */
const NOON = Date.parse('2026-11-21T04:00:00Z');

/** What one load of the provider's table gives: its channels in force, or the error it fails with. */
type Answer = ChannelInForce[] | Error;

function setUp(answers: Answer[] | (() => Answer)) {
  let loads = 0;
  let clock = NOON;
  const load = async () => {
    loads += 1;
    const answer = typeof answers === 'function' ? answers() : (answers.shift() ?? new Error('no more answers'));
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const logs: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const cache = createPollingGrantSource({
    provider: Department.HR_BUREAU,
    load,
    refreshMs: 10_000,
    staleAfterMs: 30_000,
    logger,
    now: () => clock,
    from: FROM,
  });
  return { cache, loads: () => loads, logs, advance: (ms: number) => void (clock += ms) };
}

const ok = (channels: ChannelInForce[]): Answer => channels;
const messages = (logs: Array<Record<string, unknown>>, level: number) => logs.filter((l) => l['level'] === level).map((l) => l['msg']);

describe('createPollingGrantSource (each provider over its own channel table)', () => {
  it("maps each consumer's grants to the channel allowing them", async () => {
    const { cache, loads } = setUp([ok([ARREARS, ARBITRATION])]);
    expect(await cache.refresh()).toBe(true);
    expect(loads()).toBe(1);

    expect(cache.grantsFor(Department.UNION)).toEqual(
      new Map([
        // Both channels grant Worker.name to the union: the code that sorts first is named, the other follows
        // (a record out of the first one's scope may be in the other's).
        ['ArbitrationCase.awardSummary', { channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' }],
        [
          'Worker.name',
          {
            ...{ channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' },
            also: [{ channelId: 'HR-UNION-ARREARS', scope: 'HR_OPEN_WAGE_ARREARS' }],
          },
        ],
        ['WageArrearsAlert.project', { channelId: 'HR-UNION-ARREARS', scope: 'HR_OPEN_WAGE_ARREARS' }],
        ['WageArrearsAlert.amountOwed', { channelId: 'HR-UNION-ARREARS', scope: 'HR_OPEN_WAGE_ARREARS' }],
        ['Worker.phone', { channelId: 'HR-UNION-ARREARS', scope: 'HR_OPEN_WAGE_ARREARS' }],
      ]),
    );
    expect(cache.grantsFor(Department.COURT)).toEqual(
      new Map([
        ['ArbitrationCase.awardSummary', { channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' }],
        ['Worker.name', { channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' }],
      ]),
    );
    expect(cache.grantsFor(Department.JUSTICE)).toEqual(new Map());
  });

  it('grants nothing through a channel without a scope (agreed before channels had scopes)', async () => {
    const { cache } = setUp([ok([{ ...ARREARS, scope: null }, ARBITRATION])]);
    expect(await cache.refresh()).toBe(true);
    expect(cache.grantsFor(Department.UNION)).toEqual(
      new Map([
        ['ArbitrationCase.awardSummary', { channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' }],
        ['Worker.name', { channelId: 'HR-COURT-ARBITRATION', scope: 'HR_ENDED_ARBITRATION' }],
      ]),
    );
  });

  it('answers UNAVAILABLE while it has never had an answer', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { cache, logs, advance } = setUp(() => new Error('connection failed', { cause: refused }));
    expect(cache.grantsFor(Department.UNION)).toBe('UNAVAILABLE');
    expect(await cache.refresh()).toBe(false);
    expect(cache.grantsFor(Department.UNION)).toBe('UNAVAILABLE');
    expect(cache.grantsFor(Department.JUSTICE)).toBe('UNAVAILABLE');
    expect(cache.lastSuccessAt()).toBeNull();
    // Services start together with their database: one not up yet is no alarm at first ...
    expect(logs.find((l) => l['msg'] === 'sharing channels could not be loaded')).toMatchObject({
      level: 30,
      failures: 1,
      reason: 'connection failed: ECONNREFUSED',
      provider: 'HR_BUREAU',
      from: FROM,
    });
    expect(messages(logs, 50)).toEqual([]);
    // ... but is one once staleAfterMs has passed without an answer.
    advance(30_001);
    expect(await cache.refresh()).toBe(false);
    expect(cache.grantsFor(Department.UNION)).toBe('UNAVAILABLE');
    expect(messages(logs, 50)).toEqual([
      'no current copy of the sharing channels: other departments get no shared fields until the channel table can be read again',
    ]);
  });

  it('keeps the last grants through failures until they are older than staleAfterMs, then fails closed, and recovers', async () => {
    const { cache, advance, logs } = setUp([ok([ARREARS]), new Error('timeout'), new Error('Connection terminated unexpectedly'), ok([])]);
    await cache.refresh();
    advance(10_000);
    expect(await cache.refresh()).toBe(false);
    advance(10_000);
    expect(await cache.refresh()).toBe(false);
    advance(10_000); // 30 s after the last answer: still current
    expect(cache.grantsFor(Department.UNION)).toEqual(
      new Map([
        ['WageArrearsAlert.project', { channelId: 'HR-UNION-ARREARS', scope: 'HR_OPEN_WAGE_ARREARS' }],
        ['WageArrearsAlert.amountOwed', { channelId: 'HR-UNION-ARREARS', scope: 'HR_OPEN_WAGE_ARREARS' }],
        ['Worker.name', { channelId: 'HR-UNION-ARREARS', scope: 'HR_OPEN_WAGE_ARREARS' }],
        ['Worker.phone', { channelId: 'HR-UNION-ARREARS', scope: 'HR_OPEN_WAGE_ARREARS' }],
      ]),
    );
    advance(1);
    expect(cache.grantsFor(Department.UNION)).toBe('UNAVAILABLE');
    // The first failure is a warning; the next ones (every refresh) only debug lines.
    expect(logs.filter((l) => l['msg'] === 'sharing channels could not be loaded').map((l) => [l['level'], l['reason']])).toEqual([
      [40, 'timeout'],
      [20, 'Connection terminated unexpectedly'],
    ]);

    expect(await cache.refresh()).toBe(true);
    expect(cache.grantsFor(Department.UNION)).toEqual(new Map());
    expect(messages(logs, 30)).toContain('sharing channels loaded again');
  });

  it('stops granting a channel the day after its validUntil (China time), even between answers', async () => {
    const { cache, advance } = setUp(() => ok([ARREARS, { ...ARBITRATION, validFrom: '2026-11-22' }]));
    await cache.refresh();
    expect([...(cache.grantsFor(Department.UNION) as Map<string, unknown>).keys()]).toEqual([
      'WageArrearsAlert.project',
      'WageArrearsAlert.amountOwed',
      'Worker.name',
      'Worker.phone',
    ]);
    advance(12 * 3_600_000); // midnight in China: 2026-11-22 begins
    await cache.refresh();
    // ARREARS ended on the 21st; ARBITRATION begins on the 22nd.
    expect([...(cache.grantsFor(Department.UNION) as Map<string, unknown>).keys()]).toEqual([
      'ArbitrationCase.awardSummary',
      'Worker.name',
    ]);
  });

  describe('on its own schedule (fake timers: exact, whatever the machine is doing)', () => {
    // Only the timers and the clock are faked: the fake fetch's promises still settle as microtasks, which
    // advanceTimersByTimeAsync lets run between timers.
    beforeEach(() => jest.useFakeTimers({ now: NOON, doNotFake: ['nextTick', 'queueMicrotask'] }));
    afterEach(() => jest.useRealTimers());

    /** A source on Date.now (faked) whose table answers as `answer` says, counting the loads. */
    function polling(answer: (call: number) => Answer, options: { refreshMs?: number; staleAfterMs?: number } = {}) {
      let calls = 0;
      const cache = createPollingGrantSource({
        provider: Department.HR_BUREAU,
        ...options,
        load: async () => {
          calls += 1;
          const given = answer(calls);
          if (given instanceof Error) throw given;
          return given;
        },
        logger: pino({ level: 'silent' }),
        from: FROM,
      });
      return { cache, calls: () => calls };
    }

    it('polls every refreshMs from start() until stop()', async () => {
      const { cache, calls } = polling(() => ok([]), { refreshMs: 20 });
      await cache.start();
      expect(calls()).toBe(1);
      expect(cache.grantsFor(Department.UNION)).toEqual(new Map());
      await jest.advanceTimersByTimeAsync(19);
      expect(calls()).toBe(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(calls()).toBe(2);
      await jest.advanceTimersByTimeAsync(60);
      expect(calls()).toBe(5);
      cache.stop();
      await jest.advanceTimersByTimeAsync(1_000);
      expect(calls()).toBe(5);
      expect(jest.getTimerCount()).toBe(0);
    });

    it('reads every second until the first success, then every refreshMs', async () => {
      const { cache, calls } = polling((call) => (call <= 2 ? new Error('connect ECONNREFUSED') : ok([])), { refreshMs: 10_000 });
      await cache.start();
      expect(calls()).toBe(1);
      expect(cache.grantsFor(Department.UNION)).toBe('UNAVAILABLE');
      await jest.advanceTimersByTimeAsync(999);
      expect(calls()).toBe(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(calls()).toBe(2); // refused again: another second
      await jest.advanceTimersByTimeAsync(1_000);
      expect(calls()).toBe(3);
      expect(cache.grantsFor(Department.UNION)).toEqual(new Map());
      // Answered: from now on every refreshMs.
      await jest.advanceTimersByTimeAsync(9_999);
      expect(calls()).toBe(3);
      await jest.advanceTimersByTimeAsync(1);
      expect(calls()).toBe(4);
      cache.stop();
    });

    it('shows a change in the table at the next poll, with the defaults within 10 s', async () => {
      let inForce = [ARREARS];
      const { cache } = polling(() => ok(inForce));
      await cache.start();
      expect(cache.grantsFor(Department.UNION)).not.toBe('UNAVAILABLE');
      expect((cache.grantsFor(Department.UNION) as Map<string, unknown>).has('WageArrearsAlert.amountOwed')).toBe(true);
      inForce = []; // the provider's ADMIN suspends the channel
      await jest.advanceTimersByTimeAsync(9_999);
      expect((cache.grantsFor(Department.UNION) as Map<string, unknown>).has('WageArrearsAlert.amountOwed')).toBe(true);
      await jest.advanceTimersByTimeAsync(1);
      expect(cache.grantsFor(Department.UNION)).toEqual(new Map());
      cache.stop();
    });

    it('keeps polling through failures and, with the defaults, fails closed 30 s after the last answer', async () => {
      const { cache, calls } = polling((call) => (call === 1 ? ok([ARREARS]) : new Error('connect ECONNREFUSED')));
      await cache.start();
      const answeredAt = cache.lastSuccessAt();
      expect(answeredAt).toBe(NOON);
      await jest.advanceTimersByTimeAsync(30_000);
      // Three more attempts (10, 20, 30 s), all failed; the grants of the last answer are exactly 30 s old.
      expect(calls()).toBe(4);
      expect(cache.lastSuccessAt()).toBe(answeredAt);
      expect((cache.grantsFor(Department.UNION) as Map<string, unknown>).size).toBe(4);
      await jest.advanceTimersByTimeAsync(1);
      expect(cache.grantsFor(Department.UNION)).toBe('UNAVAILABLE');
      cache.stop();
    });
  });
});
