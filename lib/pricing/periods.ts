import type { ModelInfo } from "@pydantic/genai-prices";
import { compileModelPrice, type BandedCards } from "./rates";

/**
 * Dated and time-of-day prices. genai-prices stores a model's prices either as one ModelPrice or as a list of
 * ConditionalPrice entries, each optionally constrained by `start_date` (price change from that UTC day on)
 * or `time_of_date` (a daily UTC window, e.g. DeepSeek's peak/off-peak rates). Its rule, mirrored here:
 * scan the list from LAST to first and take the first entry that has no constraint or whose constraint
 * holds at the call's timestamp; if none holds, take the first entry.
 */

export type PeriodWhen =
  | { kind: "always" }
  | { kind: "from"; fromMs: number }
  | { kind: "daily"; startSec: number; endSec: number };

export interface PricePeriod {
  when: PeriodWhen;
  /** null = this period prices the model in units we cannot bill from tokens. */
  rates: BandedCards | null;
}

const DAY_SECONDS = 86_400;

export function compilePeriods(prices: ModelInfo["prices"]): PricePeriod[] {
  if (!Array.isArray(prices)) return [{ when: { kind: "always" }, rates: compileModelPrice(prices) }];
  return prices.map((entry) => ({ when: compileConstraint(entry.constraint), rates: compileModelPrice(entry.prices) }));
}

function compileConstraint(c: unknown): PeriodWhen {
  if (c === undefined || c === null) return { kind: "always" };
  const constraint = c as { type?: string; start_date?: string; start_time?: string; end_time?: string };
  // The package accepts both the typed form and the legacy untyped form ({start_date} / {start_time, end_time}).
  if (constraint.start_date !== undefined && (constraint.type ?? "start_date") === "start_date") {
    // "YYYY-MM-DD" parses as UTC midnight, as in the package (new Date(start_date)).
    const fromMs = Date.parse(constraint.start_date);
    if (Number.isNaN(fromMs)) throw new Error(`bad start_date price constraint: ${JSON.stringify(c)}`);
    return { kind: "from", fromMs };
  }
  if (constraint.start_time !== undefined && constraint.end_time !== undefined) {
    return { kind: "daily", startSec: utcSecondOfDay(constraint.start_time), endSec: utcSecondOfDay(constraint.end_time) };
  }
  throw new Error(`unknown price constraint: ${JSON.stringify(c)}`);
}

/** "00:30:00Z" / "09:00:00+08:00" -> seconds after UTC midnight. */
function utcSecondOfDay(time: string): number {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (!m) throw new Error(`bad time-of-day price constraint: ${time}`);
  const local = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(`0.${m[4] ?? "0"}`);
  const offset = m[5] === "Z" ? 0 : (m[6] === "+" ? 1 : -1) * (Number(m[7]) * 60 + Number(m[8])) * 60;
  return (((local - offset) % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
}

/** The period in force at `ms` (epoch milliseconds), per the rule above. */
export function periodAt(periods: PricePeriod[], ms: number): PricePeriod {
  for (let i = periods.length - 1; i >= 0; i--) {
    const p = periods[i];
    const w = p.when;
    if (w.kind === "always") return p;
    if (w.kind === "from") {
      if (ms >= w.fromMs) return p;
    } else {
      const sec = (((ms % 86_400_000) + 86_400_000) % 86_400_000) / 1000;
      // A window may wrap past midnight (end < start).
      const inside = w.endSec < w.startSec ? sec >= w.startSec || sec < w.endSec : sec >= w.startSec && sec < w.endSec;
      if (inside) return p;
    }
  }
  return periods[0];
}
