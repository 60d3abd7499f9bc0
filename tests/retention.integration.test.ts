import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { ingest, request, userWithSession } from "./factories";
import { pool } from "@/lib/db/pool";
import { flatCall, flatPrice } from "@/lib/chargeback/testing/flat-price-seed";
import { ensureEventPartitions, listEventPartitions } from "@/lib/db/event-partitions";
import { runRetention } from "@/lib/db/retention";
import { SKIP } from "@/lib/ingest/sources/outcome";
import { GET as reportRoute } from "@/app/api/v1/reports/monthly/route";
import { GET as spendRoute } from "@/app/api/v1/spend/route";
import { POST as whatifRoute } from "@/app/api/v1/whatif/route";

useTestDatabase();

/**
 * RIGHTSIZE_RAW_RETENTION_MONTHS drops raw monthly partitions; everything finance reads comes from roll-ups, so a
 * dropped month's report, explorer totals and what-if must read exactly as before. Retention runs "in December
 * 2026" keeping 2 whole months before it: October on is kept, August and September go.
 */
const NOW = new Date("2026-12-15T10:00:00Z");
let admin: { cookie: string };

// acme/flat-1 costs $1 per million input tokens: a call costs its input tokens x 1,000 nano-dollars.
const calls = () => [
  flatCall("2026-08-10", "search", "query-rewrite", 1_000, { externalId: "aug-1" }), // $0.001
  flatCall("2026-08-20", "support", "ticket-triage", 2_000, { externalId: "aug-2" }), // $0.002
  flatCall("2026-09-05", "search", "query-rewrite", 4_000, { externalId: "sep-1" }), // $0.004
  flatCall("2026-10-01", "search", "query-rewrite", 8_000, { externalId: "oct-1" }), // $0.008
];

// Everything but the time the report was generated.
const report = async (month: string) => {
  const { generatedAt: _, ...body } = await (await reportRoute(request(`/api/v1/reports/monthly?month=${month}`, admin))).json();
  return body;
};
const spend = async (from: string, to: string) => (await spendRoute(request(`/api/v1/spend?from=${from}&to=${to}&groupBy=team`, admin))).json();
const whatif = async () =>
  (
    await whatifRoute(
      request("/api/v1/whatif", {
        cookie: admin.cookie,
        body: { from: "2026-08-01", to: "2026-08-31", rules: [{ select: { workloads: ["query-rewrite"] }, reroute: { provider: "acme", model: "flat-1" }, batchShare: 0, cachedShare: null, outputFactor: 1 }] },
      }),
    )
  ).json();

