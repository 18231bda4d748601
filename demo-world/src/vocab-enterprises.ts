/**
 * Industries of the zone and the parts enterprise names are made of. Each industry also carries the
 * traits that shape its workforce and its disputes (construction: migrant, male, wage arrears; software:
 * local, severance and overtime), so that the risks later screened by the joint meeting sit where they
 * would in a real zone.
 */
import type { ClaimKind } from './vocab-claims';

export interface IndustryProfile {
  name: string;
  /** Share of the zone's enterprises. */
  weight: number;
  /** Business words that go between the trade name and the legal form. */
  terms: readonly string[];
  /** Multiplies the chance of being a large employer. */
  largeBias: number;
  /** Multiplies how often its enterprises appear in disputes. */
  disputeRisk: number;
  /** Share of workers from outside Beijing, and share of men. */
  migrantShare: number;
  maleShare: number;
  /** Typical monthly wage range in yuan. */
  monthlyWage: readonly [number, number];
  /** How often each kind of claim is raised against enterprises of this industry. */
  claimWeights: Readonly<Record<ClaimKind, number>>;
}

const FACTORY_CLAIMS: Record<ClaimKind, number> = {
  WAGES: 20,
  SEVERANCE: 30,
  OVERTIME: 20,
  DOUBLE_WAGES: 6,
  INJURY: 12,
  SOCIAL_INSURANCE: 12,
};
const OFFICE_CLAIMS: Record<ClaimKind, number> = {
  WAGES: 20,
  SEVERANCE: 40,
  OVERTIME: 22,
  DOUBLE_WAGES: 6,
  INJURY: 2,
  SOCIAL_INSURANCE: 10,
};
const SERVICE_CLAIMS: Record<ClaimKind, number> = {
  WAGES: 35,
  SEVERANCE: 15,
  OVERTIME: 15,
  DOUBLE_WAGES: 20,
  INJURY: 5,
  SOCIAL_INSURANCE: 10,
};

export const INDUSTRIES: readonly IndustryProfile[] = [
  {
    name: '电子信息',
    weight: 14,
    terms: ['电子', '微电子', '光电科技', '电子科技', '通信设备'],
    largeBias: 1.6,
    disputeRisk: 1.0,
    migrantShare: 0.55,
    maleShare: 0.5,
    monthlyWage: [6000, 14000],
    claimWeights: FACTORY_CLAIMS,
  },
  {
    name: '集成电路',
    weight: 6,
    terms: ['半导体科技', '集成电路', '芯片技术', '微电子科技'],
    largeBias: 2.2,
    disputeRisk: 0.6,
    migrantShare: 0.4,
    maleShare: 0.6,
    monthlyWage: [9000, 22000],
    claimWeights: OFFICE_CLAIMS,
  },
  {
    name: '新能源汽车',
    weight: 8,
    terms: ['新能源汽车', '汽车零部件', '动力电池', '智能驾驶科技'],
    largeBias: 1.8,
    disputeRisk: 1.0,
    migrantShare: 0.55,
    maleShare: 0.75,
    monthlyWage: [7000, 16000],
    claimWeights: FACTORY_CLAIMS,
  },
  {
    name: '生物医药',
    weight: 12,
    terms: ['生物医药', '制药', '生物科技', '医疗器械'],
    largeBias: 1.2,
    disputeRisk: 0.6,
    migrantShare: 0.35,
    maleShare: 0.45,
    monthlyWage: [8000, 18000],
    claimWeights: OFFICE_CLAIMS,
  },
  {
    name: '装备制造',
    weight: 16,
    terms: ['精密机械', '智能装备', '机器人科技', '机电设备', '自动化设备'],
    largeBias: 1.2,
    disputeRisk: 1.1,
    migrantShare: 0.6,
    maleShare: 0.8,
    monthlyWage: [6500, 13000],
    claimWeights: FACTORY_CLAIMS,
  },
  {
    name: '建筑施工',
    weight: 8,
    terms: ['建设工程', '建筑工程', '市政工程', '建筑劳务', '建筑装饰工程'],
    largeBias: 0.8,
    disputeRisk: 3.0,
    migrantShare: 0.9,
    maleShare: 0.95,
    monthlyWage: [6000, 11000],
    claimWeights: { WAGES: 60, SEVERANCE: 5, OVERTIME: 5, DOUBLE_WAGES: 12, INJURY: 14, SOCIAL_INSURANCE: 4 },
  },
  {
    name: '物流仓储',
    weight: 8,
    terms: ['物流', '供应链管理', '仓储服务', '速递'],
    largeBias: 0.8,
    disputeRisk: 1.8,
    migrantShare: 0.75,
    maleShare: 0.75,
    monthlyWage: [5500, 10000],
    claimWeights: SERVICE_CLAIMS,
  },
  {
    name: '软件和信息服务',
    weight: 12,
    terms: ['软件', '信息技术', '数据科技', '网络科技', '云计算科技'],
    largeBias: 0.6,
    disputeRisk: 0.9,
    migrantShare: 0.3,
    maleShare: 0.65,
    monthlyWage: [10000, 28000],
    claimWeights: OFFICE_CLAIMS,
  },
  {
    name: '餐饮住宿',
    weight: 7,
    terms: ['餐饮管理', '酒店管理', '餐饮服务'],
    largeBias: 0.3,
    disputeRisk: 2.0,
    migrantShare: 0.8,
    maleShare: 0.45,
    monthlyWage: [4500, 8000],
    claimWeights: SERVICE_CLAIMS,
  },
  {
    name: '商贸零售',
    weight: 9,
    terms: ['商贸', '超市', '商业管理', '贸易'],
    largeBias: 0.4,
    disputeRisk: 1.2,
    migrantShare: 0.6,
    maleShare: 0.45,
    monthlyWage: [4800, 9000],
    claimWeights: SERVICE_CLAIMS,
  },
];

export function industryByName(name: string): IndustryProfile {
  const found = INDUSTRIES.find((i) => i.name === name);
  if (!found) throw new RangeError(`unknown industry: ${name}`);
  return found;
}

/** Characters of Chinese trade names (字号); two of them make one, e.g. 亦芯, 京瑞. */
export const TRADE_NAME_CHARS: readonly string[] = [
  ...'亦京开华芯联创达瑞博诚恒泰嘉新源科航远天宏鼎盛安康润景明卓越智汇通力合信和丰宇星海峰锐拓翔晟澜钧睿兴隆昌德益凯',
];

/** Trade names of foreign-invested firms, written the way their Chinese subsidiaries are registered. */
export const FOREIGN_TRADE_NAMES: readonly string[] = [
  '艾森',
  '莱特',
  '维恩',
  '科林',
  '德尔塔',
  '安特',
  '霍尔姆',
  '诺瓦',
  '卡尔',
  '塞勒',
  '贝克曼',
  '奥斯顿',
  '菲诺',
  '马克斯',
  '雷诺德',
  '斯坦',
  '欧瑞克',
  '泰勒',
  '哈维',
  '康迪',
  '博纳',
  '林德',
  '米勒',
  '威尔逊',
];
