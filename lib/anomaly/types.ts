import type { DaySpend } from "@/lib/forecast/forecast-budget";

export type { DaySpend };

export interface ScopeRef {
  type: "org" | "team" | "workload";
  /** Team or workload slug; "" for the organisation. */
  key: string;
}

export type AnomalyKind = "spike" | "model_switch";

export interface SpendAnomaly {
  kind: AnomalyKind;
  scope: ScopeRef;
  day: string;
  /** What the scope spent that day. */
  spendNanos: bigint;
  /** What it usually spends on that weekday (median of the same weekdays before). */
  expectedNanos: bigint;
  /** spend - expected, the size in dollars shown to people and used to rank anomalies. */
  sizeNanos: bigint;
  /** Robust z-score for spikes; price ratio (new/old per token) or tier step for model switches. */
  score: number;
  message: string;
}
