import { DEFAULT_WORLD_OPTIONS, STORY_ENTERPRISES, generateWorld, type World } from '.';
import { expectUnique, records, world } from './generate-world.fixtures';

/** Everything that mentions a story enterprise or a story worker. */
function storySlice(w: World): string[] {
  const codes = Object.values(STORY_ENTERPRISES);
  return records(w)
    .map(([name, r]) => `${name} ${JSON.stringify(r)}`)
    .filter((line) => codes.some((c) => line.includes(c)));
}

describe('generateWorld: determinism', () => {
  it('gives a deep-equal world for the same options', () => {
    expect(generateWorld({ ...DEFAULT_WORLD_OPTIONS })).toEqual(world);
  });

  it('gives a different world for another seed, with the same stories', () => {
    const other = generateWorld({ ...DEFAULT_WORLD_OPTIONS, seed: 7 });
    expect(other.hr.enterprises.map((e) => e.creditCode)).not.toEqual(world.hr.enterprises.map((e) => e.creditCode));
    expect(storySlice(other)).toEqual(storySlice(world));
  });

  it('scales linearly and keeps the stories identical at scale 2', () => {
    const doubled = generateWorld({ ...DEFAULT_WORLD_OPTIONS, scale: 2 });
    const ratio = (f: (w: World) => unknown[]): number => f(doubled).length / f(world).length;
    expect(ratio((w) => w.hr.enterprises)).toBeCloseTo(2, 1);
    expect(ratio((w) => w.hr.workers)).toBeCloseTo(2, 1);
    expect(ratio((w) => w.union.mediationCases)).toBeCloseTo(2, 1);
    expect(ratio((w) => w.hr.arbitrationCases)).toBeCloseTo(2, 1);
    expect(storySlice(doubled)).toEqual(storySlice(world));
  });

  it('rejects impossible options', () => {
    expect(() => generateWorld({ ...DEFAULT_WORLD_OPTIONS, scale: 0 })).toThrow(RangeError);
    expect(() => generateWorld({ ...DEFAULT_WORLD_OPTIONS, asOf: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('generateWorld: the zone at scale 1', () => {
  it("has at least the brief's counts", () => {
    expect(world.hr.enterprises.length).toBeGreaterThanOrEqual(560);
    expect(world.hr.workers.length).toBeGreaterThanOrEqual(5000);
    expect(world.union.mediationCases.length).toBeGreaterThanOrEqual(550);
    expect(world.hr.arbitrationCases.length).toBeGreaterThanOrEqual(270);
    expect(world.court.lawsuits.length).toBeGreaterThanOrEqual(60);
    expect(world.court.enforcementCases.length).toBeGreaterThanOrEqual(20);
    expect(world.court.judicialConfirmations.length).toBeGreaterThanOrEqual(30);
    expect(world.justice.legalAidCases.length).toBeGreaterThanOrEqual(100);
    expect(world.justice.peopleMediationCases.length).toBeGreaterThanOrEqual(120);
  });

  it('looks like the park: non-public, mostly small, some large, mostly employed, partly unionised', () => {
    const e = world.hr.enterprises;
    const nonPublic = e.filter((x) => x.ownership !== 'STATE_OWNED' && x.ownership !== 'COLLECTIVE').length / e.length;
    expect(nonPublic).toBeGreaterThan(0.9);
    expect(e.filter((x) => x.employeeCount < 100).length / e.length).toBeGreaterThan(0.6);
    expect(e.some((x) => x.employeeCount >= 500)).toBe(true);
    for (const x of e) expect(x.registeredOn >= '1995-01-01' && x.registeredOn <= '2025-12-31').toBe(true);
    const employed = world.hr.workers.filter((w) => w.employerCreditCode !== null).length / world.hr.workers.length;
    expect(employed).toBeGreaterThan(0.9);
    expect(employed).toBeLessThan(0.99);
    const covered = world.union.organizations.flatMap((o) => o.enterpriseCreditCodes);
    expectUnique(covered);
    expect(covered.length / e.length).toBeGreaterThan(0.6);
    expect(covered.length / e.length).toBeLessThan(0.95);
    expect(new Set(world.union.organizations.map((o) => o.kind))).toEqual(new Set(['ENTERPRISE', 'JOINT', 'INDUSTRY']));
  });
});
