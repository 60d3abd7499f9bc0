import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./db";
import { NO_DRIFT, rollupDrift } from "./rollup-check";
import { pool } from "@/lib/db/pool";

useTestDatabase();

const dir = mkdtempSync(path.join(tmpdir(), "rightsize-cli-ingest-"));
const env = () => ({ ...process.env, DATABASE_URL: process.env.DATABASE_URL });

function rightsize(...args: string[]) {
  const r = spawnSync(process.execPath, ["cli/bin.mjs", ...args], { encoding: "utf8", env: env(), timeout: 300_000 });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

/** n native events on 10 days, 1,000 input tokens + i % 7 each: the totals are known in advance. */
function eventsFile(name: string, n: number, prefix: string): { file: string; input: number } {
  let input = 0;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const tokens = 1000 + (i % 7);
    input += tokens;
    lines.push(JSON.stringify({ id: `${prefix}-${i}`, timestamp: `2026-10-${String(1 + (i % 10)).padStart(2, "0")}T12:00:00Z`, provider: "openai", model: "gpt-4o-mini", input_tokens: tokens, output_tokens: 10, team: `t${i % 3}`, user: `u${i % 5}` }));
  }
  const file = path.join(dir, name);
  writeFileSync(file, lines.join("\n") + "\n");
  return { file, input };
}

async function stored(prefix: string) {
  const r = await pool().query(`SELECT count(*)::int AS n, COALESCE(sum(input_tokens), 0)::bigint::int AS input FROM usage_events WHERE user_name LIKE 'u%' AND source = 1 AND dedup_key IS NOT NULL AND ingest_batch_id IN (SELECT id FROM ingest_batches WHERE filename LIKE $1)`, [`${prefix}%`]);
  return r.rows[0] as { n: number; input: number };
}

describe("rightsize ingest", () => {
  it("imports files, prints a summary per file and exits 1 listing the first rejected lines with their numbers", () => {
    const good = eventsFile("good.ndjson", 50, "good");
    const bad = path.join(dir, "bad.ndjson");
    writeFileSync(bad, [JSON.stringify({ id: "b1", timestamp: "2026-10-01T00:00:00Z", model: "gpt-4o", input_tokens: 5 }), '{"id":"b2","timestamp":"nope","model":"gpt-4o"}', "[1,2"].join("\n"));
    const r = rightsize("ingest", good.file, bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("good.ndjson: Rightsize events, one JSON object per line, likely (timestamp, model, input_tokens). 50 accepted, 0 duplicates, 0 replaced, 0 rejected");
    expect(r.stdout).toContain("bad.ndjson: Rightsize events, one JSON object per line, likely (timestamp, model, input_tokens). 1 accepted");
    expect(r.stdout).toContain('  line 2: timestamp: is not an ISO-8601 date-time, got "nope"');
    expect(r.stdout).toMatch(/ {2}line 3: record: not valid JSON/);
    const again = rightsize("ingest", "--json", good.file);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ accepted: 0, duplicates: 50, rejected: 0, format: "native-ndjson" });
  });

  it("refuses an unknown --format and a missing file with a usage error, and fails (not hangs) on an unreadable one", () => {
    expect(rightsize("ingest", "--format", "xml", "x.ndjson").code).toBe(2);
    expect(rightsize("ingest", path.join(dir, "missing.ndjson")).code).toBe(2);
    const folder = rightsize("ingest", dir);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain("EISDIR");
  });

  it("an import killed midway keeps whole batches only, and running it again gives the exact totals", async () => {
    // Large enough (100 batches) that the import is still running when it is killed, however fast the machine.
    const TOTAL = 200_000;
    const { file, input } = eventsFile("killed.ndjson", TOTAL, "killed");
    const child = spawn(process.execPath, ["cli/bin.mjs", "ingest", "--batch-size", "2000", file], { env: env(), stdio: "ignore", detached: true });
    // Kill it (the whole process group: bin.mjs and the tsx child) once some batches are in, well before the end.
    let seen = 0;
    for (let i = 0; i < 2400 && seen < 4000; i++) {
      await new Promise((r) => setTimeout(r, 25));
      seen = (await stored("killed")).n;
    }
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const partial = await stored("killed");
    expect(partial.n).toBeGreaterThan(0);
    expect(partial.n).toBeLessThan(TOTAL);
    expect(partial.n % 2000).toBe(0); // every batch landed whole or not at all
    const unfinished = await pool().query("SELECT finished_at FROM ingest_batches WHERE filename = 'killed.ndjson'");
    expect(unfinished.rows).toEqual([{ finished_at: null }]);

    const rerun = rightsize("ingest", "--json", file);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ accepted: TOTAL - partial.n, duplicates: partial.n, rejected: 0 });
    const r = await pool().query(`SELECT count(*)::int AS n, sum(input_tokens)::bigint::text AS input FROM usage_events WHERE dedup_key IS NOT NULL AND user_name LIKE 'u%' AND occurred_at >= '2026-10-01' AND occurred_at < '2026-10-11' AND model_id = (SELECT id FROM models WHERE name = 'gpt-4o-mini')`);
    expect(r.rows[0]).toEqual({ n: TOTAL + 50, input: String(input + (await goodInput())) });
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  }, 300_000);
});

async function goodInput() {
  let total = 0;
  for (let i = 0; i < 50; i++) total += 1000 + (i % 7);
  return total;
}
