import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { projectRoot } from "@/lib/config/project-root";
import { applyCitusLayout, wantsCitus, type CitusLayoutResult } from "./citus";
import { ensurePartitionsAhead, eventsArePartitioned } from "./event-partitions";

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, each in its own transaction, and records
 * them in `_prisma_migrations` exactly as `prisma migrate deploy` does (sha256 checksum, timestamps,
 * applied_steps_count), so a machine with Prisma's schema engine sees the same history.
 */
export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
  /** Set when the database is a Citus coordinator: the tables this run sharded or made reference tables (lib/db/citus.ts). */
  citus?: CitusLayoutResult;
}

export class MigrationError extends Error {
  constructor(public readonly migration: string, cause: unknown) {
    super(`Migration ${migration}/migration.sql failed (database left as it was): ${(cause as Error).message}`);
  }
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** One line per event of a run, for start-up logs and the CLI's stderr. */
export function migrationLogLine(event: Parameters<MigrationProgress>[0]): string {
  const step = `migration ${event.position} of ${event.pending}: ${event.name}`;
  return event.ms === undefined ? `Applying ${step}...` : `Applied ${step} in ${(event.ms / 1000).toFixed(1)} s`;
}

export function defaultMigrationsDir(): string {
  return path.resolve(projectRoot(), "prisma", "migrations");
}

/**
 * Progress of a run: called as each pending migration starts and ends, so an operator watching a long back-fill
 * (minutes on a large history) sees which one is running instead of a silent start-up.
 */
export type MigrationProgress = (event: { name: string; position: number; pending: number; ms?: number }) => void;

export async function migrate(
  databaseUrl: string,
  migrationsDir = defaultMigrationsDir(),
  opts: { onProgress?: MigrationProgress } = {},
): Promise<MigrationResult> {
  if (!existsSync(migrationsDir)) throw new Error(`No migrations folder at ${migrationsDir}`);
  const names = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(migrationsDir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(MIGRATIONS_TABLE);
    // Two processes starting at once (npm start twice) must not apply a migration twice.
    await client.query("SELECT pg_advisory_lock(72657369)");
    const done = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    const result: MigrationResult = { applied: [], alreadyApplied: 0 };
    const pending = names.filter((name) => !applied.has(name)).length;
    for (const name of names) {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      if (applied.has(name)) {
        if (applied.get(name) !== checksum) {
          throw new Error(`Migration ${name} was edited after it was applied (checksum differs); add a new migration instead`);
        }
        result.alreadyApplied++;
        continue;
      }
      try {
        await client.query("BEGIN");
        const startedAt = new Date();
        const position = result.applied.length + 1;
        opts.onProgress?.({ name, position, pending });
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), checksum, name, startedAt],
        );
        await client.query("COMMIT");
        result.applied.push(name);
        opts.onProgress?.({ name, position, pending, ms: Date.now() - startedAt.getTime() });
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new MigrationError(name, error);
      }
    }
    // usage_events' monthly partitions for this month and the next ones exist before anything needs them.
    if (await eventsArePartitioned(client)) await ensurePartitionsAhead(client);
    // On Citus, after the migrations (which create plain tables): shard the facts, copy the dimensions to every node.
    // Partitions made above are sharded with their parent; ones made later are sharded by Citus as they are created.
    if (await wantsCitus(client)) result.citus = await applyCitusLayout(client);
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock(72657369)").catch(() => {});
    await client.end();
  }
}
