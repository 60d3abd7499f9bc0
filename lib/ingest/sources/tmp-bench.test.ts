import { it } from "vitest";
import { parseNativeEvent } from "./native";
import { canonicalJsonFast, stableKey } from "./stable-key";
import { createHash } from "node:crypto";
it("bench", () => {
  const NOW = new Date("2026-01-02T00:00:00Z");
  const mk = (i: number, id: boolean) => JSON.stringify({ ...(id ? { id: `evt-${i}` } : {}), timestamp: "2026-01-01T10:00:00.000Z", provider: "openai", model: "gpt-4.1-mini", input_tokens: 1200 + i, cached_input_tokens: 1000, output_tokens: 300, team: "search", workload: "rewrite", user: `user-${i % 50}`, cost_usd: "0.00042", latency_ms: 812, tags: { env: "prod", region: "eu" } });
  const N = 100000;
  for (const id of [true, false]) {
    const lines = Array.from({ length: N }, (_, i) => mk(i, id));
    for (let rep = 0; rep < 3; rep++) {
      let t = performance.now();
      const objs = lines.map((l) => JSON.parse(l));
      const tParse = performance.now() - t;
      t = performance.now();
      for (let i = 0; i < N; i++) parseNativeEvent(objs[i], i, NOW);
      const tNative = performance.now() - t;
      t = performance.now();
      for (let i = 0; i < N; i++) canonicalJsonFast(objs[i]);
      const tCanon = performance.now() - t;
      t = performance.now();
      for (let i = 0; i < N; i++) createHash("sha256").update(lines[i]).digest("hex");
      const tHash = performance.now() - t;
      console.log(`id=${id} JSON.parse ${(N/tParse*1000)|0}/s native ${(N/tNative*1000)|0}/s canon ${(N/tCanon*1000)|0}/s sha ${(N/tHash*1000)|0}/s`);
    }
  }
});
