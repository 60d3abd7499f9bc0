import { beforeAll, describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import { useTestDatabase } from "./db";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { importStream } from "@/lib/ingest/import/import-stream";
import { pool } from "@/lib/db/pool";
import type { Principal } from "@/lib/auth/principal";
import { buildMonthlyReport } from "@/lib/reports/monthly-report";
import { monthNonTokenCharges } from "@/lib/reports/non-token-charges";
import { usageRows } from "@/lib/reports/usage-rows";
import { usageCsv } from "@/lib/reports/report-csv";
import { parseBillFile } from "@/lib/reconcile/parse-bill";
import { importBill } from "@/lib/reconcile/import-bill";
import { reconcileMonth } from "@/lib/reconcile/reconcile-month";

useTestDatabase();

/**
 * Issue 15.5: Anthropic server_tool_use.web_search_requests priced per call, stored apart, shown as the report's
 * non-token line and reconciled with the bill. One usage-report row on 2026-10-05: Claude Sonnet 4.5, 100,000
 * uncached input + 10,000 output tokens, 25 web searches.
 *   tokens: 100,000 * 3,000 + 10,000 * 15,000 nano-$ = $0.30 + $0.15 = $0.45
 *   tools:  25 searches * $10 / 1,000 = $0.25        total $0.70
 * The bill (cost report) for that day: $0.45 tokens + $0.30 web search, so web search differs by $0.05.
 */
const NOW = new Date("2026-11-15T00:00:00Z");
const admin: Principal = { kind: "user", id: 1, label: "admin", role: "admin", teamIds: null, scopes: ["read", "ingest"] };

beforeAll(async () => {
  const report = {
    data: [{ starting_at: "2026-10-05T00:00:00Z", ending_at: "2026-10-06T00:00:00Z", results: [{
      uncached_input_tokens: 100_000, cache_read_input_tokens: 0, output_tokens: 10_000, server_tool_use: { web_search_requests: 25 },
      model: "claude-sonnet-4-5", service_tier: "standard", context_window: "0-200k", workspace_id: "wrkspc_a",
    }] }],
    has_more: false,
  };
  await importStream(Readable.from([Buffer.from(JSON.stringify(report))]), { actor: "test", filename: "usage.json", now: NOW });
  const bill = {
    data: [{ starting_at: "2026-10-05T00:00:00Z", ending_at: "2026-10-06T00:00:00Z", results: [
      { amount: "45", currency: "USD", cost_type: "tokens", description: "Claude Sonnet 4.5 tokens", model: "claude-sonnet-4-5", token_type: "uncached_input_tokens", service_tier: "standard", workspace_id: "wrkspc_a", context_window: "0-200k" },
      { amount: "30", currency: "USD", cost_type: "web_search", description: "Web Search Usage", model: "claude-sonnet-4-5", token_type: null, service_tier: null, workspace_id: "wrkspc_a", context_window: null },
    ] }],
    has_more: false,
  };
  const parsed = parseBillFile(JSON.stringify(bill), "anthropic");
  await importBill(parsed.provider, parsed.lines, "test");
});

describe("server-side tools", () => {
  it("are stored apart from the token cost, in the event and the daily roll-up", async () => {
    const e = await pool().query("SELECT cost_nanos::text AS cost, tool_cost_nanos::text AS tools FROM usage_events");
    expect(e.rows).toEqual([{ cost: "700000000", tools: "250000000" }]);
    const d = await pool().query("SELECT sum(cost_nanos)::text AS cost, sum(tool_cost_nanos)::text AS tools FROM usage_daily");
    expect(d.rows[0]).toEqual({ cost: "700000000", tools: "250000000" });
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });

  it("appear as their own non-token line in the monthly report (JSON, CSV) and the per-month function", async () => {
    const report = await buildMonthlyReport(admin, "2026-10", NOW);
    expect(report.totals.costUsd).toBe("0.70");
    expect(report.nonToken).toEqual({ tokensCostUsd: "0.45", serverToolsCostUsd: "0.25", byModel: [{ key: "anthropic/claude-sonnet-4-5", costUsd: "0.25" }] });
    const charges = await monthNonTokenCharges(admin, "2026-10-01", "2026-10-31");
    expect(charges.totalNanos).toBe(250_000_000n);
    expect(charges.rows).toEqual([expect.objectContaining({ day: "2026-10-05", model: "claude-sonnet-4-5", kind: "server_tools", costNanos: 250_000_000n })]);
    const csv = [...usageCsv(await usageRows(admin, "2026-10-01", "2026-10-31"))];
    expect(csv[0]).toContain("tool_cost_usd");
    // tool_cost_usd, then adjustment_added_on (empty: not a late row)
    expect(csv[1].trim().endsWith(",0.25,")).toBe(true);
  });

  it("reconcile with the bill's web-search line: only the $0.05 difference is left as non-token", async () => {
    const r = await reconcileMonth(admin, "2026-10", NOW);
    const anthropic = r.providers.find((p) => p.provider === "anthropic")!;
    // billed $0.75 - computed $0.70 = $0.05 = web search billed $0.30 - ours $0.25; tokens agree exactly.
    expect(anthropic.differenceUsd).toBe("0.05");
    expect(anthropic.explanation.map((e) => [e.kind, e.amountUsd])).toEqual([["non_token", "0.05"]]);
  });
});
