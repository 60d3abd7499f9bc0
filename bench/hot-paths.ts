/**
 * npm run bench:hot-paths - single-core throughput of the CPU-bound steps every ingested event goes through,
 * printed as JSON (no database): native event parsing (JSON.parse + validation, with and without an `id`),
 * pricing, and the demo generator. Ingestion's end-to-end figures are in bench/ingest.ts.
 */
import { parseNativeEvent } from "@/lib/ingest/sources/native";
import { createPricer, type PricedCall } from "@/lib/pricing";
import { generateDemoEvents } from "@/lib/demo/generate";

const NOW = new Date("2026-01-02T00:00:00Z");

/** Best of `reps` timed rounds, in operations per second. */
function bestRate(ops: number, reps: number, round: () => void): number {
  let best = 0;
  for (let rep = 0; rep < reps; rep++) {
    const started = performance.now();
    round();
    best = Math.max(best, ops / ((performance.now() - started) / 1000));
  }
  return Math.round(best);
}

function nativeLine(i: number, withId: boolean): string {
  return JSON.stringify({
    ...(withId ? { id: `evt-${i}` } : {}),
    timestamp: "2026-01-01T10:00:00.000Z",
    provider: "openai",
    model: "gpt-4.1-mini",
    input_tokens: 1200 + i,
    cached_input_tokens: 1000,
    output_tokens: 300,
    team: "search",
    workload: "rewrite",
    user: `user-${i % 50}`,
    cost_usd: "0.00042",
    latency_ms: 812,
    tags: { env: "prod", region: "eu" },
  });
}

function parseRate(withId: boolean): number {
  const lines = Array.from({ length: 200_000 }, (_, i) => nativeLine(i, withId));
  return bestRate(lines.length, 4, () => {
    for (let i = 0; i < lines.length; i++) if (!parseNativeEvent(JSON.parse(lines[i]), i, NOW).ok) throw new Error(`line ${i} rejected`);
  });
}

function pricingRate(): number {
  const pricer = createPricer([
    { id: 1, provider: "openai", model: "gpt-4o-mini", inputPerMtok: "0.12", cachedInputPerMtok: null, cacheWritePerMtok: null, outputPerMtok: "0.5", validFrom: new Date("2025-01-01") },
  ]);
  const models: [string, string][] = [
    ["openai", "gpt-4o"], ["openai", "gpt-4o-mini"], ["openai", "gpt-5-2025-08-07"], ["anthropic", "claude-sonnet-4-20250514"],
    ["anthropic", "claude-sonnet-4-5"], ["google", "gemini-2.5-pro"], ["deepseek", "deepseek-chat"], ["openai", "o3"],
    ["aws", "us.anthropic.claude-sonnet-4-20250514-v1:0"], ["openai", "not-a-model"],
  ];
  const base = Date.parse("2025-01-01T00:00:00Z");
  const calls: PricedCall[] = Array.from({ length: 10_000 }, (_, i) => {
    const [provider, model] = models[i % models.length];
    const input = 500 + ((i * 7919) % 300_000);
    return {
      provider, model, occurredAt: new Date(base + i * 3_600_000), inputTokens: input, cachedInputTokens: Math.floor(input / 3),
      cacheWriteTokens: i % 3 === 0 ? Math.floor(input / 10) : 0, outputTokens: 100 + (i % 2_000), batch: i % 10 === 0, serviceTier: i % 7 === 0 ? "flex" : null,
    };
  });
  let total = 0n;
  const rate = bestRate(calls.length * 10, 4, () => {
    for (let r = 0; r < 10; r++) for (const c of calls) total += pricer.price(c).costNanos ?? 0n;
  });
  if (total <= 0n) throw new Error("pricing produced no cost");
  return rate;
}

function demoRate(): number {
  const n = 1_000_000;
  return bestRate(n, 2, () => {
    let count = 0;
    for (const _ of generateDemoEvents({ events: n, days: 90, endDate: NOW })) count++;
    if (count !== n) throw new Error(`generated ${count} of ${n}`);
  });
}

console.log(
  JSON.stringify(
    {
      nativeParsePerSecond: { withIds: parseRate(true), derivedIds: parseRate(false) },
      pricingCallsPerSecond: pricingRate(),
      demoEventsPerSecond: demoRate(),
      note: "single core, best of several rounds",
    },
    null,
    2,
  ),
);
