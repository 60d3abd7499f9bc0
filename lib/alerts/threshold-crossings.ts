/**
 * Which budget alerts apply right now: every threshold the spend has reached, and "forecast over budget" while the
 * spend is still within the amount but the forecast is not. Pure; the alerts table's unique key (budget, kind,
 * period, threshold) turns "applies now" into "raised once per period".
 */
export type Crossing = { kind: "threshold"; threshold: number } | { kind: "forecast"; threshold: null };

export interface CrossingInput {
  amountNanos: bigint;
  spentNanos: bigint;
  forecastNanos: bigint;
  /** Fractions of the amount with at most 4 decimals (0.8 = 80%). */
  thresholds: readonly number[];
  alertOnForecast: boolean;
}

export function budgetCrossings(input: CrossingInput): Crossing[] {
  const out: Crossing[] = [];
  for (const t of [...input.thresholds].sort((a, b) => a - b)) {
    if (reached(input.spentNanos, input.amountNanos, t)) out.push({ kind: "threshold", threshold: t });
  }
  // Once the spend itself is over, the forecast alert would only repeat what the 100% alert says.
  if (input.alertOnForecast && input.forecastNanos > input.amountNanos && input.spentNanos <= input.amountNanos) {
    out.push({ kind: "forecast", threshold: null });
  }
  return out;
}

/** spent >= threshold x amount, exactly: the threshold is scaled to an integer of ten-thousandths. */
export function reached(spentNanos: bigint, amountNanos: bigint, threshold: number): boolean {
  const basis = BigInt(Math.round(threshold * 10_000));
  return spentNanos * 10_000n >= amountNanos * basis;
}
