import { CASE_NUMBER_STYLES, caseNumberYear, isValidIdNumber, isValidUscc, type CaseNumberStyle } from '@labour/shared/ids';
import { WORLDS, expectUnique, yearOfIso } from './generate-world.fixtures';

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
