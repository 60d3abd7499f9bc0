import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createReadStream, mkdtempSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../db";
import { request } from "../factories";
import { NO_DRIFT, rollupDrift } from "../rollup-check";
import { createApiKey } from "@/lib/auth/api-keys";
import { pool } from "@/lib/db/pool";
import { listIngestBatches } from "@/lib/ingest/queries/ingest-batches";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { runIsLive } from "@/lib/ingest/store/run-liveness";
import pg from "pg";
import { rmSync } from "node:fs";
import { POST as importFile } from "@/app/api/v1/imports/route";

/**
 * Issue 10 item 10: kill the importer mid-file (CLI with SIGKILL; the server process mid-request). Sending the same
 * input again gives exactly the totals of a clean import, and the import history shows the killed attempt as failed.
 *
 * Expected totals, worked out by hand: event i has 1000 + (i % 7) input and 10 output tokens of gpt-4o-mini
 * ($0.15 and $0.60 per million tokens = 150 and 600 nano-dollars per token), so it costs
 * 150 * (1000 + i % 7) + 6000 = 156,000 + 150 * (i % 7) nano-dollars. Over n events (n a multiple of 7):
 * n * 156,000 + 150 * (n / 7) * (0+1+...+6) = n * 156,000 + 150 * 21 * n / 7 = n * 156,450.
 */
useTestDatabase();

const dir = mkdtempSync(path.join(tmpdir(), "rightsize-faults-"));
const root = process.cwd();
const tsx = createRequire(import.meta.url).resolve("tsx");
const childEnv = () => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", RIGHTSIZE_ROOT: root, TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json") });

function eventsFile(name: string, n: number, prefix: string): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(JSON.stringify({ id: `${prefix}-${i}`, timestamp: `2026-10-${String(1 + (i % 10)).padStart(2, "0")}T12:00:00Z`, provider: "openai", model: "gpt-4o-mini", input_tokens: 1000 + (i % 7), output_tokens: 10, team: "faults", user: prefix }));
  }
  const file = path.join(dir, name);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

async function totals(prefix: string) {
  const r = await pool().query<{ calls: string; cost: string }>(`SELECT count(*)::text AS calls, COALESCE(sum(cost_nanos), 0)::text AS cost FROM usage_events WHERE user_name = $1`, [prefix]);
  return r.rows[0];
}

