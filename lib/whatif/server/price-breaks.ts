import "server-only";
import { resolveModel } from "@/lib/pricing/catalogue";
import { normalizeProvider, type PriceOverrideInput } from "@/lib/pricing";
import { addDays } from "@/lib/forecast/utc-days";
import type { ModelRef } from "../types";

/**
 * Days inside (from, to] on which a price of one of `models` changes: a dated catalogue price or a price override
 * starting that day. (Time-of-day prices repeat every day and do not break a segment.) Used to merge the days of
 * a window that price identically (merge-days.ts).
 */
export function priceBreaks(models: readonly ModelRef[], overrides: readonly PriceOverrideInput[], window: { from: string; to: string }): string[] {
  const out = new Set<string>();
  const inside = (day: string) => day > window.from && day <= window.to;
  const keys = new Set(models.map((m) => `${m.provider}/${m.model.toLowerCase()}`));
  for (const m of models) {
    for (const p of resolveModel(m.provider, m.model)?.periods ?? []) {
      if (p.when.kind !== "from") continue;
      const at = new Date(p.when.fromMs);
      // A change at 00:00 UTC starts that day; one during a day is felt from the next (groups are priced at 00:00).
      const day = at.toISOString().slice(0, 10);
      const start = at.getTime() % 86_400_000 === 0 ? day : addDays(day, 1);
      if (inside(start)) out.add(start);
    }
  }
  for (const o of overrides) {
    const provider = normalizeProvider(o.provider, o.model);
    const day = o.validFrom.toISOString().slice(0, 10);
    // Overrides may match by catalogue id too: any override of a candidate's provider is a break (cheap, safe).
    if ([...keys].some((k) => k.startsWith(`${provider}/`)) && inside(day)) out.add(day);
  }
  return [...out].sort();
}
