import { parseNativeEvent } from "./native";
const NOW = new Date("2026-01-02T00:00:00Z");
const mk = (i: number, id: boolean) => JSON.stringify({ ...(id ? { id: `evt-${i}` } : {}), timestamp: "2026-01-01T10:00:00.000Z", provider: "openai", model: "gpt-4.1-mini", input_tokens: 1200 + i, cached_input_tokens: 1000, output_tokens: 300, team: "search", workload: "rewrite", user: `user-${i % 50}`, cost_usd: "0.00042", latency_ms: 812, tags: { env: "prod", region: "eu" } });
const N = 100000;
for (const id of [false, true, false]) {
  const lines = Array.from({ length: N }, (_, i) => mk(i, id));
  for (let rep = 0; rep < 4; rep++) {
    const t = performance.now();
    for (let i = 0; i < N; i++) parseNativeEvent(JSON.parse(lines[i]), i, NOW);
    console.log(`id=${id} JSON.parse+parse ${Math.round(N / (performance.now() - t) * 1000)}/s`);
  }
}
