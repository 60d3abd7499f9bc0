import "server-only";
import { pool } from "@/lib/db/pool";
import { createPricer } from "@/lib/pricing";
import { loadPriceOverrides } from "@/lib/pricing/overrides-store";
import { csvLine } from "./csv";
import { FOCUS_COLUMNS } from "./focus-columns";
import { focusRecords, type FocusContext } from "./focus-rows";
import type { UsageRow } from "./usage-rows";

/** The pricers FOCUS needs: ours (with the organisation's price overrides) and the public catalogue's. */
export async function focusContext(month: string): Promise<FocusContext> {
  const overrides = await loadPriceOverrides(pool());
  const overrideFrom = new Map<string, string>();
  for (const o of overrides) {
    const key = `${o.provider}/${o.model}`.toLowerCase();
    const day = o.validFrom.toISOString().slice(0, 10);
    if (!overrideFrom.has(key) || day < overrideFrom.get(key)!) overrideFrom.set(key, day);
  }
  return { month, contracted: createPricer(overrides), list: createPricer([]), overrideFrom };
}

/** FOCUS 1.2 CSV: the header, then the charges of each usage row (see focus-rows.ts). */
export function* focusCsv(rows: readonly UsageRow[], ctx: FocusContext, onRow?: (done: number) => void): Generator<string> {
  const names = FOCUS_COLUMNS.map((c) => c.name);
  yield csvLine(names);
  let done = 0;
  for (const row of rows) {
    for (const record of focusRecords(row, ctx)) yield csvLine(names.map((n) => record[n]));
    onRow?.(++done);
  }
}