/** Polls (bounded) until `prefix` has at least `atLeast` stored events: the import is provably midway. */
async function untilStored(prefix: string, atLeast: number) {
  for (let i = 0; i < 4000; i++) {
    if (Number((await totals(prefix)).calls) >= atLeast) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no ${atLeast} events of ${prefix} within the deadline`);
}

/**
 * The import history of a file, once PostgreSQL has noticed a killed process's connection is gone (it ends that
 * backend and drops its run lock within moments; polled, bounded).
 */
async function historyOf(filename: string) {
  for (let i = 0; ; i++) {
    const all = await listIngestBatches({ kind: "user", label: "admin" }, { limit: 100, kind: "files" });
    const rows = all.filter((b) => b.filename === filename).map((b) => ({ status: b.status }));
    if (!rows.some((r) => r.status === "running") || i >= 400) return rows;
    await new Promise((r) => setTimeout(r, 25));
  }
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));

let key: string;
beforeAll(async () => {
  key = (await createApiKey({ name: "faults", scopes: ["ingest"] })).key;
});

describe("faults", () => {
  it("CLI importer killed with SIGKILL mid-file: history says failed, importing again gives the clean totals", async () => {
    // 210 batches of 2,000 (a multiple of 7, see above): seconds of work even on a fast machine, so the kill after
    // 4,000 stored events lands mid-file.
    const N = 420_000;
    const file = eventsFile("cli-killed.ndjson", N, "cli");
    const child = spawn(process.execPath, ["cli/bin.mjs", "ingest", "--batch-size", "2000", file], { env: childEnv(), stdio: "ignore", detached: true });
    await untilStored("cli", 4000);
    process.kill(-child.pid!, "SIGKILL");
    await exited(child);
    const partial = Number((await totals("cli")).calls);
    expect(partial).toBeLessThan(N);
    expect(partial % 2000).toBe(0); // whole batches only
    expect(await historyOf("cli-killed.ndjson")).toEqual([{ status: "failed" }]);

    const again = spawnSync(process.execPath, ["cli/bin.mjs", "ingest", "--json", file], { env: childEnv(), encoding: "utf8", timeout: 300_000 });
    expect(again.status, again.stderr).toBe(0);
    expect(await totals("cli")).toEqual({ calls: String(N), cost: String(N * 156_450) });
    expect(await historyOf("cli-killed.ndjson")).toEqual([{ status: "done" }, { status: "failed" }]);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  }, 300_000);

  it("server process killed mid-request: history says failed, sending again gives the clean totals", async () => {
    // Seconds of work even on a fast machine (a multiple of 7): the kill after 4,000 stored events lands mid-import.
    const N = 420_000;
    const file = eventsFile("server-killed.ndjson", N, "srv");
    const server = spawn(process.execPath, ["--conditions=react-server", "--import", tsx, "tests/hardening/fault-server.ts"], { env: childEnv(), stdio: ["ignore", "pipe", "inherit"] });
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
      server.once("exit", (code) => reject(new Error(`fault server exited ${code}`)));
    });
    const upload = http.request(`${url}/api/v1/imports?filename=server-killed.ndjson&format=native-ndjson`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/octet-stream", "content-length": String(statSync(file).size) },
    });
    // The server dies mid-request: a socket error on this side is expected, not a failure of the test.
    upload.on("error", () => {});
    upload.on("response", (res) => res.on("error", () => {}).resume());
    createReadStream(file).pipe(upload);
    await untilStored("srv", 4000);
    server.kill("SIGKILL");
    await exited(server);
    upload.destroy();
    const partial = Number((await totals("srv")).calls);
    expect(partial).toBeLessThan(N);
    expect(await historyOf("server-killed.ndjson")).toEqual([{ status: "failed" }]);

    const body = new Uint8Array(await import("node:fs/promises").then((fs) => fs.readFile(file)));
    const res = await importFile(request("/api/v1/imports?filename=server-killed.ndjson&format=native-ndjson", { key, body, headers: { "content-type": "application/octet-stream" } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: N - partial, duplicates: partial, rejected: 0 });
    expect(await totals("srv")).toEqual({ calls: String(N), cost: String(N * 156_450) });
    expect(await historyOf("server-killed.ndjson")).toEqual([{ status: "done" }, { status: "failed" }]);
    expect(await rollupDrift()).toEqual(NO_DRIFT);
  }, 300_000);

  it("PostgreSQL stopped mid-batch and restarted: the run is failed, importing again gives the clean totals", async () => {
    // A cluster of its own (the shared test cluster must stay up for the other files).
    const dataDir = path.resolve(".test-data", `faults-${process.pid}`); // like the shared cluster (initdb cannot use a 0700 mkdtemp dir)
    const port = 54500 + (process.pid % 400);
    const start = () => startEmbeddedPostgres({ dataDir, port, database: "faults" });
    let db = await start();
    const env = { ...childEnv(), DATABASE_URL: db.url };
    try {
      await migrate(db.url);
      const N = 42_000;
      const file = eventsFile("pg-restart.ndjson", N, "pgr");
      const count = async () => {
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        try {
          return (await c.query<{ n: number; cost: string; runs: { status: string }[] }>(
            `SELECT (SELECT count(*)::int FROM usage_events) AS n, (SELECT COALESCE(sum(cost_nanos), 0)::text FROM usage_events) AS cost,
               (SELECT COALESCE(json_agg(json_build_object('status', CASE WHEN b.finished_at IS NOT NULL THEN 'done' WHEN ${runIsLive("b")} THEN 'running' ELSE 'failed' END) ORDER BY b.id DESC), '[]')
                FROM ingest_batches b WHERE b.filename = 'pg-restart.ndjson') AS runs`,
          )).rows[0];
        } finally {
          await c.end();
        }
      };
      const child = spawn(process.execPath, ["cli/bin.mjs", "ingest", "--batch-size", "2000", file], { env, stdio: "ignore", detached: true });
      for (let i = 0; i < 4000 && (await count()).n < 4000; i++) await new Promise((r) => setTimeout(r, 25));
      await db.stop(); // mid-import: the CLI loses its database
      const code = await Promise.race([exited(child).then(() => child.exitCode), new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
      if (code === "still running") process.kill(-child.pid!, "SIGKILL");
      expect(code).not.toBe(0);
      db = await start();
      const after = await count();
      expect(after.n).toBeLessThan(N);
      expect(after.n % 2000).toBe(0); // whole batches only
      expect(after.runs).toEqual([{ status: "failed" }]);

      const again = spawnSync(process.execPath, ["cli/bin.mjs", "ingest", "--json", file], { env, encoding: "utf8", timeout: 300_000 });
      expect(again.status, again.stderr).toBe(0);
      const final = await count();
      expect({ n: final.n, cost: final.cost }).toEqual({ n: N, cost: String(N * 156_450) });
      expect(final.runs).toEqual([{ status: "done" }, { status: "failed" }]);
    } finally {
      await db.stop().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
