import { spawnSync } from "node:child_process";
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A real Citus cluster on this machine for `npm run test:citus`: a coordinator and two workers, each its own
 * PostgreSQL server (initdb + pg_ctl of the PostgreSQL whose server has Citus), trust auth on 127.0.0.1 only,
 * data in a temporary folder removed at stop. Never a mock, never skipped: without Citus it throws HOW_TO_GET_CITUS.
 */
export const HOW_TO_GET_CITUS = [
  "npm run test:citus needs PostgreSQL with the Citus extension and found none.",
  "Either set CITUS_PG_BIN to the bin directory of a PostgreSQL server that has Citus installed",
  "(its pg_config --pkglibdir holds citus.so), or build it here as root with the script CI uses:",
  "  bash shared/citus/build.sh   (the shared folder beside this repository; Debian PostgreSQL 15 + Citus 13.2.2,",
  "  about 3 minutes; it prints the bin directory to use as CITUS_PG_BIN, e.g. /usr/lib/postgresql/15/bin).",
].join("\n");

const DEBIAN_PG15 = "/usr/lib/postgresql/15/bin";

/** The PostgreSQL bin directory whose server loads Citus: CITUS_PG_BIN, else Debian's PostgreSQL 15 if Citus is in it. */
export function findCitusPgBin(env: Record<string, string | undefined> = process.env): string {
  const candidates = env.CITUS_PG_BIN ? [env.CITUS_PG_BIN] : [DEBIAN_PG15];
  for (const bin of candidates) {
    if (!existsSync(path.join(bin, "pg_config"))) continue;
    const libdir = spawnSync(path.join(bin, "pg_config"), ["--pkglibdir"], { encoding: "utf8" }).stdout.trim();
    if (existsSync(path.join(libdir, "citus.so"))) return bin;
  }
  const tried = env.CITUS_PG_BIN ? `CITUS_PG_BIN=${env.CITUS_PG_BIN} has no Citus (no citus.so in its pg_config --pkglibdir).\n` : "";
  throw new Error(tried + HOW_TO_GET_CITUS);
}

export interface CitusCluster {
  pgBin: string;
  coordinatorPort: number;
  /** A database on the coordinator (and every worker) with the citus extension: `postgresql://...`. */
  createCitusDatabase(name: string): Promise<string>;
  /** A database on the coordinator without the extension: plain PostgreSQL of the same server version. */
  createPlainDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

interface Node {
  dir: string;
  port: number;
}

export async function startCitusCluster(pgBin = findCitusPgBin()): Promise<CitusCluster> {
  const root = mkdtempSync(path.join(os.tmpdir(), "rightsize-citus-"));
  // PostgreSQL refuses to run as root: run the servers as the `postgres` OS user (Debian's package creates it).
  const asUser = process.getuid?.() === 0 ? "postgres" : null;
  if (asUser) {
    const uid = Number(spawnSync("id", ["-u", asUser], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", asUser], { encoding: "utf8" }).stdout.trim());
    if (!Number.isInteger(uid) || uid === 0) throw new Error("Running as root needs a `postgres` OS user to run the Citus nodes as (apt-get install postgresql-15 creates it)");
    chownSync(root, uid, gid);
    chmodSync(root, 0o755);
  }
  const run = (cmd: string, args: string[]) => {
    const full = asUser ? { cmd: "runuser", args: ["-u", asUser, "--", path.join(pgBin, cmd), ...args] } : { cmd: path.join(pgBin, cmd), args };
    const r = spawnSync(full.cmd, full.args, { encoding: "utf8", cwd: root });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr || r.stdout || r.error?.message}`);
    return r.stdout;
  };

  const nodes: Node[] = [];
  const stop = async () => {
    for (const node of nodes) {
      try {
        run("pg_ctl", ["stop", "-D", node.dir, "-m", "fast", "-w"]);
      } catch {
        // already stopped (a failed start); the folder goes anyway
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    for (const name of ["coordinator", "worker1", "worker2"]) {
      const node = { dir: path.join(root, name), port: await freePort() };
      run("initdb", ["-D", node.dir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
      // A throwaway test cluster: durability off (fsync) for speed; Citus must be preloaded on every node.
      appendFileSync(
        path.join(node.dir, "postgresql.conf"),
        [
          `port = ${node.port}`,
          "listen_addresses = '127.0.0.1'",
          "unix_socket_directories = ''",
          "shared_preload_libraries = 'citus'",
          "fsync = off",
          "synchronous_commit = off",
          "full_page_writes = off",
          "max_connections = 200",
          "shared_buffers = 128MB",
          "",
        ].join("\n"),
      );
      run("pg_ctl", ["start", "-D", node.dir, "-l", path.join(root, `${name}.log`), "-w", "-t", "60"]);
      nodes.push(node);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const [coordinator, ...workers] = nodes;
  const url = (port: number, db: string) => `postgresql://postgres@127.0.0.1:${port}/${db}`;

  async function sql(port: number, db: string, statements: string[]) {
    const client = new pg.Client({ connectionString: url(port, db) });
    await client.connect();
    try {
      for (const s of statements) await client.query(s);
    } finally {
      await client.end();
    }
  }

  return {
    pgBin,
    coordinatorPort: coordinator.port,
    async createCitusDatabase(name) {
      // Citus connects to a worker's database of the same name; every node needs it with the extension.
      for (const node of nodes) {
        await sql(node.port, "postgres", [`CREATE DATABASE "${name}"`]);
        await sql(node.port, name, ["CREATE EXTENSION citus"]);
      }
      await sql(coordinator.port, name, [
        `SELECT citus_set_coordinator_host('127.0.0.1', ${coordinator.port})`,
        ...workers.map((w) => `SELECT citus_add_node('127.0.0.1', ${w.port})`),
      ]);
      return url(coordinator.port, name);
    },
    async createPlainDatabase(name) {
      await sql(coordinator.port, "postgres", [`CREATE DATABASE "${name}"`]);
      return url(coordinator.port, name);
    },
    stop,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
