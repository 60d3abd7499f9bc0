import { beforeAll, describe, expect, it } from "vitest";
import { Readable } from "node:stream";
import { useTestDatabase } from "./db";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { importStream } from "@/lib/ingest/import/import-stream";
import { IngestSession } from "@/lib/ingest/ingest-session";
import { usageEvent } from "./factories";
import type { Principal } from "@/lib/auth/principal";
import { querySpend } from "@/lib/analytics/spend";
import { querySpendCube } from "@/lib/analytics/cube";
import { breakdown } from "@/lib/analytics/breakdown";
import { measuresOut } from "@/lib/analytics/format-measures";
import { buildMonthlyReport } from "@/lib/reports/monthly-report";

useTestDatabase();

/**
 * Issue 9.3: unknown request counts are unknown, not zero. Day 2026-10-05, model claude-sonnet-4-5:
 *  - 10 native calls (requests 1 each) of 1,000 input + 100 output tokens:
 *      each 1,000 * 3,000 + 100 * 15,000 = 4,500,000 nano-$; together 45,000,000 for 10 calls
 *  - one Anthropic usage-report row (no request count) of 1,000,000 input + 100,000 output tokens:
 *      1,000,000 * 3,000 + 100,000 * 15,000 = 4,500,000,000 nano-$
 *  - one usage-report row of an unpriced model (no request count): unpriced usage although requests = 0.
 * Cost per 1,000 calls must use only the counted calls: 45,000,000 / 10 * 1,000 = 4,500,000,000 nano-$ = $4.50
 * (counting the bucket's cost over 10 calls would give $454.50).
 */
const NOW = new Date("2026-11-15T00:00:00Z");
const admin: Principal = { kind: "user", id: 1, label: "admin", role: "admin", teamIds: null, scopes: ["read", "ingest"] };

beforeAll(async () => {
  const session = await IngestSession.open({ source: "test", format: "native", actor: "test" });
  for (let i = 0; i < 10; i++) {
    await session.add(usageEvent({ externalId: `c${i}`, provider: "anthropic", model: "claude-sonnet-4-5", occurredAt: new Date("2026-10-05T12:00:00Z"), inputTokens: 1_000, outputTokens: 100 }), i);
  }
  await session.finish();
  const row = (model: string, input: number, output: number) => ({ uncached_input_tokens: input, output_tokens: output, model, service_tier: "standard", context_window: "0-200k" });
  const report = { data: [{ starting_at: "2026-10-05T00:00:00Z", ending_at: "2026-10-06T00:00:00Z", results: [row("claude-sonnet-4-5", 1_000_000, 100_000), row("claude-experimental-x", 5_000, 500)] }] };
  await importStream(Readable.from([Buffer.from(JSON.stringify(report))]), { actor: "test", filename: "usage.json", now: NOW });
});

describe("rows without a request count", () => {
  it("still count as unpriced usage when unpriced", async () => {
    const spend = await querySpend(admin, { groupBy: "model", from: "2026-10-01", to: "2026-10-31" }, NOW);
    expect(spend.totals).toMatchObject({ requests: 10, unpricedRequests: 0, unpricedEvents: 1, uncountedEvents: 2 });
    const report = await buildMonthlyReport(admin, "2026-10", NOW);
    expect(report.unpriced).toMatchObject({ requests: 0, events: 1, models: [{ key: "anthropic/claude-experimental-x", requests: 0 }] });
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });

  it("are left out of cost per 1,000 calls, and the answer says how many were left out", async () => {
    const cells = await querySpendCube(admin, { from: "2026-10-01", to: "2026-10-31" });
    const sonnet = breakdown(cells, "model").find((g) => g.key === "anthropic/claude-sonnet-4-5")!;
    const out = measuresOut(sonnet.cur);
    // Total cost 45,000,000 + 4,500,000,000 nano-$ = $4.545; per 1k calls only the 10 counted calls: $4.50.
    expect(out.costUsd).toBe("4.545");
    expect(out.costPer1kCallsUsd).toBe("4.50");
    expect(out.uncountedEvents).toBe(1);
  });
});
