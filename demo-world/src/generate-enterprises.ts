/**
 * The enterprises of the zone: at scale 1 the 560 of the park in the seeds, 95% of them non-public,
 * most of them small, a few large employers with 500-3000 workers.
 */
import type { DemoEnterprise, Ownership } from './world.types';
import { addEnterprise, scaled, type GenContext } from './context';
import type { Prng } from './prng';
import { dayOfYmd, isoOf } from './dates';
import { creditCodeOf, drawCodeBody } from './enterprise-codes';
import { DISTRICTS, type DistrictProfile } from './vocab-places';
import { FOREIGN_TRADE_NAMES, INDUSTRIES, TRADE_NAME_CHARS, type IndustryProfile } from './vocab-enterprises';

/** The park in the seeds: 560 enterprises (and 60,000 workers, about 107 per enterprise on average). */
export const ENTERPRISES_AT_SCALE_1 = 560;

const OWNERSHIPS: readonly (readonly [Ownership, number])[] = [
  ['PRIVATE', 70],
  ['FOREIGN_INVESTED', 12],
  ['HK_MACAO_TAIWAN_INVESTED', 5],
  ['JOINT_STOCK', 8],
  ['STATE_OWNED', 4],
  ['COLLECTIVE', 1],
];

function drawEmployeeCount(prng: Prng, industry: IndustryProfile): number {
  const band = prng.weighted<readonly [number, number] | 'large'>([
    [[5, 19], 40],
    [[20, 99], 36],
    [[100, 299], 14],
    [[300, 499], 4 * industry.largeBias],
    ['large', 2.5 * industry.largeBias],
  ]);
  // Large employers thin out towards 3000: a cube pulls most of them close to 500.
  if (band === 'large') return 500 + Math.floor(2500 * prng.next() ** 3);
  return prng.int(band[0], band[1]);
}

// The zone grew over time: later years register more enterprises.
const REGISTRATION_YEARS: readonly (readonly [number, number])[] = Array.from({ length: 31 }, (_, i) => [1995 + i, 1 + i * 0.15] as const);
const INDUSTRY_WEIGHTS = INDUSTRIES.map((x) => [x, x.weight] as const);
const DISTRICT_WEIGHTS = DISTRICTS.map((x) => [x, x.weight] as const);

function drawRegisteredDay(prng: Prng, latest: number): number {
  const year = prng.weighted(REGISTRATION_YEARS);
  return Math.min(latest, prng.int(dayOfYmd(year, 1, 1), dayOfYmd(year, 12, 31)));
}

function drawName(prng: Prng, ctx: GenContext, industry: IndustryProfile, ownership: Ownership, employees: number): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const term = prng.pick(industry.terms);
    const trade = prng.pick(TRADE_NAME_CHARS) + prng.pick(TRADE_NAME_CHARS);
    let name: string;
    if (ownership === 'FOREIGN_INVESTED' && attempt < 25) name = `${prng.pick(FOREIGN_TRADE_NAMES)}（北京）${term}有限公司`;
    else if (ownership === 'JOINT_STOCK') name = `北京${trade}${term}股份有限公司`;
    else if (employees >= 1000 && prng.chance(0.3)) name = `北京${trade}${term}集团有限公司`;
    else name = `北京${trade}${term}有限公司`;
    if (!ctx.used.enterpriseNames.has(name)) return name;
  }
  throw new Error('ran out of enterprise names');
}

function drawAddress(prng: Prng, district: DistrictProfile): string {
  let address = `${district.addressPrefix}${prng.pick(district.roads)}${prng.int(1, 88)}号`;
  if (prng.chance(0.5)) address += `${prng.int(1, 12)}号楼`;
  if (prng.chance(0.3)) address += `${prng.int(1, 6)}层`;
  return address;
}

function drawCreditCode(prng: Prng, ctx: GenContext, district: DistrictProfile, registeredDay: number): string {
  for (;;) {
    const code = creditCodeOf(prng.weighted(district.usccRegions), drawCodeBody(prng, registeredDay));
    if (!ctx.used.creditCodes.has(code)) return code;
  }
}

export function addRandomEnterprises(ctx: GenContext): void {
  const prng = ctx.rng('enterprises');
  const count = scaled(ctx, ENTERPRISES_AT_SCALE_1, 20) - ctx.world.hr.enterprises.length;
  const latest = Math.min(dayOfYmd(2025, 12, 31), ctx.asOf - 60);
  for (let i = 0; i < count; i++) {
    const industry = prng.weighted(INDUSTRY_WEIGHTS);
    const district = prng.weighted(DISTRICT_WEIGHTS);
    const ownership = prng.weighted(OWNERSHIPS);
    const employeeCount = drawEmployeeCount(prng, industry);
    const registeredDay = drawRegisteredDay(prng, latest);
    const enterprise: DemoEnterprise = {
      creditCode: drawCreditCode(prng, ctx, district, registeredDay),
      name: drawName(prng, ctx, industry, ownership, employeeCount),
      industry: industry.name,
      district: district.name,
      address: drawAddress(prng, district),
      ownership,
      employeeCount,
      registeredOn: isoOf(registeredDay),
    };
    addEnterprise(ctx, enterprise);
  }
}
