/**
 * The same weekday in earlier weeks: the comparison that is robust to the weekly rhythm (a quiet Saturday is
 * compared with earlier Saturdays, not with Friday).
 */
import { fromEpochDay, toEpochDay } from "@/lib/forecast/utc-days";

/**
 * Spend on day-7, day-14, ... (at most `maxWeeks`), stopping before `dataStart` so the weeks before a scope
 * existed do not count as zero spend. Missing days inside the history spent nothing.
 */
export function sameWeekdayHistory(
  spendByDay: ReadonlyMap<string, bigint>,
  day: string,
  maxWeeks: number,
  dataStart: string,
): bigint[] {
  const out: bigint[] = [];
  const start = toEpochDay(dataStart);
  for (let n = toEpochDay(day) - 7, k = 0; k < maxWeeks && n >= start; n -= 7, k++) {
    out.push(spendByDay.get(fromEpochDay(n)) ?? 0n);
  }
  return out;
}

export function spendMap(rows: readonly { day: string; costNanos: bigint }[]): Map<string, bigint> {
  const map = new Map<string, bigint>();
  for (const r of rows) map.set(r.day, (map.get(r.day) ?? 0n) + r.costNanos);
  return map;
}

export function earliestDay(days: Iterable<string>): string | null {
  let min: string | null = null;
  for (const d of days) if (min === null || d < min) min = d;
  return min;
}
