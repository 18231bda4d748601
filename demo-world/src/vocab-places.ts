/**
 * Places: the subdivisions of a Beijing development zone (modelled on 北京经济技术开发区, whose core
 * area has its own administrative code 110302 while the surrounding towns belong to 大兴 and 通州), and
 * the home regions printed in workers' ID numbers.
 */
export interface DistrictProfile {
  name: string;
  /** Share of the zone's enterprises located here. */
  weight: number;
  /** Administrative codes an enterprise here may carry in its credit code, with weights. */
  usccRegions: readonly (readonly [string, number])[];
  /** Address prefix up to the street. */
  addressPrefix: string;
  roads: readonly string[];
}

export const DISTRICTS: readonly DistrictProfile[] = [
  {
    name: '核心区',
    weight: 45,
    usccRegions: [
      ['110302', 85],
      ['110115', 15],
    ],
    addressPrefix: '北京市北京经济技术开发区',
    roads: [
      '科创六街',
      '科创十三街',
      '科创十四街',
      '荣华中路',
      '荣华南路',
      '宏达北路',
      '宏达南路',
      '永昌北路',
      '永昌南路',
      '地盛北街',
      '康定街',
      '兴业街',
      '万源街',
      '经海三路',
    ],
  },
  {
    name: '亦庄镇',
    weight: 12,
    usccRegions: [
      ['110115', 60],
      ['110302', 40],
    ],
    addressPrefix: '北京市大兴区亦庄镇',
    roads: ['泰河路', '鹿海园路', '小羊坊路', '成寿寺路'],
  },
  {
    name: '旧宫镇',
    weight: 10,
    usccRegions: [
      ['110115', 70],
      ['110302', 30],
    ],
    addressPrefix: '北京市大兴区旧宫镇',
    roads: ['德茂街', '旧宫西路', '庑殿路', '清和路'],
  },
  {
    name: '瀛海镇',
    weight: 10,
    usccRegions: [
      ['110115', 70],
      ['110302', 30],
    ],
    addressPrefix: '北京市大兴区瀛海镇',
    roads: ['瀛海路', '兴海路', '南海子路', '京福路'],
  },
  {
    name: '马驹桥镇',
    weight: 13,
    usccRegions: [
      ['110112', 60],
      ['110302', 40],
    ],
    addressPrefix: '北京市通州区马驹桥镇',
    roads: ['兴贸一街', '兴贸二街', '景盛南四街', '金桥科技产业基地环科中路'],
  },
  {
    name: '台湖镇',
    weight: 10,
    usccRegions: [
      ['110112', 60],
      ['110302', 40],
    ],
    addressPrefix: '北京市通州区台湖镇',
    roads: ['兴光二街', '兴光四街', '光机电一体化产业基地兴光五街', '台湖西路'],
  },
];

/** Home regions on ID numbers: Beijing districts and counties in the provinces most migrant workers come from. */
export const BEIJING_ID_REGIONS: readonly string[] = ['110101', '110102', '110105', '110106', '110108', '110112', '110114', '110115'];

export const MIGRANT_ID_REGIONS: readonly (readonly [string, number])[] = [
  ['410122', 5],
  ['411323', 4],
  ['412725', 4],
  ['411522', 3],
  ['410526', 3], // 河南
  ['511722', 4],
  ['511724', 3],
  ['510821', 3],
  ['511321', 3], // 四川
  ['341222', 4],
  ['341621', 3],
  ['340321', 3], // 安徽
  ['130681', 3],
  ['130627', 2],
  ['131182', 2],
  ['130125', 2], // 河北
  ['371321', 2],
  ['370883', 2],
  ['371721', 2], // 山东
];
