import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "./db";
import { pathsOutside, resetTouchedPaths, touchedPaths } from "./fs-recorder";
import { loadDemo } from "@/lib/demo/load-demo";
import { pool } from "@/lib/db/pool";
import { projectRoot } from "@/lib/config/project-root";

// Every path our code hands to fs while the demo loads is recorded: a fresh clone has nothing beside the repository.
vi.mock("node:fs", async (orig) => (await import("./fs-recorder")).recordingFs(await orig<object>()));
vi.mock("node:fs/promises", async (orig) => (await import("./fs-recorder")).recordingFs(await orig<object>()));

useTestDatabase();

const options = { events: 20_000, days: 30, endDate: new Date("2026-11-01T00:00:00Z"), quiet: true };

describe("the demo workspace", () => {
  it("loads a realistic company with eval evidence, and loading it again adds nothing", async () => {
    resetTouchedPaths();
    const first = await loadDemo(options);
    // The eval evidence was read from the repository's own copy, and nothing outside the project root was touched.
    expect(touchedPaths()).toContain(path.join(projectRoot(), "data", "routellm", "gsm8k_responses.csv"));
    expect(pathsOutside(projectRoot())).toEqual([]);
    expect(first.accepted).toBe(20_000);
    const counts = await pool().query(`SELECT
      (SELECT count(*)::int FROM teams) AS teams, (SELECT count(*)::int FROM workloads) AS workloads,
      (SELECT count(DISTINCT provider)::int FROM models) AS providers, (SELECT count(DISTINCT tier)::int FROM models) AS tiers,
      (SELECT count(*)::int FROM eval_sets) AS eval_sets, (SELECT count(*)::int FROM workloads WHERE eval_set_id IS NOT NULL) AS linked,
      (SELECT sum(events)::int FROM usage_daily) AS rolled_up,
      (SELECT sum(cost_nanos) FILTER (WHERE team_id = 0)::float / sum(cost_nanos)::float FROM usage_daily) AS unattributed_share`);
    const c = counts.rows[0];
    expect(c.teams).toBeGreaterThanOrEqual(8);
    expect(c.workloads).toBeGreaterThanOrEqual(25);
    expect(c.providers).toBeGreaterThanOrEqual(4);
    expect(c.tiers).toBe(3);
    expect(c.rolled_up).toBe(20_000);
    expect(c.unattributed_share).toBeGreaterThan(0);
    // The RouteLLM eval sets ship in the repository (data/routellm).
    expect(c.eval_sets).toBe(2);
    expect(c.linked).toBe(2);
    // Example budgets (organisation, platform, support), sized from the last full month.
    const budgets = await pool().query("SELECT scope_type, amount_usd::float AS amount FROM budgets ORDER BY id");
    expect(budgets.rows.map((b) => b.scope_type)).toEqual(["org", "team", "team"]);
    expect(budgets.rows.every((b) => b.amount > 0)).toBe(true);
    // Runs (issue 13): agent runs, chat sessions and traces, some runaway; a business metric to divide spend by.
    const runs = await pool().query(`SELECT run_kind::int AS kind, count(*)::int AS n, max(calls)::int AS longest FROM usage_runs GROUP BY 1 ORDER BY 1`);
    expect(runs.rows.map((r) => r.kind)).toEqual([1, 2, 3]);
    expect(runs.rows[0].longest).toBeGreaterThanOrEqual(10);
    const metrics = await pool().query(`SELECT name, count(*)::int AS days FROM business_metrics GROUP BY 1 ORDER BY 1`);
    expect(metrics.rows.map((m) => m.name)).toEqual(["invoices_processed", "tickets_resolved"]);
    expect(metrics.rows.every((m) => m.days >= 20)).toBe(true);

    const again = await loadDemo(options);
    expect(again).toMatchObject({ accepted: 0, duplicates: 20_000 });
    const total = await pool().query("SELECT count(*)::int AS n FROM usage_events");
    expect(total.rows[0].n).toBe(20_000);
  });
});
