import { describe, expect, it } from "vitest";
import { escalationExcess, underDelivery, verdictText } from "./verdict";

const usd = (x: number) => BigInt(Math.round(x * 1e9));
const day = (realised: number, predicted: number | null) => ({ realisedNanos: usd(realised), predictedNanos: predicted === null ? null : usd(predicted) });

describe("verdict", () => {
  it("says how much of the prediction was delivered and compares escalations", () => {
    // 0.92 / 1.00 = 92%; escalations 0.14 vs 0.10.
    expect(verdictText({ days: 10, realisedNanos: usd(0.92), predictedNanos: usd(1), escalation: { assumedRate: 0.1, observedRate: 0.14 }, outputRatio: 1, outputFactorAssumed: 1 })).toBe(
      "delivering 92% of the predicted saving; escalations 14% vs 10% assumed",
    );
    // Output 1.3x where 1x was assumed is worth saying.
    expect(verdictText({ days: 3, realisedNanos: usd(1), predictedNanos: usd(2), escalation: { assumedRate: null, observedRate: null }, outputRatio: 1.3, outputFactorAssumed: 1 })).toBe(
      "delivering 50% of the predicted saving; output tokens per call x1.30 vs x1 assumed",
    );
  });

  it("alerts under 70% over the last 7 days only", () => {
    // 7 days of 0.69 vs 1.00 = 69% -> alert; 0.70 exactly is not under 70%.
    expect(underDelivery(Array(7).fill(day(0.69, 1)))).toEqual({ realisedNanos: usd(4.83), predictedNanos: usd(7) });
    expect(underDelivery(Array(7).fill(day(0.7, 1)))).toBeNull();
    // 6 days is not yet 7; early bad days followed by 7 good ones do not count.
    expect(underDelivery(Array(6).fill(day(0, 1)))).toBeNull();
    expect(underDelivery([...Array(5).fill(day(0, 1)), ...Array(7).fill(day(0.9, 1))])).toBeNull();
  });

  it("flags escalations more than 10 points above the assumed rate", () => {
    expect(escalationExcess({ assumedRate: 0.1, observedRate: 0.21 })).toBe(true);
    expect(escalationExcess({ assumedRate: 0.1, observedRate: 0.2 })).toBe(false);
    expect(escalationExcess({ assumedRate: null, observedRate: 0.5 })).toBe(false);
  });
});
