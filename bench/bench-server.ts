/**
 * What the server-level benchmarks (bench:soak, bench:memory) share: a production server (`next start`, built first
 * when sources changed) on a given database, an admin session cookie and an ingest key for it, and the memory of
 * the server's process tree (current and peak resident set, read from /proc).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { needsBuild } from "@/lib/bootstrap/needs-build";

export const root = path.resolve(import.meta.dirname, "..");
export const log = (line: string) => process.stderr.write(`${line}\n`);
export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The server and every process under it (next start runs the app in a child). */
function treePids(pid: number): number[] {
  const out: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    try {
      stack.push(...readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      // gone
    }
  }
  return out;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory of the server's process tree, in bytes. */
export function treeRss(pid: number): number {
  return treePids(pid).reduce((sum, p) => sum + statusKb(p, "VmRSS") * 1024, 0);
}

/** Peak resident memory (VmHWM) of the tree since the last resetTreePeak, in bytes. */
export function treePeak(pid: number): number {
  return treePids(pid).reduce((sum, p) => sum + statusKb(p, "VmHWM") * 1024, 0);
}

/** Resets each process's peak to its current resident set (Linux: "5" > /proc/PID/clear_refs). */
export function resetTreePeak(pid: number): void {
  for (const p of treePids(pid)) writeFileSync(`/proc/${p}/clear_refs`, "5");
}

/** An admin session cookie (signed with `secret`) and an ingest API key, for a migrated database at `url`. */
export async function benchCredentials(url: string, secret: string, label: string): Promise<{ cookie: string; key: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const user = await client.query<{ id: number }>(
    `INSERT INTO users (email, name, role) VALUES ($1, $2, 'admin') ON CONFLICT (email) DO UPDATE SET role = 'admin' RETURNING id`,
    [`bench-${label}@rightsize.local`, `Bench ${label}`],
  );
  await client.end();
  const cookie = `next-auth.session-token=${await encode({ token: { uid: user.rows[0].id, sv: 0 }, secret })}`;
  const keyOut = spawnSync(process.execPath, [path.join(root, "cli/bin.mjs"), "keys", "create", "--name", label, "--scope", "ingest"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
  const key = /rs_[A-Za-z0-9_-]+/.exec(keyOut.stdout)?.[0];
  if (!key) throw new Error(`could not create an ingest key: ${keyOut.stdout}${keyOut.stderr}`);
  return { cookie, key };
}

/** `next start` on `port` against `url`, resolved once /api/health answers; its output goes to `logFile` when given. */
export async function startProductionServer(opts: { url: string; port: number; secret: string; env?: Record<string, string>; logFile?: string }): Promise<ChildProcess> {
  const base = `http://localhost:${opts.port}`;
  if (needsBuild(root)) {
    log("building the app (next build)...");
    const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(opts.port)], {
    cwd: root,
    stdio: opts.logFile ? ["ignore", openSync(opts.logFile, "a"), openSync(opts.logFile, "a")] : "ignore",
    env: { ...process.env, DATABASE_URL: opts.url, NEXTAUTH_SECRET: opts.secret, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1", RIGHTSIZE_ALERTS: "off", ...opts.env },
  });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return server;
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error("the server did not start");
}

/** Stops a server started by startProductionServer and waits for it to exit (its port is free again). */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}
