/**
 * Who disputes with whom: enterprises weighted by their industry's dispute risk and (less than
 * proportionally) by size, parties drawn from the enterprise's workers on the register, and now and
 * then a worker who has already left and is between jobs. A worker rarely appears in two disputes.
 */
import type { DemoEnterprise, DemoParty, DemoWorker } from './world.types';
import { randomEnterprises, randomWorkers, type GenContext } from './context';
import { WeightedTable, type Prng } from './prng';
import { partyOf } from './dispute-model';
import { industryByName, type IndustryProfile } from './vocab-enterprises';

export class PartyPicker {
  private readonly table: WeightedTable<DemoEnterprise>;
  private readonly involved = new Set<string>();
  private readonly formerWorkers: DemoWorker[];

  constructor(private readonly ctx: GenContext) {
    const candidates = randomEnterprises(ctx).filter((e) => (ctx.workersByEmployer.get(e.creditCode)?.length ?? 0) > 0);
    this.formerWorkers = randomWorkers(ctx, true);
    this.table = new WeightedTable(candidates, (e) => industryByName(e.industry).disputeRisk * Math.sqrt(e.employeeCount));
  }

  drawEnterprise(prng: Prng): DemoEnterprise {
    return this.table.draw(prng);
  }

  /** How many workers bring the dispute together: mostly one, sometimes a group, rarely a collective dispute. */
  drawCount(prng: Prng, industry: IndustryProfile): number {
    const collective = industry.name === '建筑施工' ? 15 : 4;
    const band = prng.weighted<readonly [number, number]>([
      [[1, 1], 85],
      [[2, 4], 11],
      [[5, 12], collective],
    ]);
    return prng.int(band[0], band[1]);
  }

  drawParties(prng: Prng, enterprise: DemoEnterprise, count: number): DemoParty[] {
    if (count === 1 && prng.chance(0.2)) {
      const former = this.drawFresh(prng, this.formerWorkers);
      if (former) return [partyOf(former)];
    }
    const staff = this.ctx.workersByEmployer.get(enterprise.creditCode) ?? [];
    const parties: DemoParty[] = [];
    for (let i = 0; i < count; i++) {
      const worker = this.drawFresh(prng, staff);
      if (!worker) break;
      parties.push(partyOf(worker));
    }
    if (parties.length === 0) parties.push(partyOf(prng.pick(staff)));
    return parties;
  }

  /** A worker from `pool` not yet in any dispute, or null after a few misses. */
  private drawFresh(prng: Prng, pool: readonly DemoWorker[]): DemoWorker | null {
    if (pool.length === 0) return null;
    for (let attempt = 0; attempt < 8; attempt++) {
      const worker = prng.pick(pool);
      if (!this.involved.has(worker.idNumber)) {
        this.involved.add(worker.idNumber);
        return worker;
      }
    }
    return null;
  }
}
