import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { nanosToUsd } from "@/lib/money";
import { checkRange, monthStart, todayUtc } from "./dates";
import { compareWith, previousOut } from "./comparison";
import { querySpendCube } from "./cube";
import { breakdown, cubeTotals } from "./breakdown";
import { breakdownRowOut, currencyOut, measuresOut } from "./format-measures";
import type { Measures } from "./measures";
import type { BreakdownQuery, BreakdownResponse } from "./breakdown-query";

/** One table of the explorer: rows by team/workload/model/provider/tier, each compared with the previous period. */
export async function queryBreakdown(principal: Principal, q: BreakdownQuery, now = new Date(), currency = "USD"): Promise<BreakdownResponse> {
  const to = q.to ?? todayUtc(now);
  const from = q.from ?? monthStart(to);
  checkRange(from, to, 3660, now);
  const comparison = compareWith(from, to, now);
  const cells = await querySpendCube(principal, { ...q, from, to, compare: comparison.previous, currency });
  const totals = cubeTotals(cells);
  const rows = breakdown(cells, q.by).map((a) => breakdownRowOut(a, totals.cur.costNanos));
  return { from, to, previous: previousOut(comparison), by: q.by, rows, totals: { ...measuresOut(totals.cur), previousCostUsd: nanosToUsd(totals.prev.costNanos), ...previousLocal(totals.prev) },
    currency: currencyOut(currency),
  };
}

function previousLocal(m: Measures): { previousCost?: string } {
  return m.localCostNanos === undefined ? {} : { previousCost: nanosToUsd(m.localCostNanos) };
}
