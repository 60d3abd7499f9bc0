import { csvLine } from "@/lib/reports/csv";
import { usdToNanos } from "@/lib/money";
import type { ChargebackResponse } from "./chargeback-schema";

export const CHARGEBACK_CSV_COLUMNS = ["from", "to", "team", "team_name", "direct_usd", "allocated_usd", "total_usd"] as const;

/** The chargeback as CSV for finance: one row per team, exact decimal USD; unallocated spend is its own row. */
export function chargebackCsv(c: ChargebackResponse): string {
  const lines = [csvLine(CHARGEBACK_CSV_COLUMNS), ...c.teams.map((t) => csvLine([c.from, c.to, t.key, t.label, t.directUsd, t.allocatedUsd, t.totalUsd]))];
  if (c.unallocatedUsd !== null && usdToNanos(c.unallocatedUsd) !== 0n) lines.push(csvLine([c.from, c.to, "unallocated", "Unallocated (no rule)", c.unallocatedUsd, "0.00", c.unallocatedUsd]));
  return lines.join("");
}
