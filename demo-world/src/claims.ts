/**
 * Claims and the texts that answer them (mediation agreements, awards, judgments). Amounts are worked
 * out the way a worker's application does, from the monthly wage: months of unpaid wages, a month per
 * year of service for severance, up to eleven months of double wages, in whole fen.
 */
import type { Prng } from './prng';
import { chineseDateOf, monthOf, yearOf } from './dates';
import { yuanText } from './money';
import { CLAIM_LABELS, type ClaimKind } from './vocab-claims';
import type { IndustryProfile } from './vocab-enterprises';

export interface Claim {
  kinds: ClaimKind[];
  /** Numbered claim items, as written in an application. */
  text: string;
  amountFen: number;
  workerCount: number;
}

const ORDINALS = '一二三四五六七八九十';

export function wagePeriod(startDay: number, months: number): string {
  // The unpaid months end with the month before the dispute starts.
  let year = yearOf(startDay);
  let month = monthOf(startDay) - 1;
  if (month === 0) {
    month = 12;
    year -= 1;
  }
  let fromMonth = month - months + 1;
  let fromYear = year;
  if (fromMonth <= 0) {
    fromMonth += 12;
    fromYear -= 1;
  }
  if (months === 1) return `${year}年${month}月`;
  return fromYear === year ? `${year}年${fromMonth}月至${month}月` : `${fromYear}年${fromMonth}月至${year}年${month}月`;
}

function drawItem(prng: Prng, kind: ClaimKind, wageFen: number, startDay: number, construction: boolean): [string, number] {
  switch (kind) {
    case 'WAGES': {
      const months = prng.int(1, construction ? 6 : 3);
      const fen = months * wageFen;
      return [`支付${wagePeriod(startDay, months)}拖欠工资`, fen];
    }
    case 'SEVERANCE': {
      const years = prng.int(1, 10);
      if (prng.chance(0.3)) return ['支付违法解除劳动合同赔偿金', 2 * years * wageFen];
      return ['支付解除劳动合同经济补偿金', years * wageFen];
    }
    case 'OVERTIME':
      // Overtime is computed from an hourly rate, so it is the one claim that has fen in it.
      return ['支付延时加班及休息日加班工资', prng.int(150_000, 3_000_000)];
    case 'DOUBLE_WAGES':
      return ['支付未签订书面劳动合同二倍工资差额', prng.int(2, 11) * wageFen];
    case 'INJURY':
      return ['支付一次性伤残补助金、停工留薪期工资等工伤保险待遇', prng.int(300, 2200) * 10_000];
    case 'SOCIAL_INSURANCE':
      return ['赔偿未依法缴纳社会保险造成的损失', prng.int(30, 400) * 10_000];
  }
}

/** A claim by `workerCount` workers against an enterprise of `industry`, starting on `startDay`. */
export function drawClaim(prng: Prng, industry: IndustryProfile, workerCount: number, startDay: number, kinds?: ClaimKind[]): Claim {
  let chosen = kinds;
  if (!chosen) {
    const weights = Object.entries(industry.claimWeights) as [ClaimKind, number][];
    chosen = [prng.weighted(weights)];
    for (const extraChance of [0.35, 0.1]) {
      const extra = prng.weighted(weights);
      if (prng.chance(extraChance) && !chosen.includes(extra)) chosen.push(extra);
    }
  }
  const wageFen = prng.int(industry.monthlyWage[0] / 100, industry.monthlyWage[1] / 100) * 10_000;
  const construction = industry.name === '建筑施工';
  let amountFen = 0;
  const items: string[] = [];
  for (const kind of chosen) {
    const [phrase, perWorker] = drawItem(prng, kind, wageFen, startDay, construction);
    // Several workers claim similar but not equal sums; the application states the total.
    const fen = workerCount === 1 ? perWorker : Math.round((perWorker * workerCount * prng.int(85, 115)) / 100);
    amountFen += fen;
    items.push(`${phrase}${yuanText(fen)}`);
  }
  const prefix = workerCount > 1 ? `${workerCount}名申请人共同请求：` : '请求：';
  const text = prefix + items.map((item, i) => `${i + 1}.${item}`).join('；') + '。';
  return { kinds: chosen, text, amountFen, workerCount };
}

export function claimLabels(claim: Claim): string {
  return claim.kinds.map((k) => CLAIM_LABELS[k]).join('、');
}

export function agreementText(claim: Claim, agreedFen: number, payBy: number): string {
  const parts = [`被申请人于${chineseDateOf(payBy)}前一次性支付申请人${claimLabels(claim)}共计人民币${yuanText(agreedFen)}`];
  if (claim.kinds.includes('SEVERANCE')) parts.push('双方劳动关系依法解除，被申请人出具解除劳动关系证明');
  parts.push('双方就本次争议再无其他纠纷');
  return `双方自愿达成如下协议：${parts.map((p, i) => `${ORDINALS.charAt(i)}、${p}`).join('；')}。`;
}

export function awardText(claim: Claim, awardFen: number): string {
  const rest = awardFen < claim.amountFen ? '；驳回申请人的其他仲裁请求' : '';
  return `裁决被申请人于本裁决书生效之日起十日内支付申请人${claimLabels(claim)}共计人民币${yuanText(awardFen)}${rest}。`;
}

export function judgmentText(
  outcome: 'UPHELD' | 'PARTIALLY_UPHELD' | 'DISMISSED' | 'SETTLED' | 'WITHDRAWN',
  claim: Claim,
  fen: number,
): string {
  switch (outcome) {
    case 'UPHELD':
      return `判决被告于判决生效之日起十日内支付原告${claimLabels(claim)}共计人民币${yuanText(fen)}。`;
    case 'PARTIALLY_UPHELD':
      return `判决被告于判决生效之日起十日内支付原告${claimLabels(claim)}共计人民币${yuanText(fen)}；驳回原告的其他诉讼请求。`;
    case 'DISMISSED':
      return '判决驳回原告的全部诉讼请求。';
    case 'SETTLED':
      return `经本院主持调解，双方自愿达成协议：被告支付原告人民币${yuanText(fen)}，原告放弃其他诉讼请求。`;
    case 'WITHDRAWN':
      return '原告申请撤回起诉，本院裁定准许。';
  }
}
