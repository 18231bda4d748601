import { DEFAULT_RESTART_LIMITS, RestartPolicy, seconds } from './restart-policy';

// A clock the test moves by hand: the decisions depend on elapsed time only, never on the calendar.
function clock(): { now: () => number; advance: (ms: number) => void } {
  let at = 1_000;
  return { now: () => at, advance: (ms) => void (at += ms) };
}

describe('RestartPolicy', () => {
  it('doubles the delay from 0.5 s and gives up after the fifth restart within a minute', () => {
    const time = clock();
    const policy = new RestartPolicy(DEFAULT_RESTART_LIMITS, time.now);
    const decisions = [];
    for (let i = 0; i < 6; i += 1) {
      decisions.push(policy.next());
      time.advance(1_000);
    }
    expect(decisions).toEqual([
      { restart: true, attempt: 1, delayMs: 500 },
      { restart: true, attempt: 2, delayMs: 1_000 },
      { restart: true, attempt: 3, delayMs: 2_000 },
      { restart: true, attempt: 4, delayMs: 4_000 },
      { restart: true, attempt: 5, delayMs: 8_000 },
      { restart: false, restarts: 5 },
    ]);
  });

  it('stops doubling at the maximum delay', () => {
    const time = clock();
    const policy = new RestartPolicy({ initialDelayMs: 500, maxDelayMs: 10_000, maxRestarts: 10, windowMs: 60_000 }, time.now);
    const delays = Array.from({ length: 7 }, () => {
      const decision = policy.next();
      return decision.restart ? decision.delayMs : null;
    });
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });

  it('forgets restarts older than the window: a service that ran a while starts again from the shortest delay', () => {
    const time = clock();
    const policy = new RestartPolicy(DEFAULT_RESTART_LIMITS, time.now);
    for (let i = 0; i < 5; i += 1) policy.next();
    expect(policy.next()).toEqual({ restart: false, restarts: 5 });
    time.advance(59_999);
    expect(policy.next()).toEqual({ restart: false, restarts: 5 });
    time.advance(1);
    expect(policy.next()).toEqual({ restart: true, attempt: 1, delayMs: 500 });
  });

  it('counts only the restarts within the window for the delay', () => {
    const time = clock();
    const policy = new RestartPolicy(DEFAULT_RESTART_LIMITS, time.now);
    policy.next(); // at 0 s
    time.advance(40_000);
    policy.next(); // at 40 s
    time.advance(30_000); // 70 s: the first has left the window, the second has not
    expect(policy.next()).toEqual({ restart: true, attempt: 2, delayMs: 1_000 });
  });
});

describe('seconds', () => {
  it('shows whole and fractional seconds without trailing zeros', () => {
    expect([500, 1_000, 8_000, 50, 60_000].map(seconds)).toEqual(['0.5 s', '1 s', '8 s', '0.05 s', '60 s']);
  });
});
