import { runWhatIf } from "./engine";
import { WhatIfRequestSchema } from "./schema";
import type { CallGroup, PriceCall } from "./types";
const per: Record<string, [bigint, bigint]> = { a: [10000n, 40000n], b: [1000n, 4000n], c: [5000n, 20000n] };
const price = (c: PriceCall) => { const p = per[c.model]; const u = BigInt(c.inputTokens - c.cachedInputTokens - c.cacheWriteTokens); return { costNanos: (u * p[0] + BigInt(c.cachedInputTokens) * p[0] / 10n + BigInt(c.outputTokens) * p[1]) * (c.batch ? 50n : 100n) / 100n, priceSource: 1 as const, overrideId: null }; };
const groups: CallGroup[] = [];
for (let d = 1; d <= 30; d++) for (let w = 0; w < 100; w++) for (let b = 0; b < 30; b++)
  groups.push({ day: `2026-10-${String(d).padStart(2, "0")}`, workloadSlug: `w${w}`, teamSlug: `t${w % 10}`, taskClass: "classification", provider: "openai", model: "a", calls: 97 + b, inputTokens: 123457 * (b + 1), cachedInputTokens: 1000, cacheWriteTokens: 0, outputTokens: 3001 * (b + 1), baselineCostNanos: 1000000n });
const request = WhatIfRequestSchema.parse({ from: "2026-10-01", to: "2026-10-31", rules: [{ select: { teams: ["t1", "t2", "t3", "t4", "t5"] }, reroute: { provider: "openai", model: "b" }, escalation: { provider: "openai", model: "c", rate: 0.1 }, batchShare: 0.3 }, { select: {}, reroute: { provider: "openai", model: "b" } }] });
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const out = runWhatIf({ request, groups, price });
  console.log(groups.length, "groups", (performance.now() - t).toFixed(0), "ms", out.ok);
}
