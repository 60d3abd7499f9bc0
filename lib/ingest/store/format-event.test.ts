import { describe, expect, it } from "vitest";
import { formatEventRow } from "./format-event";
import { dedupKey } from "./dedup-key";
import type { UsageEvent } from "../usage-event";

const event: UsageEvent = {
  source: "api", externalId: "evt-1", occurredAt: new Date("2026-01-01T10:00:00.123Z"), provider: "openai", model: "gpt-4o",
  inputTokens: 1200, cachedInputTokens: 1000, cacheWriteTokens: 0, outputTokens: 300, reasoningTokens: 20, requests: 1,
  team: "search\tx", workload: null, user: "alice", sourceKey: "proj_1", batch: true, serviceTier: "flex", sourceCostNanos: 420000n,
  latencyMs: 812, status: "ok", tags: { env: "prod", "a\\b": "c\nd" }, run: { id: "run\t7", kind: 1 },
};

describe("formatEventRow", () => {
  it("writes COPY text rows in EVENT_COLUMNS order, escaping text and NULLs", () => {
    expect(formatEventRow(event, { modelId: 7, teamId: 3, workloadId: null, apiKeyId: 9, price: { costNanos: 123456n, priceSource: 1, overrideId: null, toolCostNanos: 100000n }, batchId: 11 })).toBe(
      "4b123d00-4459-61bc-958e-96a33db597f8\t2026-01-01T10:00:00.123Z\t1\t7\t3\t\\N\t9\talice\tsearch\\tx\t\\N\tproj_1\t1200\t1000\t0\t300\t20\t1\tt\tflex\t123456\t420000\t1\t\\N\t812\tok\t" +
        '{"env":"prod","a\\\\\\\\b":"c\\\\nd"}\t11\t0\t100000\trun\\t7\t1', // last columns: cache_write_1h_tokens (absent = 0), tool_cost_nanos, run_id, run_kind
    );
    const bare = { ...event, source: "file" as const, tags: {}, team: null, user: null, sourceCostNanos: null, latencyMs: null, run: null };
    expect(formatEventRow(bare, { modelId: 7, teamId: null, workloadId: 5, apiKeyId: null, price: { costNanos: null, priceSource: 0, overrideId: null }, batchId: 11 })).toBe(
      "4b123d00-4459-61bc-958e-96a33db597f8\t2026-01-01T10:00:00.123Z\t1\t7\t\\N\t5\t\\N\t\\N\t\\N\t\\N\tproj_1\t1200\t1000\t0\t300\t20\t1\tt\tflex\t\\N\t\\N\t0\t\\N\t\\N\tok\t\\N\t11\t0\t\\N\t\\N\t\\N",
    );
  });

  it("keys an event by sha256(namespace:id); files share the api namespace", () => {
    expect(dedupKey("api", "evt-1")).toBe("4b123d00-4459-61bc-958e-96a33db597f8");
    expect(dedupKey("file", "evt-1")).toBe(dedupKey("api", "evt-1"));
    expect(dedupKey("otlp", "evt-1")).not.toBe(dedupKey("api", "evt-1"));
  });
});
