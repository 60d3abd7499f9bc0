import { eachDay, weekStart } from "./dates";

/** Every time bucket of an inclusive UTC range, in order, keyed like the SQL buckets (day, Monday of week, YYYY-MM). */
export function timeBuckets(from: string, to: string, interval: "day" | "week" | "month"): string[] {
  const days = eachDay(from, to);
  if (interval === "day") return days;
  const key = interval === "week" ? weekStart : (d: string) => d.slice(0, 7);
  return [...new Set(days.map(key))];
}
