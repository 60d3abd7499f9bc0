import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, usageEvent } from "@/tests/factories";
import { eachDay } from "@/lib/forecast/utc-days";

useTestDatabase();

const dir = mkdtempSync(path.join(tmpdir(), "rs-cli-report-"));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.resolve("cli/bin.mjs"), "report", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    timeout: 120_000,
  });

beforeAll(async () => {
  await ingest(eachDay("2026-10-01", "2026-10-31").map((day) => usageEvent({ occurredAt: new Date(`${day}T12:00:00Z`), team: "search", workload: "query-rewrite" })));
});

describe("rightsize report", () => {
  it("writes the CSV, FOCUS, PDF and JSON files with progress on stderr", () => {
    const csv = cli("--month", "2026-10", "--format", "csv", "--out", path.join(dir, "october.csv"));
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stderr).toMatch(/Reading usage\.\.\.\nWriting CSV\.\.\./);
    expect(csv.stderr).toMatch(/Wrote .*october\.csv \([\d,]+ bytes\)/);
    const lines = readFileSync(path.join(dir, "october.csv"), "utf8").trim().split("\r\n");
    expect(lines[0]).toMatch(/^day,team,team_name,workload/);
    expect(lines).toHaveLength(32);

    expect(cli("--month", "2026-10", "--format", "focus", "--out", path.join(dir, "focus.csv")).status).toBe(0);
    expect(readFileSync(path.join(dir, "focus.csv"), "utf8")).toMatch(/^BilledCost,BillingAccountId,/);

    // --format follows the file's extension; the default name lands in the working directory.
    expect(cli("--month", "2026-10", "--out", "report.pdf").status).toBe(0);
    expect(readFileSync(path.join(dir, "report.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(cli("--month", "2026-10", "--format", "json").status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "rightsize-2026-10.json"), "utf8"))).toMatchObject({ month: "2026-10", complete: true });
  }, 240_000);

  it("says why it cannot: a month without usage, a bad month or format", () => {
    const empty = cli("--month", "2026-05", "--format", "csv", "--out", path.join(dir, "may.csv"));
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/rightsize: No usage recorded in May 2026/);
    expect(existsSync(path.join(dir, "may.csv"))).toBe(false);
    const bad = cli("--month", "10/2026", "--format", "csv");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--month must be YYYY-MM/);
    expect(cli("--month", "2026-10", "--format", "xlsx").stderr).toMatch(/--format must be one of json, csv, focus, pdf/);
    expect(cli("--month", "2026-10", "--out", "x.txt").stderr).toMatch(/give --format/);
  }, 240_000);
});
