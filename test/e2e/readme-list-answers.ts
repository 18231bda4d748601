import { generateWorld } from '@labour/demo-world';
import { TEST_AS_OF } from '../support/subgraph-harness';

// The README's answers are checked as plain JSON.
type Json = any;

/**
 * What the README's case-list examples (README "Case lists") must answer on the test services' day,
 * counted from the same demo world the services load.
 */
const world = generateWorld({ seed: 20140601, scale: 1, asOf: TEST_AS_OF });
const districtOf = new Map(world.hr.enterprises.map((e) => [e.creditCode, e.district]));
const between = (day: string | null | undefined, from: string, to: string) => !!day && day >= from && day <= to;
const Q3 = ['2026-07-01', '2026-09-30'] as const;
const newestFirst = (days: string[]) => expect(days).toEqual([...days].sort().reverse());

export const README_LIST_ANSWERS: Record<string, (data: Json) => void> = {
  ArbitrationQ3ByDistrict: ({ yizhuang, jiugong, overdue }) => {
    const q3 = world.hr.arbitrationCases.filter((c) => between(c.filedOn, ...Q3));
    const inDistrict = (district: string) => q3.filter((c) => districtOf.get(c.respondentCreditCode) === district).length;
    expect(yizhuang.totalCount).toBe(inDistrict('亦庄镇'));
    expect(jiugong.totalCount).toBe(inDistrict('旧宫镇'));
    expect(yizhuang.totalCount).toBeGreaterThan(0);
    // Overdue: still open and past the stage's legal deadline on the services' day.
    expect(overdue.totalCount).toBe(overdue.nodes.length);
    for (const c of overdue.nodes as Json[]) {
      expect(['FILED', 'ACCEPTED']).toContain(c.status);
      expect(c.dueOn < TEST_AS_OF).toBe(true);
      expect(c.respondent.district).toEqual(expect.any(String));
    }
  },
  AppealsThisYear: ({ lawsuits }) => {
    const year = TEST_AS_OF.slice(0, 4);
    const appeals = world.court.lawsuits.filter((l) => l.caseNo.includes('民终') && l.filedOn.startsWith(year));
    expect(lawsuits.totalCount).toBe(appeals.length);
    expect(lawsuits.totalCount).toBeGreaterThan(0);
    expect(lawsuits.nodes.map((l: Json) => l.caseNo).sort()).toEqual(appeals.map((l) => l.caseNo).sort());
    newestFirst(lawsuits.nodes.map((l: Json) => l.filedOn));
    expect(lawsuits.pageInfo.hasNextPage).toBe(appeals.length > 10);
  },
  MediatedThenSued: ({ lawsuits }) => {
    const filed = world.court.lawsuits.filter((l) => between(l.filedOn, '2026-01-01', '2026-06-30'));
    expect(lawsuits.totalCount).toBe(filed.length);
    const mediated = new Set(world.union.mediationCases.map((m) => m.disputeNo));
    const withMediation = (lawsuits.nodes as Json[]).filter((l) => l.dispute.mediationCases.length > 0).map((l) => l.caseNo);
    const expected = filed
      .filter((l) => mediated.has(l.disputeNo))
      .map((l) => l.caseNo)
      .filter((caseNo) => (lawsuits.nodes as Json[]).some((l) => l.caseNo === caseNo));
    expect(withMediation.sort()).toEqual(expected.sort());
    expect(withMediation.length).toBeGreaterThan(0);
  },
};
