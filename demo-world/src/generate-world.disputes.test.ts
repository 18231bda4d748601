import { DISPUTE_NO_PATTERN } from '@labour/shared/ids';
import type { DemoParty } from '.';
import { WORLDS, day, expectUnique, records, yearOfIso } from './generate-world.fixtures';

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
