/**
 * The seeds' stories as fixed records, the same at every scale and seed, for demos, tests and README
 * examples:
 * (a) an electronics firm lays off 200 workers; the bimonthly joint meeting hears of it and the union
 *     places them with a chip maker that is hiring;
 * (b) a builder owes wages to dozens of migrant workers on a resettlement-housing project: a red
 *     warning, a complaint inspection, lapsed mediation, arbitration, legal aid without a hardship check,
 *     and an earlier worker's case that went through award, lawsuit and enforcement.
 * Their dates count back from the as-of day, so the stories are always current.
 */
import type { DemoEnterprise } from './world.types';

/** Credit codes of the story enterprises (valid USCCs; see `enterprise-codes.ts` for how they are built). */
export const STORY_ENTERPRISES = {
  /** 北京亦庄芯联电子有限公司: about 800 employees, lays off 200. */
  electronicsLayoff: '91110302802205163G',
  /** 北京京芯半导体科技有限公司: the chip maker that hires them. */
  chipMakerHiring: '91110302MA00F7LK33',
  /** 北京京开建工集团有限公司: owes wages on the resettlement-housing project. */
  constructionArrears: '91110115102884310L',
} as const;

export type StoryEnterprise = keyof typeof STORY_ENTERPRISES;

/** The building project of story (b). */
export const STORY_PROJECT = '亦庄新城C2地块安置房项目';

/** What story (b) owes: 486,300.00 yuan to 58 workers, a red warning. */
export const STORY_ARREARS = { amountFen: 48_630_000, workers: 58 } as const;

/** The layoff of story (a). */
export const STORY_LAYOFF_COUNT = 200;

/** The story's own random stream, independent of the world's seed. */
export const STORY_SEED = 0x20140601;

export const STORY_ENTERPRISE_RECORDS: Readonly<Record<StoryEnterprise, DemoEnterprise>> = {
  electronicsLayoff: {
    creditCode: STORY_ENTERPRISES.electronicsLayoff,
    name: '北京亦庄芯联电子有限公司',
    industry: '电子信息',
    district: '核心区',
    address: '北京市北京经济技术开发区科创十三街18号院3号楼',
    ownership: 'PRIVATE',
    employeeCount: 800,
    registeredOn: '2006-05-18',
  },
  chipMakerHiring: {
    creditCode: STORY_ENTERPRISES.chipMakerHiring,
    name: '北京京芯半导体科技有限公司',
    industry: '集成电路',
    district: '核心区',
    address: '北京市北京经济技术开发区经海三路109号',
    ownership: 'PRIVATE',
    employeeCount: 2600,
    registeredOn: '2016-09-12',
  },
  constructionArrears: {
    creditCode: STORY_ENTERPRISES.constructionArrears,
    name: '北京京开建工集团有限公司',
    industry: '建筑施工',
    district: '亦庄镇',
    address: '北京市大兴区亦庄镇泰河路6号',
    ownership: 'PRIVATE',
    employeeCount: 420,
    registeredOn: '2003-03-26',
  },
};

export const STORY_TEXTS = {
  layoffReason: '受消费电子终端订单持续下滑影响，公司将声学器件产线转移至外地生产基地，北京工厂相关生产岗位撤销，拟裁减人员200名。',
  placementPlan:
    '公司已提前30日向工会说明情况并听取职工意见，依法支付经济补偿。开发区总工会经双月沟通会协调，组织正在扩产招工的北京京芯半导体科技有限公司开展专场招聘，优先录用被裁减职工；职工服务中心为其余职工提供职业介绍和技能培训。',
  layoffConsultationAnswer:
    '告知裁减人员二十人以上须提前三十日向工会或者全体职工说明情况、听取意见，并向劳动行政部门报告裁员方案；经济补偿按工作年限计算。',
  inspectionFindings: `经查，该公司承建的${STORY_PROJECT}拖欠58名农民工工资共计486300.00元，未按规定通过农民工工资专用账户按月足额发放，责令限期支付。`,
  mediationNotes:
    '企业以建设单位未按期拨付工程款为由拒绝支付，调解员多次协调未果。自申请之日起十五日内未达成调解协议，告知当事人可依法申请仲裁。',
  layoffMediationNotes: '被裁减职工对经济补偿计算基数有异议，调解员核对工资台账后组织双方协商。',
  suggestionSubject: '加强在建工程农民工工资支付监管',
  suggestionContent: `审理涉${STORY_PROJECT}追索劳动报酬案件中发现，施工企业未落实农民工工资专用账户和实名制管理，建议加强对在建工程工资支付的监督检查，防止欠薪问题扩大。`,
} as const;
