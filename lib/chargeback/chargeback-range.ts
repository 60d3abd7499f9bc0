import { badRequest } from "@/lib/errors";
import { checkRange } from "@/lib/analytics/dates";
import { reportMonth } from "@/lib/reports/report-month";

/** The days a chargeback covers: a month (to today while in progress) or an explicit from..to, never both. */
export function chargebackRange(q: { month?: string; from?: string; to?: string }, now = new Date()): { from: string; to: string } {
  if (q.month) {
    if (q.from || q.to) throw badRequest("give month, or from and to, not both");
    const m = reportMonth(q.month, now);
    return { from: m.from, to: m.to };
  }
  if (!q.from || !q.to) throw badRequest("give month=YYYY-MM, or from and to (YYYY-MM-DD)");
  checkRange(q.from, q.to, 3660, now);
  return { from: q.from, to: q.to };
}
