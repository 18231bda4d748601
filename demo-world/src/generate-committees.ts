/**
 * People's mediation committees in the five-level network of the seeds (enterprise, industry, town,
 * zone, district). The zone-level structure is fixed; enterprise committees come with large employers
 * and so grow with the scale.
 */
import type { CommitteeLevel, DemoEnterprise, DemoPeopleMediationCommittee } from './world.types';
import { randomEnterprises, scaled, type GenContext } from './context';
import { dayOf, dayOfYmd, isoOf } from './dates';
import { DISTRICTS } from './vocab-places';

const INDUSTRY_COMMITTEES: readonly string[] = ['建筑施工', '物流仓储', '餐饮住宿', '电子信息'];

export function addCommittees(ctx: GenContext): void {
  const prng = ctx.rng('committees');
  const committees = ctx.world.justice.committees;
  // Committees predate the cases of the window, so that no case comes before its committee.
  const latest = ctx.windowStart - 30;
  const add = (name: string, level: CommitteeLevel, district: string, enterprise: DemoEnterprise | null, earliest: number): void => {
    committees.push({
      code: `TWH-${String(committees.length + 1).padStart(4, '0')}`,
      name,
      level,
      district,
      enterpriseCreditCode: enterprise ? enterprise.creditCode : null,
      mediatorCount: level === 'ENTERPRISE' ? prng.int(2, 5) : prng.int(5, 15),
      establishedOn: isoOf(prng.int(Math.min(earliest, latest), Math.min(earliest + 1800, latest))),
    } satisfies DemoPeopleMediationCommittee);
  };
  add('大兴区劳动争议人民调解委员会', 'DISTRICT', '亦庄镇', null, dayOfYmd(2008, 1, 1));
  add('北京经济技术开发区劳动争议人民调解委员会', 'ZONE', '核心区', null, dayOfYmd(2009, 8, 17));
  for (const district of DISTRICTS) {
    if (district.name !== '核心区') add(`${district.name}人民调解委员会`, 'TOWN', district.name, null, dayOfYmd(2010, 1, 1));
  }
  for (const industry of INDUSTRY_COMMITTEES) {
    add(`开发区${industry}行业人民调解委员会`, 'INDUSTRY', '核心区', null, dayOfYmd(2012, 1, 1));
  }
  // Seeds: 59 enterprise mediation bodies in the zone; here a share of the larger employers.
  const hostEarliest = (e: DemoEnterprise): number => Math.max(dayOfYmd(2011, 1, 1), dayOf(e.registeredOn) + 365);
  const hosts = randomEnterprises(ctx).filter((e) => e.employeeCount >= 300 && hostEarliest(e) <= latest);
  for (const e of prng.shuffle(hosts).slice(0, scaled(ctx, 18)))
    add(`${e.name}人民调解委员会`, 'ENTERPRISE', e.district, e, hostEarliest(e));
}

export function committeeIndustry(committee: DemoPeopleMediationCommittee): string | null {
  const match = /^开发区(.+)行业人民调解委员会$/.exec(committee.name);
  return match ? match[1]! : null;
}
