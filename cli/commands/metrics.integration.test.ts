import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { ingest, usageEvent } from "@/tests/factories";
import { pool } from "@/lib/db/pool";

useTestDatabase();

const dir = mkdtempSync(path.join(tmpdir(), "rs-cli-metrics-"));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, [path.resolve("cli/bin.mjs"), "metrics", ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, DATABASE_URL: inject("databaseUrl") }, timeout: 120_000 });

beforeAll(async () => {
  await ingest([usageEvent({ team: "support", workload: "tickets-bot" })]);
});

describe("rightsize metrics import", () => {
  it("stores a CSV of business metrics; importing it again replaces the same values", () => {
    writeFileSync(path.join(dir, "m.csv"), "date,name,value,workload\n2026-10-01,tickets_resolved,12.5,tickets-bot\n2026-10-02,tickets_resolved,8,tickets-bot\n");
    const first = cli("import", "m.csv");
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("Stored 2 metric values (0 replaced earlier values).");
    const again = cli("import", "m.csv");
    expect(again.stdout).toContain("Stored 2 metric values (2 replaced earlier values).");
  });

  it("refuses a bad line, naming it, and stores nothing of the file", async () => {
    writeFileSync(path.join(dir, "bad.csv"), "date,name,value\n2026-10-03,docs,4\n2026-13-01,docs,5\n");
    const r = cli("import", "bad.csv");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("CSV line 3: date");
    expect((await pool().query("SELECT count(*)::int AS n FROM business_metrics WHERE name = 'docs'")).rows[0].n).toBe(0);
  });
});
