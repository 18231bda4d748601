import { isValidUscc } from '@labour/shared/ids';
import { STORY_ENTERPRISES } from '.';
import { world } from './generate-world.fixtures';

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
