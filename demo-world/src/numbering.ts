/**
 * Case and record numbers. Every series counts per year, the year being the one of the filing date.
 *
 * Records are numbered in two passes so that numbers follow filing order: generators ask for a number
 * `later` with the filing day and a setter, and `finish` hands out numbers sorted by day. The story
 * records take theirs `now`, before everything else, so that they keep the same numbers at every
 * scale and seed. References between records (a lawsuit's arbitration case number) are copied in
 * `afterwards` callbacks, which run once all numbers exist.
 */
import { Prng } from './prng';
import { yearOf } from './dates';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Court of the zone: 北京市大兴区人民法院 (court code 京0115). Appeals carry the same code, as the court
 * subgraph's examples do, since the shared case-number style requires a four-digit court code.
 */
const COURT = '京0115';

interface SeriesStyle {
  format(year: number, seq: number): string;
  /** Courts number all civil cases in one series, so labour cases leave gaps between them. */
  gap?: readonly [number, number];
}

const SERIES = {
  arbitration: { format: (y, n) => `京开劳人仲字〔${y}〕第${pad(n, 4)}号` },
  unionMediation: { format: (y, n) => `京开工调字〔${y}〕第${pad(n, 4)}号` },
  civilFirst: { format: (y, n) => `（${y}）${COURT}民初${n}号`, gap: [3, 40] },
  civilAppeal: { format: (y, n) => `（${y}）${COURT}民终${n}号`, gap: [1, 10] },
  civilSpecial: { format: (y, n) => `（${y}）${COURT}民特${n}号`, gap: [1, 12] },
  enforcement: { format: (y, n) => `（${y}）${COURT}执${n}号`, gap: [5, 60] },
  suggestion: { format: (y, n) => `（${y}）${COURT}司建${n}号`, gap: [1, 3] },
  legalAid: { format: (y, n) => `京开法援〔${y}〕第${pad(n, 4)}号` },
  peopleMediation: { format: (y, n) => `京开人调〔${y}〕第${pad(n, 4)}号` },
  disputeUN: { format: (y, n) => `LD-UN-${y}-${pad(n, 6)}` },
  disputeHR: { format: (y, n) => `LD-HR-${y}-${pad(n, 6)}` },
  disputeJU: { format: (y, n) => `LD-JU-${y}-${pad(n, 6)}` },
  inspection: { format: (y, n) => `JC-${y}-${pad(n, 5)}` },
  alert: { format: (y, n) => `YJ-${y}-${pad(n, 5)}` },
  layoff: { format: (y, n) => `CY-${y}-${pad(n, 5)}` },
  contract: { format: (y, n) => `HT-${y}-${pad(n, 5)}` },
  aid: { format: (y, n) => `BF-${y}-${pad(n, 5)}` },
  consultation: { format: (y, n) => `ZX-${y}-${pad(n, 5)}` },
} satisfies Record<string, SeriesStyle>;

export type Series = keyof typeof SERIES;

interface Pending {
  series: Series;
  day: number;
  order: number;
  apply: (no: string) => void;
}

export class Numbering {
  private readonly last = new Map<string, number>();
  private readonly pending: Pending[] = [];
  private readonly fixups: (() => void)[] = [];
  // A fixed seed: gaps must not depend on the world's seed, or the story's court numbers would.
  private readonly gaps = new Prng(0x0115);
  private finished = false;

  /** The next number of a series, right away. */
  now(series: Series, day: number): string {
    const year = yearOf(day);
    const key = `${series}:${year}`;
    const style: SeriesStyle = SERIES[series];
    const step = style.gap ? this.gaps.int(style.gap[0], style.gap[1]) : 1;
    const seq = (this.last.get(key) ?? 0) + step;
    this.last.set(key, seq);
    return style.format(year, seq);
  }

  /** A number handed out in filing order when `finish` runs. */
  later(series: Series, day: number, apply: (no: string) => void): void {
    if (this.finished) throw new Error('numbering has already finished');
    this.pending.push({ series, day, order: this.pending.length, apply });
  }

  /** Runs after all numbers are handed out. */
  afterwards(fixup: () => void): void {
    this.fixups.push(fixup);
  }

  finish(): void {
    this.finished = true;
    this.pending.sort((a, b) => a.day - b.day || a.order - b.order);
    for (const p of this.pending) p.apply(this.now(p.series, p.day));
    for (const fixup of this.fixups) fixup();
  }
}
