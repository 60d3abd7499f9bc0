/**
 * A PriceFn for call groups that stand for a whole UTC day (the roll-up keeps days, not times).
 *
 * Most prices are the same all day, and a dated price change starts at 00:00 UTC, so pricing a group at the start
 * of its day is exact. A few catalogue models (DeepSeek) have time-of-day prices: priced at 00:00 UTC they would
 * get the off-peak rate all day, flattering every reroute to them. For those models the group is priced as if its
 * calls were spread evenly over the day: each price window weighs by its minutes, cost = sum(minutes x cost) /
 * 1440, rounded once. (Recorded costs used the calls' real times; this only concerns re-pricing.)
 */
import { resolveModel } from "@/lib/pricing/catalogue";
import { periodAt, type PricePeriod } from "@/lib/pricing/periods";
import { divRound } from "./ratio";
import type { PriceCall, PriceFn, PriceResult } from "./types";

const MINUTES = 1440;
const MINUTE_MS = 60_000;

/** Minutes of the day under each distinct price period: [a time inside it, minutes]. */
type Slots = [Date, bigint][];

export function dayAveragedPriceFn(price: PriceFn): PriceFn {
  // provider -> model -> periods: nested maps, so the hot path builds no key string per call.
  const timeOfDay = new Map<string, Map<string, PricePeriod[] | null>>();

  const periodsOf = (provider: string, model: string): PricePeriod[] | null => {
    let byModel = timeOfDay.get(provider);
    if (byModel === undefined) timeOfDay.set(provider, (byModel = new Map()));
    let periods = byModel.get(model);
    if (periods === undefined) {
      const resolved = resolveModel(provider, model);
      periods = resolved && resolved.periods.some((p) => p.when.kind === "daily") ? resolved.periods : null;
      byModel.set(model, periods);
    }
    return periods;
  };

  return (call: PriceCall): PriceResult => {
    const periods = periodsOf(call.provider, call.model);
    if (periods === null) return price(call);
    const dayStartMs = Math.floor(call.occurredAt.getTime() / 86_400_000) * 86_400_000;
    const slots = slotsOf(periods, dayStartMs);
    let sum = 0n;
    let first: PriceResult | null = null;
    // One copy re-timed per slot (an object spread per slot costs microseconds in V8).
    const timed: PriceCall = Object.assign({}, call);
    for (const [at, minutes] of slots) {
      timed.occurredAt = at;
      const r = price(timed);
      if (r.costNanos === null) return r;
      first ??= r;
      sum += r.costNanos * minutes;
    }
    const out: PriceResult = Object.assign({}, first!);
    out.costNanos = divRound(sum, BigInt(MINUTES));
    return out;
  };
}

/**
 * The slots of a day for one model's price periods, kept across requests: they depend only on the catalogue's
 * compiled periods (immutable, one array per catalogue model) and the day, and scanning a day's 1,440 minutes
 * costs ~0.4 ms, ~10 ms for a request re-pricing a month of day groups. At most DAYS_KEPT days per model.
 */
const SLOTS = new WeakMap<PricePeriod[], Map<number, Slots>>();
const DAYS_KEPT = 4096;

function slotsOf(periods: PricePeriod[], dayStartMs: number): Slots {
  let byDay = SLOTS.get(periods);
  if (byDay === undefined) SLOTS.set(periods, (byDay = new Map()));
  let slots = byDay.get(dayStartMs);
  if (slots === undefined) {
    // Counted as numbers, made bigint once (a bigint increment per minute cost ~0.6 ms a day).
    const minutes = new Map<PricePeriod, [Date, number]>();
    for (let m = 0; m < MINUTES; m++) {
      const at = dayStartMs + m * MINUTE_MS;
      const p = periodAt(periods, at);
      const slot = minutes.get(p);
      if (slot) slot[1]++;
      else minutes.set(p, [new Date(at), 1]);
    }
    slots = [...minutes.values()].map(([at, n]): [Date, bigint] => [at, BigInt(n)]);
    if (byDay.size >= DAYS_KEPT) byDay.clear();
    byDay.set(dayStartMs, slots);
  }
  return slots;
}
