/**
 * Grassroots unions and collective contracts. Larger enterprises mostly have their own union; small
 * ones join a joint union of their town or an industry federation; about one enterprise in five has
 * none, which the joint meeting later reads as a risk signal. Unionised enterprises sign three-year
 * collective contracts, which some let lapse.
 */
import type { ContractKind, DemoCollectiveContract, DemoEnterprise, DemoUnionOrganization } from './world.types';
import { numberRecord, type GenContext } from './context';
import type { Prng } from './prng';
import { addYears, dayOf, dayOfYmd, isoOf } from './dates';
import { hundredthsOf } from './money';
import { drawGender, drawName } from './people';

const FEDERATED_INDUSTRIES = new Set(['建筑施工', '物流仓储', '餐饮住宿']);
const JOINT_UNION_SIZE: readonly [number, number] = [3, 15];
const FEDERATION_SIZE = 40;

/** Chinese numerals up to 999 for ordinal names (第十二联合工会). */
function chineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits.charAt(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : digits.charAt(n % 10)}`;
  if (n < 100) return `${digits.charAt(Math.floor(n / 10))}十${n % 10 === 0 ? '' : digits.charAt(n % 10)}`;
  const rest = n % 100;
  const tail = rest === 0 ? '' : rest < 10 ? `零${digits.charAt(rest)}` : rest < 20 ? `一${chineseNumeral(rest)}` : chineseNumeral(rest);
  return `${digits.charAt(Math.floor(n / 100))}百${tail}`;
}

function members(prng: Prng, enterprises: readonly DemoEnterprise[]): number {
  let sum = 0;
  for (const e of enterprises) sum += Math.max(1, Math.round((e.employeeCount * prng.int(70, 98)) / 100));
  return sum;
}

function addOrganization(
  ctx: GenContext,
  prng: Prng,
  org: Omit<DemoUnionOrganization, 'chairName' | 'memberCount'> & { memberCount?: number },
  covered: readonly DemoEnterprise[],
): DemoUnionOrganization {
  const record: DemoUnionOrganization = {
    ...org,
    chairName: drawName(prng, drawGender(prng, 0.55)),
    memberCount: org.memberCount ?? members(prng, covered),
  };
  ctx.world.union.organizations.push(record);
  return record;
}

/** An enterprise's own union (企业工会), named after it; its member count drawn unless given. */
export function addEnterpriseUnion(
  ctx: GenContext,
  prng: Prng,
  e: DemoEnterprise,
  founding: { foundedOn: string; memberCount?: number },
): DemoUnionOrganization {
  return addOrganization(
    ctx,
    prng,
    { name: `${e.name}工会委员会`, kind: 'ENTERPRISE', enterpriseCreditCodes: [e.creditCode], district: e.district, ...founding },
    [e],
  );
}

/** Founded some time after the enterprise registered (a union needs 25 members), before the as-of day. */
function foundingDay(prng: Prng, ctx: GenContext, registeredOn: string): number {
  const earliest = dayOf(registeredOn) + 180;
  return earliest >= ctx.asOf - 30 ? ctx.asOf - 30 : prng.int(earliest, Math.min(earliest + 3000, ctx.asOf - 30));
}

function groupsOf<T>(prng: Prng, items: readonly T[], [min, max]: readonly [number, number]): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length;) {
    const size = prng.int(min, max);
    groups.push(items.slice(i, i + size));
    i += size;
  }
  return groups;
}

export function addRandomOrganizations(ctx: GenContext): void {
  const prng = ctx.rng('unions');
  const joint = new Map<string, DemoEnterprise[]>();
  const federated = new Map<string, DemoEnterprise[]>();
  for (const e of ctx.world.hr.enterprises) {
    if (ctx.storyCodes.has(e.creditCode)) continue;
    const own = e.employeeCount >= 100 ? 0.85 : e.employeeCount >= 25 ? 0.5 : 0;
    const pooled = e.employeeCount >= 100 ? 0 : e.employeeCount >= 25 ? 0.35 : 0.75;
    const r = prng.next();
    if (r < own) {
      addEnterpriseUnion(ctx, prng, e, { foundedOn: isoOf(foundingDay(prng, ctx, e.registeredOn)) });
    } else if (r < own + pooled) {
      const pool = FEDERATED_INDUSTRIES.has(e.industry) && prng.chance(0.5) ? federated : joint;
      const key = pool === federated ? e.industry : e.district;
      const pooledSoFar = pool.get(key);
      if (pooledSoFar) pooledSoFar.push(e);
      else pool.set(key, [e]);
    }
  }
  const latestFounding = ctx.asOf - 100;
  for (const [district, enterprises] of joint) {
    groupsOf(prng, enterprises, JOINT_UNION_SIZE).forEach((group, i) => {
      const foundedOn = isoOf(prng.int(Math.min(dayOfYmd(2010, 1, 1), latestFounding), latestFounding));
      const name = `${district}第${chineseNumeral(i + 1)}联合工会委员会`;
      addOrganization(
        ctx,
        prng,
        { name, kind: 'JOINT', enterpriseCreditCodes: group.map((e) => e.creditCode), district, foundedOn },
        group,
      );
    });
  }
  for (const [industry, enterprises] of federated) {
    groupsOf(prng, enterprises, [FEDERATION_SIZE, FEDERATION_SIZE]).forEach((group, i) => {
      const foundedOn = isoOf(prng.int(Math.min(dayOfYmd(2012, 1, 1), latestFounding), latestFounding));
      const name = `北京经济技术开发区${industry}行业工会联合会${i === 0 ? '' : `第${chineseNumeral(i + 1)}分会`}`;
      addOrganization(
        ctx,
        prng,
        { name, kind: 'INDUSTRY', enterpriseCreditCodes: group.map((e) => e.creditCode), district: '核心区', foundedOn },
        group,
      );
    });
  }
}

/** Files one contract; effective 15 days after filing, for three years. */
export function addContract(
  ctx: GenContext,
  e: DemoEnterprise,
  kind: ContractKind,
  signedDay: number,
  filedDay: number,
  pctHundredths: number,
  coveredWorkers: number,
  fixed = false,
): DemoCollectiveContract {
  const effectiveDay = filedDay + 15;
  const record: DemoCollectiveContract = {
    contractNo: '',
    enterpriseCreditCode: e.creditCode,
    kind,
    signedOn: isoOf(signedDay),
    filedOn: isoOf(filedDay),
    effectiveOn: isoOf(effectiveDay),
    expiresOn: isoOf(addYears(effectiveDay, 3) - 1),
    wageIncreasePct: hundredthsOf(pctHundredths),
    coveredWorkers,
  };
  numberRecord(ctx, 'contract', filedDay, fixed, (no) => {
    record.contractNo = no;
  });
  ctx.world.union.collectiveContracts.push(record);
  return record;
}

export function addRandomContracts(ctx: GenContext): void {
  const prng = ctx.rng('contracts');
  for (const org of ctx.world.union.organizations) {
    const founded = dayOf(org.foundedOn);
    for (const code of org.enterpriseCreditCodes) {
      if (ctx.storyCodes.has(code) || !prng.chance(0.9)) continue;
      const e = ctx.enterprises.get(code)!;
      // The latest filing falls within the last three years and nine months: about a fifth have expired.
      const earliest = Math.max(founded + 30, addYears(ctx.asOf, -3) - 270);
      if (earliest > ctx.asOf - 15) continue;
      let filedDay = prng.int(earliest, ctx.asOf - 15);
      const rounds = prng.chance(0.5) ? 2 : 1;
      for (let round = 0; round < rounds && filedDay >= founded + 30; round++) {
        const covered = Math.max(1, Math.round((e.employeeCount * prng.int(85, 100)) / 100));
        const signedDay = filedDay - prng.int(1, 20);
        // Wage contracts carry the agreed rise; special contracts (female workers, work safety) have none.
        const pct = prng.int(30, 85) * 10;
        addContract(ctx, e, e.employeeCount >= 100 ? 'COMPREHENSIVE' : 'WAGE', signedDay, filedDay, pct, covered);
        if (e.employeeCount >= 100) addContract(ctx, e, 'WAGE', signedDay, filedDay, pct, covered);
        if (e.employeeCount >= 100 && prng.chance(0.25))
          addContract(ctx, e, prng.pick<ContractKind>(['FEMALE_WORKERS', 'WORK_SAFETY']), signedDay, filedDay, 0, covered);
        filedDay = addYears(filedDay, -3);
      }
    }
  }
}
