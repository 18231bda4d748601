import {
  CASE_NUMBER_STYLES,
  DISPUTE_NO_PATTERN,
  caseNumberYear,
  isValidIdNumber,
  isValidUscc,
  type CaseNumberStyle,
} from '@labour/shared/ids';
import { DEFAULT_WORLD_OPTIONS, STORY_ENTERPRISES, generateWorld, type DemoParty, type World } from '.';

const world = generateWorld(DEFAULT_WORLD_OPTIONS);
/** The rules must hold for any options, so they are checked on a second world too: another seed, a smaller scale, early January. */
const WORLDS: [string, World][] = [
  ['default world', world],
  ['seed 99, scale 0.7, as of 2025-01-08', generateWorld({ seed: 99, scale: 0.7, asOf: '2025-01-08' })],
];

/** Day numbers computed here independently of the generator's own date helpers. */
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const yearOfIso = (iso: string): number => Number(iso.slice(0, 4));
const threeYearsLaterLessADay = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 3);
  return new Date(d.getTime() - 86_400_000).toISOString().slice(0, 10);
};

/** Every record of the world with the name of its collection. */
function records(w: World): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  for (const [dept, slice] of Object.entries(w)) {
    if (typeof slice !== 'object') continue;
    for (const [name, list] of Object.entries(slice as Record<string, unknown[]>)) {
      for (const r of list) out.push([`${dept}.${name}`, r as Record<string, unknown>]);
    }
  }
  return out;
}

/** Everything that mentions a story enterprise or a story worker. */
function storySlice(w: World): string[] {
  const codes = Object.values(STORY_ENTERPRISES);
  return records(w)
    .map(([name, r]) => `${name} ${JSON.stringify(r)}`)
    .filter((line) => codes.some((c) => line.includes(c)));
}

const expectUnique = (values: string[]): void => {
  expect(new Set(values).size).toBe(values.length);
};

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

describe.each(WORLDS)('generateWorld, %s: identifiers', (_label, world) => {
  const asOf = world.asOf;
  it('has valid, unique credit codes with a realistic prefix', () => {
    const codes = world.hr.enterprises.map((e) => e.creditCode);
    for (const code of codes) {
      expect(isValidUscc(code)).toBe(true);
      expect(code).toMatch(/^91(110302|110115|110112)/);
    }
    expectUnique(codes);
    expectUnique(world.hr.enterprises.map((e) => e.name));
  });

  it('has valid, unique ID numbers of workers aged 18 to 60, with names and mobile numbers', () => {
    const limit = yearOfIso(asOf);
    for (const w of world.hr.workers) {
      expect(isValidIdNumber(w.idNumber)).toBe(true);
      expect(w.idNumber.slice(0, 2)).toMatch(/^(11|41|51|34|13|37)$/);
      const birth = `${w.idNumber.slice(6, 10)}-${w.idNumber.slice(10, 12)}-${w.idNumber.slice(12, 14)}`;
      const age = limit - yearOfIso(birth) - (asOf.slice(5) < birth.slice(5) ? 1 : 0);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(60);
      expect(w.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/u);
      expect(w.phone).toMatch(/^1[3-9]\d{9}$/);
    }
    expectUnique(world.hr.workers.map((w) => w.idNumber));
  });

  it("numbers cases in each body's style, with the filing year, uniquely", () => {
    const check = (style: CaseNumberStyle, list: { no: string; filedOn: string }[]): void => {
      for (const { no, filedOn } of list) expect(caseNumberYear(style, no)).toBe(yearOfIso(filedOn));
      expectUnique(list.map((x) => x.no));
    };
    check(
      'arbitration',
      world.hr.arbitrationCases.map((c) => ({ no: c.caseNo, filedOn: c.filedOn })),
    );
    check(
      'unionMediation',
      world.union.mediationCases.map((c) => ({ no: c.caseNo, filedOn: c.appliedOn })),
    );
    check('courtCivil', [
      ...world.court.lawsuits.map((c) => ({ no: c.caseNo, filedOn: c.filedOn })),
      ...world.court.judicialConfirmations.map((c) => ({ no: c.caseNo, filedOn: c.appliedOn })),
    ]);
    check(
      'courtEnforcement',
      world.court.enforcementCases.map((c) => ({ no: c.caseNo, filedOn: c.filedOn })),
    );
    check(
      'judicialSuggestion',
      world.court.judicialSuggestions.map((c) => ({ no: c.suggestionNo, filedOn: c.issuedOn })),
    );
    check(
      'legalAid',
      world.justice.legalAidCases.map((c) => ({ no: c.caseNo, filedOn: c.appliedOn })),
    );
    check(
      'peopleMediation',
      world.justice.peopleMediationCases.map((c) => ({ no: c.caseNo, filedOn: c.appliedOn })),
    );
    expect(world.court.lawsuits.every((l) => /民(初|终)/.test(l.caseNo))).toBe(true);
    expect(world.court.judicialConfirmations.every((c) => /民特/.test(c.caseNo))).toBe(true);
    expect(CASE_NUMBER_STYLES.arbitration.pattern.test(world.hr.arbitrationCases[0]!.caseNo)).toBe(true);
    for (const list of [
      world.hr.inspections.map((x) => x.inspectionNo),
      world.hr.wageArrearsAlerts.map((x) => x.alertNo),
      world.union.collectiveContracts.map((x) => x.contractNo),
      world.union.legalConsultations.map((x) => x.consultationNo),
    ]) {
      for (const no of list) expect(no).toMatch(/^[A-Z]{2}-\d{4}-\d{5}$/);
      expectUnique(list);
    }
  });
});

