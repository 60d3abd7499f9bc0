/**
 * Spend spikes: a day far above what the scope usually spends on that weekday.
 *
 * robust z = (x - median) / (1.4826 * MAD) over the previous 4-8 same weekdays. 1.4826 * MAD estimates the standard
 * deviation for normal data while ignoring earlier outliers. The MAD is floored (at a share of the median and at an
 * absolute amount) so a perfectly flat history does not turn a cent of noise into an infinite z; a spike must also
 * be at least `minSizeNanos` in dollars to be worth anyone's attention.
 */
import { divRound, mad, median } from "@/lib/forecast/bigint-stats";
import { eachDay } from "@/lib/forecast/utc-days";
import { formatUsd, scopeLabel, weekdayName } from "./format";
import type { DaySpend, ScopeRef, SpendAnomaly } from "./types";
import { earliestDay, sameWeekdayHistory, spendMap } from "./weekday-history";

export interface SpikeOptions {
  /** Fewer same-weekday samples than this: no verdict (default 4). */
  minWeeks?: number;
  /** Same-weekday samples used at most (default 8). */
  maxWeeks?: number;
  /** Robust z at or above which a day is a spike (default 4). */
  zThreshold?: number;
  /** Smallest spike worth flagging, x - median (default $20). */
  minSizeNanos?: bigint;
  /** MAD floor as a share of the median, in parts per million (default 100_000 = 10%). */
  madFloorPpm?: bigint;
  /** Absolute MAD floor (default $1). */
  madFloorNanos?: bigint;
}

export interface SpikeInput {
  scope: ScopeRef;
  daily: readonly DaySpend[];
  /** Days to judge, inclusive. */
  from: string;
  to: string;
  /** First day with data for the scope (default: earliest day in `daily`). */
  dataStart?: string;
  options?: SpikeOptions;
}

export const MAD_TO_SIGMA = 1.4826;

export function detectSpikes(input: SpikeInput): SpendAnomaly[] {
  const o = input.options ?? {};
  const minWeeks = o.minWeeks ?? 4;
  const maxWeeks = o.maxWeeks ?? 8;
  const zThreshold = o.zThreshold ?? 4;
  const minSize = o.minSizeNanos ?? 20_000_000_000n;
  const floorPpm = o.madFloorPpm ?? 100_000n;
  const floorAbs = o.madFloorNanos ?? 1_000_000_000n;

  const spend = spendMap(input.daily);
  const dataStart = input.dataStart ?? earliestDay(spend.keys());
  if (dataStart === null) return [];
  const out: SpendAnomaly[] = [];
  for (const day of eachDay(input.from, input.to)) {
    const history = sameWeekdayHistory(spend, day, maxWeeks, dataStart);
    if (history.length < minWeeks) continue;
    const x = spend.get(day) ?? 0n;
    const m = median(history);
    const size = x - m;
    if (size < minSize) continue;
    const spread = max(mad(history, m), divRound(m * floorPpm, 1_000_000n), floorAbs);
    const z = Number(size) / (MAD_TO_SIGMA * Number(spread));
    if (z < zThreshold) continue;
    out.push({
      kind: "spike",
      scope: input.scope,
      day,
      spendNanos: x,
      expectedNanos: m,
      sizeNanos: size,
      score: z,
      message:
        `${scopeLabel(input.scope)} spent ${formatUsd(x)} on ${day}, ${formatUsd(size)} above its usual ` +
        `${formatUsd(m)} for a ${weekdayName(day)} (robust z ${z.toFixed(1)}).`,
    });
  }
  return out;
}

function max(...xs: bigint[]): bigint {
  return xs.reduce((a, b) => (b > a ? b : a));
}
