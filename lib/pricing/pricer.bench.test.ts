import { it, expect } from "vitest";
import { createPricer, type PricedCall } from "./index";

/**
 * Sanity check, not a timed assertion: ingestion targets 100k events/s on 2 cores, so pricing must be a
 * small fraction of that per core. Prints calls/s for a realistic mix (cached lookups, tiers, dates, overrides).
 */
it("micro-benchmark: calls per second", () => {
  const pricer = createPricer([
    { id: 1, provider: "openai", model: "gpt-4o-mini", inputPerMtok: "0.12", cachedInputPerMtok: null, cacheWritePerMtok: null, outputPerMtok: "0.5", validFrom: new Date("2025-01-01") },
  ]);
  const models: [string, string][] = [
    ["openai", "gpt-4o"],
    ["openai", "gpt-4o-mini"],
    ["openai", "gpt-5-2025-08-07"],
    ["anthropic", "claude-sonnet-4-20250514"],
    ["anthropic", "claude-sonnet-4-5"],
    ["google", "gemini-2.5-pro"],
    ["deepseek", "deepseek-chat"],
    ["openai", "o3"],
    ["aws", "us.anthropic.claude-sonnet-4-20250514-v1:0"],
    ["openai", "not-a-model"],
  ];
  const base = Date.parse("2025-01-01T00:00:00Z");
  const calls: PricedCall[] = Array.from({ length: 10_000 }, (_, i) => {
    const [provider, model] = models[i % models.length];
    const input = 500 + ((i * 7919) % 300_000);
    return {
      provider,
      model,
      occurredAt: new Date(base + i * 3_600_000),
      inputTokens: input,
      cachedInputTokens: Math.floor(input / 3),
      cacheWriteTokens: i % 3 === 0 ? Math.floor(input / 10) : 0,
      outputTokens: 100 + (i % 2_000),
      batch: i % 10 === 0,
      serviceTier: i % 7 === 0 ? "flex" : null,
    };
  });

  let total = 0n;
  for (const c of calls) total += pricer.price(c).costNanos ?? 0n; // warm caches and JIT
  const rounds = 30;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const c of calls) total += pricer.price(c).costNanos ?? 0n;
  const seconds = (performance.now() - start) / 1000;
  const perSecond = Math.round((rounds * calls.length) / seconds);
  console.log(`pricing: ${perSecond.toLocaleString("en-US")} calls/s on one core (${((seconds * 1e9) / (rounds * calls.length)).toFixed(0)} ns/call)`);
  expect(total).toBeGreaterThan(0n);
});
