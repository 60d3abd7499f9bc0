/**
 * Wilson score interval for a pass rate measured on a finite eval set. An eval of n tasks is a sample: 95 passes
 * out of 100 is consistent with a true rate anywhere from ~88.8% to ~97.8%, so "95% >= a 95% floor" is weak
 * evidence. Verdicts that call evidence strong compare the interval's LOWER bound with the floor.
 *
 * Wilson rather than the normal approximation (p ± z·sqrt(p(1-p)/n)) because it stays inside [0, 1] and behaves at
 * p = 0 or 1 and small n, which is exactly where eval sets of a few dozen tasks live.
 */

/** Two-sided 95%: the 97.5th percentile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

export interface PassInterval {
  passes: number;
  tasks: number;
  /** passes / tasks */
  rate: number;
  /** 95% Wilson lower bound. */
  low: number;
  /** 95% Wilson upper bound. */
  high: number;
}

export function wilsonInterval(passes: number, tasks: number, z: number = Z_95): PassInterval {
  if (!Number.isInteger(passes) || !Number.isInteger(tasks) || tasks < 0 || passes < 0 || passes > tasks) {
    throw new RangeError(`wilsonInterval: need whole numbers 0 <= passes <= tasks, got ${passes}/${tasks}`);
  }
  if (tasks === 0) return { passes, tasks, rate: 0, low: 0, high: 1 };
  const p = passes / tasks;
  const z2 = z * z;
  const denom = 1 + z2 / tasks;
  const centre = (p + z2 / (2 * tasks)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / tasks + z2 / (4 * tasks * tasks))) / denom;
  return { passes, tasks, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** "95.0% (95% CI 88.8–97.8%, 100 tasks)" */
export function describeInterval(i: PassInterval): string {
  return `${pct(i.rate)} (95% CI ${pct(i.low)}–${pct(i.high)}, ${i.tasks} tasks)`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
