import { beforeAll, describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import { useTestDatabase } from "./db";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { importStream } from "@/lib/ingest/import/import-stream";
import { listIngestBatches } from "@/lib/ingest/queries/ingest-batches";
import { pool } from "@/lib/db/pool";
import { createPricer } from "@/lib/pricing";
import { loadDims } from "@/lib/whatif/server/dimensions";
import { loadCallGroups } from "@/lib/whatif/server/load-groups";
import { priceFnOf, priceGroup } from "@/lib/whatif";

useTestDatabase();

/**
 * Issue 9.1: a usage-export row stands for many calls and is priced per call, on ingestion and in the what-if
 * roll-up. Claude Sonnet 4.5 (genai-prices 0.1.8): $3 in / $15 out per million up to 200k input tokens per call,
 * $6 / $22.50 above. Each row below: 5,000,000 input and 500,000 output tokens in one day (1,000 calls of 5k/500).
 *   base tier: 5,000,000 * 3,000 + 500,000 * 15,000 nano-$ = $15 + $7.50 = $22.50
 *   long tier: 5,000,000 * 6,000 + 500,000 * 22,500 nano-$ = $30 + $11.25 = $41.25
 */
const BASE = 22_500_000_000n;
const LONG = 41_250_000_000n;

const result = (contextWindow: string | null, workspace: string) => ({
  uncached_input_tokens: 5_000_000,
  cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 0 },
  cache_read_input_tokens: 0,
  output_tokens: 500_000,
  server_tool_use: { web_search_requests: 0 },
  api_key_id: null,
  workspace_id: workspace,
  model: "claude-sonnet-4-5",
  service_tier: "standard",
  context_window: contextWindow,
});

const report = {
  data: [
    {
      starting_at: "2026-10-01T00:00:00Z",
      ending_at: "2026-10-02T00:00:00Z",
      results: [result("0-200k", "wrkspc_short"), result("200k-1M", "wrkspc_long"), result(null, "wrkspc_unknown")],
    },
  ],
  has_more: false,
};

let answer: Awaited<ReturnType<typeof importStream>>;

beforeAll(async () => {
  answer = await importStream(Readable.from([Buffer.from(JSON.stringify(report))]), { actor: "test", filename: "anthropic-usage.json", now: new Date("2026-11-01T00:00:00Z") });
});

async function costOf(workspace: string): Promise<bigint> {
  const r = await pool().query<{ cost: string }>(`SELECT cost_nanos::text AS cost FROM usage_events WHERE source_key = $1`, [workspace]);
  return BigInt(r.rows[0].cost);
}

describe("Anthropic usage report buckets, priced per call", () => {
  it("picks the tier from context_window, else the base tier, and the import result says so", async () => {
    expect(answer).toMatchObject({ format: "anthropic-usage", accepted: 3, rejected: 0 });
    expect(await costOf("wrkspc_short")).toBe(BASE);
    expect(await costOf("wrkspc_long")).toBe(LONG);
    expect(await costOf("wrkspc_unknown")).toBe(BASE);
    // Only the bucket without a context window (and without a request count) was an assumption.
    expect(answer.warnings).toEqual([{ kind: "tier_assumed", count: 1, message: expect.stringContaining("group_by[]=context_window") }]);
    const [batch] = await listIngestBatches({ kind: "user", label: "test" }, { limit: 1, kind: "files" });
    expect(batch.warnings).toEqual(answer.warnings);
  });

  it("keeps the what-if roll-up per call: each group re-prices to its recorded cost", async () => {
    expect(await rollupDrift()).toEqual(NO_DRIFT);
    const principal = { teamIds: null };
    const groups = await loadCallGroups(principal, await loadDims(principal), { from: "2026-10-01", to: "2026-10-01" });
    // The two base-tier rows without a request count share a group (bucket -1: tier known, call count not).
    expect(groups).toHaveLength(2);
    const price = priceFnOf(createPricer([]));
    const costs = groups
      .map((g) => priceGroup(price, { provider: g.provider, model: g.model, occurredAt: new Date("2026-10-01T00:00:00Z"), batch: false, serviceTier: "standard", tierInputTokens: g.tierInputTokens }, g.calls, {
        uncached: g.inputTokens - g.cachedInputTokens - g.cacheWriteTokens,
        cached: g.cachedInputTokens,
        write: g.cacheWriteTokens,
        output: g.outputTokens,
      }))
      .sort();
    // Two base-tier rows and one long-context row, as ingestion priced them (not three giant calls at $41.25).
    expect(costs).toEqual([2n * BASE, LONG].sort());
  });
});
