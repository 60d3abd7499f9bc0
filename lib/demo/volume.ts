/**
 * How many events each (day, hour, stream) cell gets. Computed up front over cells (days x 24 x ~30 numbers,
 * independent of the event count) so that the total is exactly the number asked for and memory stays flat.
 */
import { UNATTRIBUTED_SHARE } from "./company";
import type { DemoIncidents } from "./incidents";
import { Rng } from "./rng";
import { DAY_MS, DIURNAL, HOUR_MS, WEEKEND_FACTOR, growthFactor, isWeekend, type DemoWindow } from "./schedule";
import type { Stream } from "./streams";

/** Day-to-day and hour-to-hour wobble (lognormal sd in log space) so charts do not look machine-made. */
const DAY_NOISE = 0.12;
const HOUR_NOISE = 0.1;

/** Cell index of (day, hour, stream) in the arrays below. */
export const cellIndex = (day: number, hour: number, stream: number, streamCount: number) => (day * 24 + hour) * streamCount + stream;

/** Relative expected volume of every cell. */
export function cellWeights(streams: Stream[], window: DemoWindow, incidents: DemoIncidents, rng: Rng): Float64Array {
  const S = streams.length;
  const weights = new Float64Array(window.days * 24 * S);
  const { runaway } = incidents;
  const runawayStream = streams.findIndex((s) => s.workload === runaway.workload);
  let attributed = 0;
  let unattributed = 0;
  for (let d = 0; d < window.days; d++) {
    const dayStart = window.startMs + d * DAY_MS;
    const weekend = isWeekend(dayStart);
    for (let s = 0; s < S; s++) {
      const spec = streams[s].spec;
      const day =
        spec.dailyCalls *
        growthFactor(spec.monthlyGrowth, d) *
        (weekend ? WEEKEND_FACTOR[spec.rhythm] : 1) *
        rng.lognormal(-(DAY_NOISE * DAY_NOISE) / 2, DAY_NOISE);
      const diurnal = DIURNAL[spec.rhythm];
      for (let h = 0; h < 24; h++) {
        const hourStart = dayStart + h * HOUR_MS;
        // The last day may end at endDate mid-day: hours past it get nothing, the hour containing it a fraction.
        const inWindow = Math.max(0, Math.min(1, (window.endMs - hourStart) / HOUR_MS));
        let w = (day / 24) * diurnal[h] * inWindow * rng.lognormal(-(HOUR_NOISE * HOUR_NOISE) / 2, HOUR_NOISE);
        if (s === runawayStream && d === runaway.day && h >= runaway.startHourUtc && h < runaway.startHourUtc + runaway.hours) {
          w *= runaway.multiplier;
        }
        weights[cellIndex(d, h, s, S)] = w;
        if (streams[s].unattributed) unattributed += w;
        else attributed += w;
      }
    }
  }
  // Unattributed sources' dailyCalls only set their mix; scale them to UNATTRIBUTED_SHARE of the whole.
  if (unattributed > 0 && attributed > 0) {
    const scale = ((UNATTRIBUTED_SHARE / (1 - UNATTRIBUTED_SHARE)) * attributed) / unattributed;
    for (let d = 0; d < window.days; d++)
      for (let h = 0; h < 24; h++)
        for (let s = 0; s < S; s++) if (streams[s].unattributed) weights[cellIndex(d, h, s, S)] *= scale;
  }
  return weights;
}

/**
 * Integer counts proportional to `weights` summing to exactly `total`: systematic sampling, i.e. cut the cumulative
 * weight line at `offset`, `offset + 1`, ... (in units of total/weightSum). Each cell gets floor or ceil of its
 * expected count, in one pass and without sorting (largest-remainder would need a sort over all cells).
 * `offset` in [0, 1) is random so that small cells are not biased.
 */
export function apportion(weights: Float64Array, total: number, offset: number): Uint32Array {
  const counts = new Uint32Array(weights.length);
  if (total === 0) return counts;
  let sum = 0;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] < 0 || !Number.isFinite(weights[i])) throw new Error(`demo volume: bad weight ${weights[i]} at cell ${i}`);
    sum += weights[i];
    if (weights[i] > 0) last = i;
  }
  if (last < 0) throw new Error("demo volume: all weights are zero");
  const scale = total / sum;
  let cum = 0;
  let prev = 0;
  for (let i = 0; i <= last; i++) {
    cum += weights[i];
    // The last non-empty cell's boundary is pinned to `total`, absorbing float drift, so the sum is exact
    // (pinning a zero-weight cell could put an event past endDate).
    const boundary = i === last ? total : Math.min(total, Math.floor(cum * scale + offset));
    counts[i] = boundary - prev;
    prev = boundary;
  }
  return counts;
}
