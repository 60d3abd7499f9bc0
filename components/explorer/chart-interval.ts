import { daysBetweenInclusive } from "@/lib/analytics/dates";

/** Days up to ~3 months, weeks up to ~2 years, months beyond: enough bars to read, never a thousand. */
export function chartInterval(from: string, to: string): "day" | "week" | "month" {
  const days = daysBetweenInclusive(from, to);
  return days <= 92 ? "day" : days <= 730 ? "week" : "month";
}
