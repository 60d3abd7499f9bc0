import { addDays, isValidDate, monthEnd, monthStart, todayUtc } from "./dates";

/**
 * Date-range presets of the explorer's picker, resolved in UTC. Pure, so the browser (picker, URL state) and the
 * server (defaults) agree on what "last 30 days" means.
 */
export const RANGE_PRESETS = ["mtd", "last-month", "7d", "30d", "90d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_LABELS: Record<RangePreset | "custom", string> = {
  mtd: "Month to date",
  "last-month": "Last month",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  custom: "Custom",
};

export interface DateRange {
  from: string;
  to: string;
}

export function presetRange(preset: RangePreset, today: string = todayUtc()): DateRange {
  switch (preset) {
    case "mtd":
      return { from: monthStart(today), to: today };
    case "last-month": {
      const end = addDays(monthStart(today), -1);
      return { from: monthStart(end), to: end };
    }
    case "7d":
      return { from: addDays(today, -6), to: today };
    case "30d":
      return { from: addDays(today, -29), to: today };
    case "90d":
      return { from: addDays(today, -89), to: today };
  }
}

export function isPreset(value: string | null | undefined): value is RangePreset {
  return (RANGE_PRESETS as readonly string[]).includes(value ?? "");
}

/**
 * What the URL says: `range=<preset>`, or `from`/`to` for a custom range. Anything unreadable falls back to
 * month to date, so an old or hand-edited link still opens.
 */
export function rangeFromParams(params: { get(name: string): string | null }, today: string = todayUtc()): DateRange & { preset: RangePreset | "custom" } {
  const from = params.get("from");
  const to = params.get("to");
  if (from && to && isValidDate(from) && isValidDate(to) && from <= to) return { from, to, preset: "custom" };
  const preset = params.get("range");
  const p: RangePreset = isPreset(preset) ? preset : "mtd";
  return { ...presetRange(p, today), preset: p };
}

/** The same day last month, clamped to that month's end (31 March -> 28/29 February). */
export function sameDayLastMonth(today: string): string {
  const lastMonthEnd = addDays(monthStart(today), -1);
  const candidate = `${lastMonthEnd.slice(0, 8)}${today.slice(8, 10)}`;
  return candidate > lastMonthEnd || !isValidDate(candidate) ? lastMonthEnd : candidate;
}

export { monthEnd, monthStart, todayUtc };
