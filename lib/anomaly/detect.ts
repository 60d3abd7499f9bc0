/** All anomalies of many scopes over a range of days, largest first: what the overview lists. */
import { detectModelSwitches, type ModelDaySpend } from "./model-switch";
import { detectSpikes, type SpikeOptions } from "./spend-spikes";
import type { DaySpend, ScopeRef, SpendAnomaly } from "./types";

export interface ScopeSeries {
  scope: ScopeRef;
  daily: readonly DaySpend[];
  /** Per-day per-model spend, for model-switch detection (optional). */
  models?: readonly ModelDaySpend[];
  dataStart?: string;
}

export function detectAnomalies(
  scopes: readonly ScopeSeries[],
  range: { from: string; to: string },
  options: SpikeOptions = {},
): SpendAnomaly[] {
  const out: SpendAnomaly[] = [];
  for (const s of scopes) {
    out.push(...detectSpikes({ scope: s.scope, daily: s.daily, dataStart: s.dataStart, ...range, options }));
    if (s.models) {
      out.push(...detectModelSwitches({ scope: s.scope, rows: s.models, ...range, options: { minSizeNanos: options.minSizeNanos } }));
    }
  }
  return out.sort((a, b) => (a.sizeNanos > b.sizeNanos ? -1 : a.sizeNanos < b.sizeNanos ? 1 : a.day.localeCompare(b.day)));
}
