/**
 * Spend spikes of a workload that switched models. A switch to a pricier model lifts every later day above the
 * weekday history, so those days must not be judged against the old prices (they would all be "spikes", echoes of
 * the switch, which is already reported with its full cost). Dropping every later spike instead would hide real
 * ones: traffic tripling a week after the switch. So each stretch after a switch is judged against a history
 * re-priced at the new model's price: the previous model's spend before the switch day is scaled by
 * (new model's spend / the same tokens at the previous model's price) as measured since the switch (switch-cost.ts),
 * and counted as the new model's. Days before the first switch are judged on the recorded series, as before.
 * Pure; the re-pricing is exact in nano-dollars (one rounding per row).
 */
import { detectSpikes, type ModelDaySpend, type ScopeRef, type SpendAnomaly } from "@/lib/anomaly";
import { divRound } from "@/lib/forecast/bigint-stats";
import { addDays } from "@/lib/forecast/utc-days";
import { keyOf, type SwitchCost } from "./switch-cost";

export interface ConfirmedSwitch extends Pick<SwitchCost, "previousKey" | "newKey" | "newModel" | "spendNanos" | "wouldHaveCostNanos"> {
  day: string;
}

export function spikesAcrossSwitches(args: {
  scope: ScopeRef;
  rows: readonly ModelDaySpend[];
  switches: readonly ConfirmedSwitch[];
  from: string;
  to: string;
  minSizeNanos: bigint;
}): SpendAnomaly[] {
  const switches = [...args.switches].sort((a, b) => a.day.localeCompare(b.day));
  const spikes = (rows: readonly ModelDaySpend[], from: string, to: string) =>
    from > to ? [] : detectSpikes({ scope: args.scope, daily: rows, from, to, options: { minSizeNanos: args.minSizeNanos } });

  const firstDay = switches[0]?.day;
  const out = spikes(args.rows, args.from, firstDay ? minDay(addDays(firstDay, -1), args.to) : args.to);
  let rows: readonly ModelDaySpend[] = args.rows;
  switches.forEach((s, i) => {
    rows = repriceBefore(rows, s);
    const segmentEnd = i + 1 < switches.length ? addDays(switches[i + 1].day, -1) : args.to;
    const note = ` (weekday history re-priced at ${s.newModel}'s price since the switch on ${s.day})`;
    for (const a of spikes(rows, maxDay(s.day, args.from), minDay(segmentEnd, args.to))) out.push({ ...a, message: a.message + note });
  });
  return out;
}

/** The previous model's rows before the switch day, priced as the new model and counted as it. */
function repriceBefore(rows: readonly ModelDaySpend[], s: ConfirmedSwitch): ModelDaySpend[] {
  if (s.wouldHaveCostNanos <= 0n) return [...rows];
  const slash = s.newKey.indexOf("/");
  return rows.map((r) =>
    r.day < s.day && keyOf(r) === s.previousKey
      ? { ...r, provider: s.newKey.slice(0, slash), model: s.newKey.slice(slash + 1), costNanos: divRound(r.costNanos * s.spendNanos, s.wouldHaveCostNanos) }
      : r,
  );
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