describe.each(WORLDS)('generateWorld, %s: disputes along real paths', (_label, world) => {
  const workers = new Map(world.hr.workers.map((w) => [w.idNumber, w.name]));
  const enterprises = new Set(world.hr.enterprises.map((e) => e.creditCode));
  const byDispute = <T extends { disputeNo: string }>(list: T[]): Map<string, T> => new Map(list.map((x) => [x.disputeNo, x]));
  const mediations = byDispute(world.union.mediationCases);
  const arbitrations = byDispute(world.hr.arbitrationCases);
  const peoples = byDispute(world.justice.peopleMediationCases);
  const lawsuitsByNo = new Map(world.court.lawsuits.map((l) => [l.caseNo, l]));
  const firstInstance = world.court.lawsuits.filter((l) => l.caseNo.includes('民初'));
  const appeals = world.court.lawsuits.filter((l) => l.caseNo.includes('民终'));
  const isParty = (p: DemoParty): boolean => workers.get(p.idNumber) === p.name;

  it('has one case per body and dispute, and dispute numbers naming where the dispute arrived', () => {
    for (const list of [
      world.union.mediationCases,
      world.hr.arbitrationCases,
      world.justice.peopleMediationCases,
      firstInstance,
      appeals,
    ]) {
      expectUnique(list.map((c) => c.disputeNo));
    }
    const all = [...mediations.keys(), ...arbitrations.keys(), ...peoples.keys()];
    for (const no of all) {
      const [, dept, year] = DISPUTE_NO_PATTERN.exec(no)!;
      const first =
        dept === 'UN' ? mediations.get(no)?.appliedOn : dept === 'HR' ? arbitrations.get(no)?.filedOn : peoples.get(no)?.appliedOn;
      expect(first).toBeDefined();
      expect(Number(year)).toBe(yearOfIso(first!));
    }
    expect(new Set(all.map((no) => no.slice(3, 5)))).toEqual(new Set(['UN', 'HR', 'JU']));
  });

  it('refers only to registered workers and existing enterprises', () => {
    for (const [name, r] of records(world)) {
      for (const [key, value] of Object.entries(r)) {
        if (/CreditCodes?$/.test(key))
          for (const code of [value].flat()) if (code !== null) expect([name, enterprises.has(code as string)]).toEqual([name, true]);
      }
    }
    const parties: DemoParty[] = [
      ...world.union.mediationCases.flatMap((c) => c.workers),
      ...world.hr.arbitrationCases.flatMap((c) => c.applicants),
      ...world.court.lawsuits.flatMap((c) => c.plaintiffs),
      ...world.court.judicialConfirmations.flatMap((c) => c.applicants),
      ...world.court.enforcementCases.map((c) => c.applicant),
      ...world.justice.legalAidCases.map((c) => c.applicant),
      ...world.justice.peopleMediationCases.flatMap((c) => c.parties),
      ...world.union.hardshipAids.map((a) => a.recipient),
      ...world.union.legalConsultations.flatMap((c) => (c.worker ? [c.worker] : [])),
    ];
    expect(parties.filter((p) => !isParty(p))).toEqual([]);
  });

  it('sends failed or lapsed mediation on to arbitration under the same dispute number', () => {
    let escalated = 0;
    for (const a of world.hr.arbitrationCases) {
      const m = mediations.get(a.disputeNo) ?? peoples.get(a.disputeNo);
      if (!m) continue;
      escalated++;
      expect(['FAILED', 'LAPSED']).toContain(m.outcome);
      expect(day(a.filedOn)).toBeGreaterThan(day(m.closedOn!));
      expect(a.applicants).toEqual('workers' in m ? m.workers : m.parties);
    }
    expect(escalated).toBeGreaterThan(20);
  });

  it('files lawsuits within 15 days of an award, appeals after a judgment, and enforcement after a final one', () => {
    expect(firstInstance.length + appeals.length).toBe(world.court.lawsuits.length);
    for (const l of firstInstance) {
      const a = arbitrations.get(l.disputeNo)!;
      expect(l.arbitrationCaseNo).toBe(a.caseNo);
      expect(a.outcome).toBe('AWARD');
      const gap = day(l.filedOn) - day(a.closedOn!);
      expect(gap).toBeGreaterThanOrEqual(1);
      expect(gap).toBeLessThanOrEqual(15);
      expect(l.plaintiffs).toEqual(a.applicants);
      const judged = ['JUDGED', 'APPEALED', 'CLOSED'].includes(l.stage);
      expect([l.judgmentOn !== null, l.outcome !== null, l.judgmentSummary !== null]).toEqual([judged, judged, judged]);
    }
    expect(world.court.lawsuits.some((l) => l.sealed)).toBe(true);
    expect(appeals.length).toBeGreaterThan(0);
    for (const appeal of appeals) {
      const first = firstInstance.find((l) => l.disputeNo === appeal.disputeNo)!;
      expect(first.stage).toBe('APPEALED');
      expect(appeal.arbitrationCaseNo).toBe(first.arbitrationCaseNo);
      expect(day(appeal.filedOn)).toBeGreaterThan(day(first.judgmentOn!));
      expect(['FILED', 'IN_TRIAL', 'CLOSED']).toContain(appeal.stage);
    }
    for (const e of world.court.enforcementCases) {
      const l = lawsuitsByNo.get(e.sourceCaseNo)!;
      expect(l.disputeNo).toBe(e.disputeNo);
      expect(l.stage).toBe('CLOSED');
      expect(day(e.filedOn)).toBeGreaterThan(day(l.judgmentOn!) + 15);
      expect(e.closedOn === null).toBe(e.status === 'OPEN');
      expect(Number(e.recoveredAmount)).toBeLessThanOrEqual(Number(e.amount));
    }
    expect(world.court.enforcementCases.some((e) => e.status === 'TERMINATED_NO_ASSETS')).toBe(true);
  });

  it('confirms only mediation agreements, and gives legal aid to a party of an existing dispute', () => {
    for (const c of world.court.judicialConfirmations) {
      const m = mediations.get(c.disputeNo)!;
      expect(c.mediationCaseNo).toBe(m.caseNo);
      expect(m.outcome).toBe('AGREED');
      expect(day(c.appliedOn)).toBeGreaterThan(day(m.closedOn!));
      expect(c.decidedOn === null).toBe(c.status === 'APPLIED');
      // Within 15 days, a few up to 10 days late (late-decisions.test.ts counts them).
      if (c.decidedOn) expect(day(c.decidedOn) - day(c.appliedOn)).toBeLessThanOrEqual(15 + 10);
    }
    for (const aid of world.justice.legalAidCases) {
      const parties = [
        mediations.get(aid.disputeNo)?.workers,
        arbitrations.get(aid.disputeNo)?.applicants,
        peoples.get(aid.disputeNo)?.parties,
      ].flatMap((p) => p ?? []);
      expect(parties.map((p) => p.idNumber)).toContain(aid.applicant.idNumber);
      expect(aid.hardshipEvidence === null).toBe(aid.eligibilityBasis === 'MIGRANT_WAGE_CLAIM');
      expect(aid.lawyer !== null).toBe(aid.status === 'GRANTED' || aid.status === 'CLOSED');
      if (aid.grantedOn) expect(day(aid.grantedOn) - day(aid.appliedOn)).toBeLessThanOrEqual(7 + 5);
    }
    const referred = world.union.legalConsultations.filter((c) => c.referredToLegalAid);
    expect(referred.length).toBeGreaterThan(10);
    const aided = new Set(world.justice.legalAidCases.map((a) => a.disputeNo));
    for (const c of referred) expect(aided.has(c.disputeNo!)).toBe(true);
  });

  it("holds people's mediation at committees that existed by then", () => {
    const committees = new Map(world.justice.committees.map((c) => [c.code, c]));
    expect(new Set(world.justice.committees.map((c) => c.level)).size).toBe(5);
    for (const c of world.justice.peopleMediationCases) {
      expect(day(c.appliedOn)).toBeGreaterThanOrEqual(day(committees.get(c.committeeCode)!.establishedOn));
      expect(c.closedOn === null).toBe(c.outcome === null);
    }
  });
});

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

