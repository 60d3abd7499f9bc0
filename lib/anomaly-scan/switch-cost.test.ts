import { describe, expect, it } from "vitest";
import { usdToNanos } from "@/lib/money";
import { eachDay } from "@/lib/forecast/utc-days";
import type { ModelDaySpend } from "@/lib/anomaly";
import { switchCost } from "./switch-cost";

const usd = (n: number) => usdToNanos(String(n));
/** 10 days on a mid model at $1 per 1M tokens, then a frontier model at $10 per 1M tokens, 1M tokens a day. */
const rows: ModelDaySpend[] = eachDay("2026-10-01", "2026-10-15").map((day) =>
  day < "2026-10-11"
    ? { day, provider: "openai", model: "gpt-4.1-mini", tier: "mid", costNanos: usd(1), tokens: 1_000_000 }
    : { day, provider: "anthropic", model: "claude-sonnet-4-5", tier: "frontier", costNanos: usd(10), tokens: 1_000_000 },
);

describe("switchCost", () => {
  it("sizes a switch by the extra spend since, against the previous model's price for the same tokens", () => {
    expect(switchCost(rows, "2026-10-11", "2026-10-15")).toEqual({
      previousKey: "openai/gpt-4.1-mini",
      newKey: "anthropic/claude-sonnet-4-5",
      previousModel: "gpt-4.1-mini",
      previousTier: "mid",
      newModel: "claude-sonnet-4-5",
      newTier: "frontier",
      days: 5,
      spendNanos: usd(50),
      wouldHaveCostNanos: usd(5),
      extraNanos: usd(45),
    });
  });

  it("is not a switch when both models share the traffic every day", () => {
    const mixed: ModelDaySpend[] = eachDay("2026-10-01", "2026-10-15").flatMap((day, i) => [
      { day, provider: "openai", model: "gpt-5.1", tier: "frontier", costNanos: usd(5), tokens: i % 2 ? 600_000 : 400_000 },
      { day, provider: "anthropic", model: "claude-opus-4-5", tier: "frontier", costNanos: usd(9), tokens: i % 2 ? 400_000 : 600_000 },
    ]);
    expect(switchCost(mixed, "2026-10-11", "2026-10-15")).toBeNull();
  });
});
