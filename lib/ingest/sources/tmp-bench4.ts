import { canonicalJson, stableKey } from "./stable-key";
import { createHash } from "node:crypto";
const mk = (i: number) => JSON.stringify({ timestamp: "2026-01-01T10:00:00.000Z", provider: "openai", model: "gpt-4.1-mini", input_tokens: 1200 + i, cached_input_tokens: 1000, output_tokens: 300, team: "search", workload: "rewrite", user: `user-${i % 50}`, cost_usd: "0.00042", latency_ms: 812, tags: { env: "prod", region: "eu" } });
const N = 100000;
const lines = Array.from({ length: N }, (_, i) => mk(i));
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now();
  for (let i = 0; i < N; i++) JSON.parse(lines[i]);
  const a = performance.now() - t; t = performance.now();
  for (let i = 0; i < N; i++) canonicalJson(JSON.parse(lines[i]));
  const b = performance.now() - t; t = performance.now();
  for (let i = 0; i < N; i++) createHash("sha256").update(lines[i]).digest("hex");
  const c = performance.now() - t; t = performance.now();
  for (let i = 0; i < N; i++) stableKey(JSON.parse(lines[i]));
  const d = performance.now() - t;
  console.log(`parse ${(a/N*1e3).toFixed(2)}us parse+canon ${(b/N*1e3).toFixed(2)}us sha ${(c/N*1e3).toFixed(2)}us parse+stableKey ${(d/N*1e3).toFixed(2)}us`);
}