describe("generateWorld: the seeds' stories", () => {
  const enterprise = (code: string) => world.hr.enterprises.find((e) => e.creditCode === code);

  it('lays off 200 at the electronics firm, placed with the hiring chip maker', () => {
    for (const code of Object.values(STORY_ENTERPRISES)) expect(isValidUscc(code)).toBe(true);
    expect(enterprise(STORY_ENTERPRISES.electronicsLayoff)?.name).toBe('北京亦庄芯联电子有限公司');
    const chipMaker = enterprise(STORY_ENTERPRISES.chipMakerHiring)!;
    expect(chipMaker.industry).toBe('集成电路');
    const layoff = world.hr.layoffReports.find((r) => r.enterpriseCreditCode === STORY_ENTERPRISES.electronicsLayoff)!;
    expect(layoff.plannedCount).toBe(200);
    expect(layoff.reason).toMatch(/订单.*下滑/);
    expect(layoff.placementPlan).toContain(chipMaker.name);
    const placed = world.hr.workers.filter((w) => w.employerCreditCode === chipMaker.creditCode);
    expect(placed.length).toBeGreaterThan(10);
  });

  it('owes wages on the construction project, with cases and legal aid without a hardship check', () => {
    const code = STORY_ENTERPRISES.constructionArrears;
    expect(enterprise(code)?.industry).toBe('建筑施工');
    const alert = world.hr.wageArrearsAlerts.find((a) => a.enterpriseCreditCode === code)!;
    expect(['RED', 'ORANGE']).toContain(alert.level);
    expect(alert.project).toContain('安置房');
    expect(Number(alert.amountOwed)).toBeGreaterThanOrEqual(100_000);
    expect(alert.workersAffected).toBeGreaterThanOrEqual(24);
    expect(world.union.mediationCases.some((m) => m.enterpriseCreditCode === code)).toBe(true);
    expect(world.hr.arbitrationCases.some((a) => a.respondentCreditCode === code)).toBe(true);
    const aid = world.justice.legalAidCases.filter((a) => a.enterpriseCreditCode === code);
    expect(aid.filter((a) => a.eligibilityBasis === 'MIGRANT_WAGE_CLAIM' && a.hardshipEvidence === null).length).toBeGreaterThanOrEqual(3);
  });
});
