import { describe, expect, it } from "vitest";
import { createPricer } from "@/lib/pricing";
import { dayAveragedPriceFn } from "./day-price";
import { priceFnOf } from "./pricing-adapter";
import { divRound } from "./ratio";
import type { PriceCall } from "./types";

const plain = priceFnOf(createPricer([]));
const averaged = dayAveragedPriceFn(plain);
const call = (model: string, provider: string, at: string): PriceCall => ({
  provider, model, occurredAt: new Date(at), inputTokens: 1_000_000, cachedInputTokens: 0, cacheWriteTokens: 0, outputTokens: 200_000, batch: false, serviceTier: null,
});

describe("dayAveragedPriceFn", () => {
  it("prices a model with one price all day exactly as the pricer does", () => {
    const c = call("gpt-4o", "openai", "2026-10-05T00:00:00Z");
    expect(averaged(c)).toEqual(plain(c));
  });

  it("spreads a day group over DeepSeek's peak and off-peak windows by minutes, not at the 00:00 off-peak rate", () => {
    // deepseek-chat: one price from 00:30 to 16:30 UTC (960 minutes), another for the other 480 minutes.
    const day = "2026-10-05";
    const inside = plain(call("deepseek-chat", "deepseek", `${day}T12:00:00Z`)).costNanos!;
    const outside = plain(call("deepseek-chat", "deepseek", `${day}T20:00:00Z`)).costNanos!;
    expect(inside).not.toBe(outside);
    const got = averaged(call("deepseek-chat", "deepseek", `${day}T00:00:00Z`)).costNanos!;
    expect(got).toBe(divRound(inside * 960n + outside * 480n, 1440n));
    expect(got).not.toBe(plain(call("deepseek-chat", "deepseek", `${day}T00:00:00Z`)).costNanos);
  });

  it("stays unpriced for an unknown model", () => {
    expect(averaged(call("nope-1", "deepseek", "2026-10-05T00:00:00Z")).costNanos).toBeNull();
  });
});