async function rawCount(from: string, to: string): Promise<number> {
  const r = await pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM usage_events WHERE occurred_at >= $1 AND occurred_at < $2`, [from, to]);
  return r.rows[0].n;
}

beforeAll(async () => {
  await flatPrice();
  await ingest(calls());
  admin = await userWithSession("admin@retention.test", "admin");
});

afterAll(async () => {
  // Later test files write into these months again: the floor goes with the next reset, the months come back here.
  await pool().query("DELETE FROM app_settings WHERE key = 'raw_retention_floor'");
  const client = await pool().connect();
  try {
    await ensureEventPartitions(client, ["2026-07", "2026-08", "2026-09", "2026-10"]);
  } finally {
    client.release();
  }
});

describe("rightsize retention", () => {
  const cli = (env: Record<string, string>, ...args: string[]) => {
    const r = spawnSync(process.execPath, ["cli/bin.mjs", "retention", ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
  };

  it("--dry-run names the months that would go and drops nothing; without the variable nothing goes", async () => {
    await ingest([flatCall("2026-07-07", "search", "query-rewrite", 1_000, { externalId: "cli-jul" })]);
    const unset = cli({ RIGHTSIZE_RAW_RETENTION_MONTHS: "" }, "--dry-run");
    expect(unset).toMatchObject({ code: 0, out: "RIGHTSIZE_RAW_RETENTION_MONTHS is not set: all raw events are kept, nothing to drop." });
    // Keeping 1 whole month before the current one (December 2026 or later) lets July 2026 go.
    const dry = cli({ RIGHTSIZE_RAW_RETENTION_MONTHS: "1" }, "--dry-run");
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/^Would drop usage_events_2026_07 \(2026-07, \d+\.\d MB\)$/m);
    expect(await rawCount("2026-07-01", "2026-08-01")).toBe(1);
  });
});

describe("raw-data retention", () => {
  it("keeps report, explorer and what-if figures of a dropped month exactly as they were", async () => {
    const before = { august: await report("2026-08"), september: await report("2026-09"), spend: await spend("2026-08-01", "2026-10-31"), whatif: await whatif() };
    // August: $0.001 + $0.002; the explorer over Aug-Oct: $0.001 + $0.002 + $0.004 + $0.008 = $0.015.
    expect(before.august.totals).toMatchObject({ costUsd: "0.003", requests: 2 });
    expect(before.september.totals).toMatchObject({ costUsd: "0.004", requests: 1 });
    expect(before.spend.totals).toMatchObject({ costUsd: "0.015", requests: 4 });
    expect(before.whatif.baseline).toEqual({ costUsd: "0.003" });

    const client = await pool().connect();
    try {
      // A dry run names the months that would go and changes nothing.
      const dry = await runRetention(client, 2, { dryRun: true, now: NOW });
      expect(dry.floor).toBe("2026-10");
      const names = dry.dropped.map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(["usage_events_2026_08", "usage_events_2026_09"]));
      expect(names.some((n) => n >= "usage_events_2026_10")).toBe(false);
      expect(await rawCount("2026-08-01", "2026-10-01")).toBe(3);

      const run = await runRetention(client, 2, { now: NOW });
      expect(run.dropped.map((p) => p.name)).toEqual(names);
    } finally {
      client.release();
    }
    const months = (await listEventPartitions(pool())).map((p) => p.month);
    expect(months).not.toContain("2026-08");
    expect(months).toContain("2026-10");
    expect(await rawCount("2026-08-01", "2026-10-01")).toBe(0);
    expect(await rawCount("2026-10-01", "2026-11-01")).toBe(1);

    expect(await report("2026-08")).toEqual(before.august);
    expect(await report("2026-09")).toEqual(before.september);
    expect(await spend("2026-08-01", "2026-10-31")).toEqual(before.spend);
    expect(await whatif()).toEqual(before.whatif);
  });

  it("skips a re-sent event of a dropped month instead of counting it again", async () => {
    const again = await ingest(calls());
    // aug-1, aug-2, sep-1: before the floor (skipped); oct-1: a duplicate.
    expect(again).toMatchObject({ accepted: 0, duplicates: 1, skipped: 3, skipReasons: { [SKIP.pastRetention]: 3 } });
    expect((await report("2026-08")).totals).toMatchObject({ costUsd: "0.003", requests: 2 });
    expect((await spend("2026-08-01", "2026-10-31")).totals).toMatchObject({ costUsd: "0.015", requests: 4 });
  });

  it("leaves out, as skipped, events of a month another process dropped while this one still had it cached", async () => {
    // Another process runs retention keeping from November: October's partition goes, the floor moves.
    await pool().query("DROP TABLE usage_events_2026_10");
    await pool().query("UPDATE app_settings SET value = '2026-11' WHERE key = 'raw_retention_floor'");
    const late = await ingest([
      flatCall("2026-10-02", "search", "query-rewrite", 16_000, { externalId: "oct-2" }),
      flatCall("2026-11-03", "search", "query-rewrite", 32_000, { externalId: "nov-1" }), // $0.032
    ]);
    expect(late).toMatchObject({ accepted: 1, duplicates: 0, skipped: 1, skipReasons: { [SKIP.pastRetention]: 1 } });
    // Aug-Nov in the explorer: $0.015 before, + $0.032 for nov-1; oct-2 was not stored.
    expect((await spend("2026-08-01", "2026-11-30")).totals).toMatchObject({ costUsd: "0.047", requests: 5 });
  });
});
