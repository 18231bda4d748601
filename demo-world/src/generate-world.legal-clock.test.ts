import { WORLDS, day, records } from './generate-world.fixtures';

const threeYearsLaterLessADay = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 3);
  return new Date(d.getTime() - 86_400_000).toISOString().slice(0, 10);
};

describe.each(WORLDS)('generateWorld, %s: the legal clock', (_label, world) => {
  const asOf = world.asOf;
  it('closes union mediation within 15 days, lapsing on day 15', () => {
    for (const m of world.union.mediationCases) {
      expect([m.status === 'CLOSED', m.status === 'CLOSED']).toEqual([m.closedOn !== null, m.outcome !== null]);
      expect(m.agreement !== null).toBe(m.outcome === 'AGREED');
      const end = m.closedOn ?? asOf;
      expect(day(end) - day(m.appliedOn)).toBeLessThanOrEqual(m.closedOn ? 15 : 14);
      if (m.outcome === 'LAPSED') expect(day(m.closedOn!) - day(m.appliedOn)).toBe(15);
    }
    const closed = world.union.mediationCases.filter((m) => m.outcome);
    expect(closed.filter((m) => m.outcome === 'AGREED').length / closed.length).toBeGreaterThan(0.8);
    expect(world.union.mediationCases.some((m) => m.status !== 'CLOSED')).toBe(true);
  });

  it('accepts arbitration within 5 days and decides within 45 (60 if extended) or up to 30 days late, with consistent statuses', () => {
    for (const a of world.hr.arbitrationCases) {
      const shape = [a.acceptedOn !== null, a.closedOn !== null, a.outcome];
      if (a.status === 'FILED') expect(shape).toEqual([false, false, null]);
      if (a.status === 'ACCEPTED') expect(shape).toEqual([true, false, null]);
      if (a.status === 'DECLINED') expect(shape).toEqual([false, true, 'NOT_ACCEPTED']);
      if (a.status === 'CLOSED') expect(['AWARD', 'SETTLED', 'WITHDRAWN']).toContain(a.outcome);
      if (a.status === 'CLOSED') expect(a.acceptedOn).not.toBeNull();
      expect(a.awardSummary !== null).toBe(a.outcome === 'AWARD');
      if (a.acceptedOn) expect(day(a.acceptedOn) - day(a.filedOn)).toBeLessThanOrEqual(5);
      if (a.acceptedOn) expect(day(a.acceptedOn)).toBeGreaterThanOrEqual(day(a.filedOn));
      if (a.acceptedOn && a.closedOn) expect(day(a.closedOn) - day(a.acceptedOn)).toBeLessThanOrEqual((a.extended ? 60 : 45) + 30);
      if (a.status === 'DECLINED') expect(day(a.closedOn!) - day(a.filedOn)).toBeLessThanOrEqual(5);
      if (!a.acceptedOn) expect(a.extended).toBe(false);
    }
    const open = world.hr.arbitrationCases.filter((a) => a.status === 'ACCEPTED');
    const overdue = open.filter((a) => day(asOf) - day(a.acceptedOn!) > (a.extended ? 60 : 45));
    expect(overdue.length).toBeGreaterThan(0);
    expect(open.length - overdue.length).toBeGreaterThan(0);
    expect(world.hr.arbitrationCases.some((a) => a.extended && a.status === 'CLOSED')).toBe(true);
  });

  it('closes a few arbitration cases after the award deadline in every past quarter, and most by it', () => {
    const quarterOf = (d: number): string =>
      `${new Date(d * 86_400_000).getUTCFullYear()}-Q${Math.floor(new Date(d * 86_400_000).getUTCMonth() / 3) + 1}`;
    const closedByQuarter = new Map<string, { closed: number; late: number }>();
    for (const a of world.hr.arbitrationCases) {
      if (!a.acceptedOn || !a.closedOn) continue;
      const deadline = day(a.acceptedOn) + (a.extended ? 60 : 45);
      const quarter = closedByQuarter.get(quarterOf(deadline)) ?? { closed: 0, late: 0 };
      closedByQuarter.set(quarterOf(deadline), { closed: quarter.closed + 1, late: quarter.late + (day(a.closedOn) > deadline ? 1 : 0) });
    }
    const past = [...closedByQuarter].filter(([quarter]) => quarter < quarterOf(day(asOf)));
    expect(past.length).toBeGreaterThanOrEqual(8);
    for (const [quarter, { closed, late }] of past) expect([quarter, late >= 1, late / closed <= 0.15]).toEqual([quarter, true, true]);
    const all = past.reduce((sum, [, q]) => ({ closed: sum.closed + q.closed, late: sum.late + q.late }), { closed: 0, late: 0 });
    expect(all.late / all.closed).toBeGreaterThan(0.05);
    expect(all.late / all.closed).toBeLessThan(0.15);
  });

  it('keeps every date on or before the as-of day, except deadlines and expiry', () => {
    const future = new Set(['expiresOn', 'rectificationDueOn']);
    for (const [name, r] of records(world)) {
      for (const [key, value] of Object.entries(r)) {
        if (key.endsWith('On') && typeof value === 'string' && !future.has(key))
          expect([name, key, value <= asOf]).toEqual([name, key, true]);
      }
    }
  });

  it('writes money with exactly two decimals', () => {
    for (const [, r] of records(world)) {
      for (const key of ['claimAmount', 'amount', 'amountOwed', 'recoveredAmount', 'wageIncreasePct']) {
        if (key in r) expect(r[key]).toMatch(/^\d+\.\d{2}$/);
      }
    }
  });

  it('dates collective contracts and layoff reports by the rules', () => {
    for (const c of world.union.collectiveContracts) {
      expect(c.signedOn <= c.filedOn).toBe(true);
      expect(day(c.effectiveOn) - day(c.filedOn)).toBe(15);
      expect(c.expiresOn).toBe(threeYearsLaterLessADay(c.effectiveOn));
    }
    expect(world.union.collectiveContracts.some((c) => c.expiresOn < asOf)).toBe(true);
    const withContract = new Set(world.union.collectiveContracts.map((c) => c.enterpriseCreditCode));
    expect(withContract.size).toBeLessThan(world.hr.enterprises.length);
    for (const r of world.hr.layoffReports) expect(day(r.effectiveOn) - day(r.reportedOn)).toBeGreaterThanOrEqual(30);
  });
});
