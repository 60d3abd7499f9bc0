/** Running totals: baseline in nanos, scenario as exact numerators over DEN (rounded only when reported). */
import { divRound } from "./ratio";
import { DEN, type GroupCost } from "./group-cost";

export class Bucket {
  calls = 0;
  baseline = 0n;
  point = 0n;
  low = 0n;
  high = 0n;

  add(calls: number, baseline: bigint, cost: GroupCost): void {
    this.calls += calls;
    this.baseline += baseline;
    this.point += cost.point;
    this.low += cost.low;
    this.high += cost.high;
  }

  get scenarioNanos(): bigint {
    return divRound(this.point, DEN);
  }
  get lowNanos(): bigint {
    return divRound(this.low, DEN);
  }
  get highNanos(): bigint {
    return divRound(this.high, DEN);
  }
  /** baseline - scenario, rounded once from the exact numerators. */
  get savingsNanos(): bigint {
    return divRound(this.baseline * DEN - this.point, DEN);
  }
}

export function bucketIn<K>(map: Map<K, Bucket>, key: K): Bucket {
  let b = map.get(key);
  if (!b) map.set(key, (b = new Bucket()));
  return b;
}
