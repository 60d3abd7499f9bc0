/**
 * Issue 13 §2-3: calls roll up into runs (run id > session id > trace id), with exact per-run percentiles, runaway
 * runs, cost per call / per ok call / per successful outcome, and a run's call breakdown. Prices are a price
 * override of $1 per million input tokens and $0 output, so a call of N input tokens costs exactly N * 1,000 nanos.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, usageEvent, userWithSession } from "./factories";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { prisma } from "@/lib/db/prisma";
import { pool } from "@/lib/db/pool";
import { GET as listRuns } from "@/app/api/v1/runs/route";
import { GET as getRun } from "@/app/api/v1/runs/[runId]/route";
import type { UsageEvent } from "@/lib/ingest/usage-event";

useTestDatabase();

let admin: string;
let outsider: string;

const at = (minute: number) => new Date(Date.UTC(2026, 9, 15, 10, minute));
const call = (overrides: Partial<UsageEvent>) =>
  usageEvent({ provider: "acme", model: "acme-agent", outputTokens: 0, team: "support", workload: "agent-a", status: "ok", ...overrides });

beforeAll(async () => {
  await prisma().priceOverride.create({
    data: { provider: "acme", model: "acme-agent", inputPerMtok: "1", outputPerMtok: "0", validFrom: new Date("2026-01-01T00:00:00Z") },
  });
  await prisma().priceOverride.create({
    data: { provider: "acme", model: "acme-small", inputPerMtok: "1", outputPerMtok: "0", validFrom: new Date("2026-01-01T00:00:00Z") },
  });
  const events: UsageEvent[] = [];
  // agent-a: runs r1..r100; run i = 2 calls of 500*i input tokens = 2 * 500i * 1,000 nanos = i * $0.001.
  // Runs 1..40 end "resolved", 41..50 "escalated"; run 100's two calls failed (status error).
  for (let i = 1; i <= 100; i++) {
    const tokens = 500 * i;
    const status = i === 100 ? "error" : "ok";
    events.push(call({ run: { id: `r${i}`, kind: 1 }, inputTokens: tokens, occurredAt: at(0), status }));
    const outcome: Record<string, string> = i <= 40 ? { outcome: "resolved" } : i <= 50 ? { outcome: "escalated" } : {};
    // the second call of run 100 is on the small model, so the run used two models
    events.push(call({ run: { id: `r${i}`, kind: 1 }, inputTokens: tokens, occurredAt: at(1), status, tags: outcome, model: i === 100 ? "acme-small" : "acme-agent" }));
  }
  // agent-b: a session of 1 call (1,000 tokens = $0.001), a trace of 2 calls ($0.002), a run of 3 calls ($0.003);
  // one call without any id (not a run).
  events.push(call({ workload: "agent-b", run: { id: "sess-1", kind: 2 }, inputTokens: 1000 }));
  events.push(call({ workload: "agent-b", run: { id: "trace-1", kind: 3 }, inputTokens: 1000 }));
  events.push(call({ workload: "agent-b", run: { id: "trace-1", kind: 3 }, inputTokens: 1000 }));
  for (let k = 0; k < 3; k++) events.push(call({ workload: "agent-b", run: { id: "run-b", kind: 1 }, inputTokens: 1000 }));
  events.push(call({ workload: "agent-b", inputTokens: 7000 }));
  // outside the range (September): not counted
  events.push(call({ workload: "agent-b", run: { id: "old", kind: 1 }, inputTokens: 9000, occurredAt: new Date("2026-09-30T23:59:00Z") }));
  const summary = await ingest(events);
  expect(summary.accepted).toBe(events.length);
  admin = (await userWithSession("admin@runs.test", "admin")).cookie;
  await prisma().team.create({ data: { slug: "elsewhere", name: "Elsewhere" } });
  outsider = (await userWithSession("lead@runs.test", "lead", ["elsewhere"])).cookie;
});

async function runs(query: string, cookie = admin) {
  const res = await listRuns(request(`/api/v1/runs?${query}`, { cookie }));
  return { status: res.status, body: await res.json() };
}

describe("runs", () => {
  it("keep the roll-up equal to a recomputation from calls", async () => {
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });

  it("give p50/p95/max cost per run per workload, exact, and flag the runs above p99", async () => {
    const { status, body } = await runs("from=2026-10-01&to=2026-10-31");
    expect(status).toBe(200);
    const a = body.workloads.find((w: { workload: string }) => w.workload === "agent-a");
    // Run costs are $0.001 .. $0.100 (one per run). Nearest rank: p50 = the 50th of 100 = $0.050, p95 = $0.095,
    // p99 = $0.099, max = $0.100; only r100 ($0.100) is above p99. Total = $0.001 * (1+...+100) = $5.05 over 200 calls.
    expect(a).toMatchObject({
      runs: 100, calls: 200, costUsd: "5.05", callsPerRun: "2.00", meanPerRunUsd: "0.0505",
      p50Usd: "0.05", p95Usd: "0.095", p99Usd: "0.099", maxUsd: "0.10", runawayRuns: 1,
      // $5.05 / 200 calls = $0.02525
      costPerCallUsd: "0.02525",
      // 198 ok calls (r100's two failed): 5,050,000,000 / 198 = 25,505,050.505 nanos -> 25,505,051 (half-up)
      okCalls: 198, costPerOkCallUsd: "0.025505051",
      // 50 calls carry an outcome, 40 of them "resolved": $5.05 / 40 = $0.12625
      outcomeCalls: 50, successfulOutcomes: 40, costPerSuccessfulOutcomeUsd: "0.12625",
    });
    const b = body.workloads.find((w: { workload: string }) => w.workload === "agent-b");
    // Runs sess-1 $0.001 (1 call), trace-1 $0.002 (2), run-b $0.003 (3); the call without an id is no run, the
    // September run is outside the range. p50 of 3 = the 2nd ($0.002); p95 = p99 = max = $0.003: nothing runaway.
    expect(b).toMatchObject({ runs: 3, calls: 6, costUsd: "0.006", p50Usd: "0.002", p95Usd: "0.003", maxUsd: "0.003", runawayRuns: 0, callsPerRun: "2.00" });
    expect(body.runaway.map((r: { runId: string }) => r.runId)).toEqual(["r100"]);
    expect(body.top[0]).toMatchObject({ runId: "r100", kind: "run", workload: "agent-a", calls: 2, costUsd: "0.10", errorCalls: 2, runaway: true, models: ["acme/acme-agent", "acme/acme-small"] });
    expect(body.top.slice(1, 3).map((r: { runId: string }) => r.runId)).toEqual(["r99", "r98"]);
    const kinds = await runs("from=2026-10-01&to=2026-10-31&workload=agent-b&limit=5");
    expect(kinds.body.top.map((r: { runId: string; kind: string }) => `${r.runId}:${r.kind}`)).toEqual(["run-b:run", "trace-1:trace", "sess-1:session"]);
  });

  it("show a run's calls by model and in time order", async () => {
    const res = await getRun(request("/api/v1/runs/r100", { cookie: admin }), { params: Promise.resolve({ runId: "r100" }) });
    expect(res.status).toBe(200);
    const body = await res.json();
    // r100: 2 calls of 50,000 tokens = $0.05 each, one per model
    expect(body.run).toMatchObject({ runId: "r100", calls: 2, costUsd: "0.10", errorCalls: 2 });
    expect(body.byModel).toEqual([
      { model: "acme/acme-agent", calls: 1, inputTokens: 50000, outputTokens: 0, costUsd: "0.05" },
      { model: "acme/acme-small", calls: 1, inputTokens: 50000, outputTokens: 0, costUsd: "0.05" },
    ]);
    expect(body.calls.map((c: { model: string; status: string }) => `${c.model}:${c.status}`)).toEqual(["acme/acme-agent:error", "acme/acme-small:error"]);
  });

  it("are scoped to the caller's teams", async () => {
    const { body } = await runs("from=2026-10-01&to=2026-10-31", outsider);
    expect(body).toMatchObject({ workloads: [], top: [], runaway: [] });
    const res = await getRun(request("/api/v1/runs/r100", { cookie: outsider }), { params: Promise.resolve({ runId: "r100" }) });
    expect(res.status).toBe(404);
  });

  it("stores the run id the native API sends (run_id wins over session_id and trace_id)", async () => {
    const { POST } = await import("@/app/api/v1/events/route");
    const base = { timestamp: "2026-10-16T09:00:00Z", provider: "acme", model: "acme-agent", input_tokens: 10, team: "support", workload: "agent-c" };
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const key = (await createApiKey({ name: "gateway", scopes: ["ingest"] })).key;
    const res = await POST(
      request("/api/v1/events", {
        key,
        body: [
          { ...base, id: "n1", run_id: "R-1", session_id: "S-1", trace_id: "T-1" },
          { ...base, id: "n2", session_id: "S-1", trace_id: "T-1" },
          { ...base, id: "n3", trace_id: "T-1" },
        ],
      }),
    );
    expect(res.status).toBe(200);
    const rows = await pool().query("SELECT run_id, run_kind FROM usage_events WHERE workload_id = (SELECT id FROM workloads WHERE slug = 'agent-c') ORDER BY run_kind");
    expect(rows.rows).toEqual([{ run_id: "R-1", run_kind: 1 }, { run_id: "S-1", run_kind: 2 }, { run_id: "T-1", run_kind: 3 }]);
  });
});
