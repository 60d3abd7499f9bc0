/**
 * Throughput of the native-event hot path (JSON.parse + parseNativeEvent), one core:
 *   npx tsx lib/ingest/sources/native-bench.ts
 * Prints events/s for events with their own id and for events whose id is derived (canonical JSON + sha256).
 */
import { parseNativeEvent } from "./native";

const NOW = new Date("2026-01-02T00:00:00Z");
const N = 200_000;

function line(i: number, withId: boolean): string {
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

for (const withId of [true, false]) {
  const lines = Array.from({ length: N }, (_, i) => line(i, withId));
  let best = 0;
  for (let rep = 0; rep < 4; rep++) {
    const started = performance.now();
    for (let i = 0; i < N; i++) {
      if (!parseNativeEvent(JSON.parse(lines[i]), i, NOW).ok) throw new Error(`line ${i} rejected`);
    }
    best = Math.max(best, N / ((performance.now() - started) / 1000));
  }
  console.log(`${withId ? "with ids   " : "derived ids"}: ${Math.round(best).toLocaleString("en-US")} events/s`);
}
