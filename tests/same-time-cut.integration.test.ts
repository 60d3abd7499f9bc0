import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, usageEvent } from "./factories";
import { rollupDrift, NO_DRIFT } from "./rollup-check";
import type { Principal } from "@/lib/auth/principal";
import { pool } from "@/lib/db/pool";
import { queryOverview } from "@/lib/analytics/overview";

/**
 * The month-to-date comparison cuts last month's matching day at the current time of day (Dec 2 09:41:30 compares
 * with Nov 1 00:00 - Nov 2 09:41:00). The complete 15-minute slots of that day come from the slot roll-up, the last
 * partial slot (09:30-09:41) from the raw calls (lib/analytics/cube.ts). Every call is gpt-4o, 1,000 input + 100 output tokens:
 * $0.0025 + $0.0010 = $0.0035.
 */
useTestDatabase();

const NOW = new Date("2026-12-02T09:41:30Z");
const admin: Principal = { kind: "user", id: 1, label: "admin", role: "admin", teamIds: null, scopes: [] };
const call = (at: string, team = "search") => usageEvent({ occurredAt: new Date(at), model: "gpt-4o", inputTokens: 1000, outputTokens: 100, team });

beforeAll(async () => {
  await ingest([
    call("2026-11-02T00:00:00.000Z"), // the day's first instant: in
    call("2026-11-02T09:29:59.999Z"), // the last complete slot before the cut: in (slot roll-up)
    call("2026-11-02T09:30:00.000Z"), // the partial slot: in (raw calls)
    call("2026-11-02T09:40:59.999Z"), // in
    call("2026-11-02T09:41:00.000Z"), // the cut itself: out
    call("2026-11-02T09:59:59.999Z"), // out
    call("2026-11-02T23:00:00.000Z"), // out
    call("2026-11-02T08:30:00.000Z", "billing"), // in, another team
    call("2026-12-02T09:00:00.000Z"), // this month so far: one search call
  ]);
});

describe("last month up to the same time of day", () => {
  it("counts the calls before 09:41:00 on Nov 2, from complete slots and the partial one", async () => {
    // search: 00:00, 09:29:59.999, 09:30, 09:40:59.999 = 4 calls; billing: 1. 5 x $0.0035 = $0.0175.
    const overview = await queryOverview(admin, { from: "2026-12-01", to: "2026-12-02" }, NOW);
    expect(overview.previous).toMatchObject({ from: "2026-11-01", to: "2026-11-02", until: "2026-11-02T09:41:00.000Z" });
    expect(overview.range).toMatchObject({ costUsd: "0.0035", previousCostUsd: "0.0175" });
    expect(overview.month.lastMonthToSameDayUsd).toBe("0.0175");
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  });

  it("applies the team scope to the slots and the raw calls alike", async () => {
    const teams = await pool().query<{ id: number; slug: string }>("SELECT id, slug FROM teams");
    const billing = teams.rows.find((t) => t.slug === "billing")!.id;
    const lead: Principal = { kind: "user", id: 2, label: "lead", role: "viewer", teamIds: [billing], scopes: [] };
    const overview = await queryOverview(lead, { from: "2026-12-01", to: "2026-12-02" }, NOW);
    expect(overview.range).toMatchObject({ costUsd: "0.00", previousCostUsd: "0.0035" });
  });

  it("reads the complete slots from the roll-up: raw calls before 09:30 gone, the figure stays", async () => {
    // As after raw retention dropped them: only the partial slot (09:30-09:41) needs raw calls.
    await pool().query("DELETE FROM usage_events WHERE occurred_at < '2026-11-02T09:30:00Z'");
    const overview = await queryOverview(admin, { from: "2026-12-01", to: "2026-12-02" }, NOW);
    expect(overview.range.previousCostUsd).toBe("0.0175");
  });
});
