import { formatSummary, summariseProfile, type CpuProfile } from './top-frames';

/** A profile with three functions; sample i lasts until sample i+1 (timeDeltas[i+1]). */
function profile(): CpuProfile {
  const node = (id: number, functionName: string, url: string, lineNumber: number) => ({
    id,
    callFrame: { functionName, url, lineNumber, columnNumber: 0 },
  });
  return {
    nodes: [
      node(1, '(root)', '', -1),
      node(2, '(idle)', '', -1),
      node(3, 'plan', 'file:///work/x/node_modules/@apollo/query-planner/dist/plan.js', 9),
      node(4, 'resolve', 'file:///work/x/gateway/src/create-gateway.ts', 41),
      // The same function reached by another call path: one entry.
      node(5, 'plan', 'file:///work/x/node_modules/@apollo/query-planner/dist/plan.js', 9),
    ],
    startTime: 1_000_000,
    endTime: 1_000_000 + 10_000,
    samples: [3, 4, 5, 2, 3],
    // Sample at +0 (plan, 3000 µs), +3000 (resolve, 1000), +4000 (plan, 2000), +6000 (idle, 3000), +9000 (plan, until the end: 1000).
    timeDeltas: [0, 3000, 1000, 2000, 3000],
  };
}

describe('summariseProfile', () => {
  it('adds up self time per function, file and line, leaves idle out of the ranking and of the percentages', () => {
    const summary = summariseProfile(profile());
    expect(summary.profiledMs).toBe(10);
    expect(summary.busyMs).toBe(7);
    expect(summary.top).toEqual([
      { function: 'plan', location: '@apollo/query-planner/dist/plan.js:10', selfMs: 6, percent: (6 / 7) * 100 },
      { function: 'resolve', location: 'gateway/src/create-gateway.ts:42', selfMs: 1, percent: (1 / 7) * 100 },
    ]);
  });

  it('keeps the top `count` only', () => {
    expect(summariseProfile(profile(), 1).top.map((frame) => frame.function)).toEqual(['plan']);
  });

  it('counts only the samples taken within the windows', () => {
    // +3000 to +6000: resolve (1 ms) and the second plan sample (2 ms).
    const summary = summariseProfile(profile(), 15, [{ fromUs: 1_003_000, toUs: 1_006_000 }]);
    expect(summary.busyMs).toBe(3);
    expect(summary.top.map((frame) => [frame.function, frame.selfMs])).toEqual([
      ['plan', 2],
      ['resolve', 1],
    ]);
  });

  it('prints one line per function with ms, share and location', () => {
    expect(formatSummary('gateway', summariseProfile(profile(), 1)).split('\n')).toEqual([
      'gateway: 7 ms busy of 10 ms profiled',
      '  self ms      %  function (url:line)',
      '      6.0   85.7  plan (@apollo/query-planner/dist/plan.js:10)',
    ]);
  });
});
