/**
 * The default what-if window: the last 30 complete UTC days (today is still filling up, and a partial day would
 * drag the monthly projection down). Both ends inclusive, like every range in Rightsize.
 */
import { z } from "zod";
import { addDays, daysInclusive, isDay } from "@/lib/forecast/utc-days";
import { badRequest } from "@/lib/errors";
import { MAX_WINDOW_DAYS } from "./schema";

export const DEFAULT_WINDOW_DAYS = 30;

export function defaultWindow(now: Date = new Date()): { from: string; to: string } {
  const today = now.toISOString().slice(0, 10);
  const to = addDays(today, -1);
  return { from: addDays(to, -(DEFAULT_WINDOW_DAYS - 1)), to };
}

/** from/to from a query (either may be missing: the default window fills in), checked. */
export function resolveWindow(q: { from?: string; to?: string }, now: Date = new Date()): { from: string; to: string } {
  const d = defaultWindow(now);
  const to = q.to ?? (q.from ? addDays(q.from, DEFAULT_WINDOW_DAYS - 1) : d.to);
  const from = q.from ?? addDays(to, -(DEFAULT_WINDOW_DAYS - 1));
  for (const [name, value] of [["from", from], ["to", to]] as const) {
    if (!isDay(value)) throw badRequest(`${name}: "${value}" is not a real UTC date (YYYY-MM-DD)`);
  }
  if (to < from) throw badRequest(`to (${to}) is before from (${from})`);
  if (daysInclusive(from, to) > MAX_WINDOW_DAYS) throw badRequest(`the window is longer than ${MAX_WINDOW_DAYS} days`);
  return { from, to };
}

/** ?from=&to= of the what-if GET endpoints (80/20 preset). */
export const WindowQuerySchema = z.object({
  from: z.string().optional().describe("first UTC day (default: 30 days before `to`)"),
  to: z.string().optional().describe("last UTC day, inclusive (default: yesterday)"),
});
