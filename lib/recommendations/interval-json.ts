import type { PassInterval } from "@/lib/whatif/wilson";

/** A pass rate with its 95% Wilson interval as the API prints it (rounded to 1e-4: four digits are plenty). */
export function intervalJson(i: PassInterval | null) {
  if (!i) return null;
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return { passes: i.passes, tasks: i.tasks, rate: r(i.rate), low: r(i.low), high: r(i.high) };
}
