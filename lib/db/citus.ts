import type pg from "pg";

/**
 * The Citus (distributed PostgreSQL) layout, applied by the migrator after the SQL migrations when the database
 * is a Citus coordinator (README "Scaling out"). Idempotent: tables already in Citus's metadata are left alone, so
 * it runs at every start and picks up tables that later migrations add.
 *
 * - usage_events (monthly partitions: each is sharded with its parent) is sharded by `dedup_key`, the idempotency
 *   key: it is in the primary key (occurred_at, dedup_key) and so in every unique constraint (Citus
 *   enforces uniqueness per shard, so a unique key must contain the distribution column), it never changes (a
 *   re-attribution updates team_id/workload_id, and Citus cannot move a row by updating its distribution column),
 *   it is never NULL, and its hash spreads calls evenly over the workers, so an ingest batch writes to every shard
 *   in parallel and `INSERT ... ON CONFLICT (dedup_key)` is decided inside one shard. Tenant-style keys (team_id)
 *   would be NULL for unattributed calls, change on re-attribution and put a dominant team on one worker.
 *   Nothing joins usage_events with another large table: raw-row queries join it with dimensions only.
 * - The daily roll-ups are sharded by `day` (part of each one's primary key, never updated, even volume per day)
 *   and co-located with each other (same column type and shard count: Citus's default colocation group), so a
 *   date-range query runs on many shards at once and any join between roll-ups on the day stays inside a shard.
 *   usage_15min is sharded by `slot` the same way (its own colocation group: a timestamp, not a date; it is only
 *   ever read alone, for the slots of one day).
 * - Every other table (teams, workloads, models and their tiers, users, keys, rules, budgets, settings...) is
 *   small and joined with the facts or with each other: a reference table, copied to every node, so joins with
 *   shards are local on each worker and foreign keys and unique constraints keep working as in PostgreSQL.
 *   `_prisma_migrations` stays a plain table on the coordinator (only the migrator reads it).
 */
export const DISTRIBUTED_TABLES: ReadonlyArray<{ table: string; column: string }> = [
  { table: "usage_events", column: "dedup_key" },
  { table: "usage_daily", column: "day" },
  { table: "usage_daily_user", column: "day" },
  { table: "usage_shape_daily", column: "day" },
  // Until migration 20261203110000_dimension_model it was left a reference table (a copy of every row on every node);
  // that migration creates it again, so a coordinator that already had it shards the new one at its next start.
  { table: "usage_daily_dimension", column: "day" },
  { table: "usage_15min", column: "slot" },
];

const LOCAL_TABLES = ["_prisma_migrations"];

export interface CitusLayoutResult {
  distributed: string[];
  reference: string[];
}

/** Whether the Citus step applies: RIGHTSIZE_CITUS=1 forces it, "0" turns it off, unset detects the extension. */
export async function wantsCitus(client: pg.ClientBase, setting = process.env.RIGHTSIZE_CITUS): Promise<boolean> {
  if (setting === "0") return false;
  if (setting === "1") return true;
  const found = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'citus'");
  return (found.rowCount ?? 0) > 0;
}

export async function applyCitusLayout(client: pg.ClientBase): Promise<CitusLayoutResult> {
  await ensureExtension(client);
  const done = new Set(
    (await client.query<{ name: string }>(`SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition`)).rows.map((r) => unquote(r.name)),
  );
  const result: CitusLayoutResult = { distributed: [], reference: [] };
  // usage_runs becomes a reference table, and Citus takes no triggers on one: the runs histogram's triggers
  // (migration 20261203160000_runs_histogram) go, and the runs summary reads usage_runs instead (lib/runs/run-histogram.ts).
  if (!done.has("usage_runs")) await dropRunsHistogramTriggers(client);
  // Referenced tables first: Citus refuses a foreign key from a reference table to a table it does not manage.
  for (const table of await referenceTablesInDependencyOrder(client)) {
    if (done.has(table)) continue;
    await client.query("SELECT create_reference_table($1)", [quoteIdent(table)]);
    result.reference.push(table);
  }
  for (const { table, column } of DISTRIBUTED_TABLES) {
    if (done.has(table)) continue;
    await assertUniqueKeysInclude(client, table, column);
    await client.query("SELECT create_distributed_table($1, $2)", [quoteIdent(table), column]);
    result.distributed.push(table);
  }
  // A table that held rows (a database moved from one server, README "Scaling out") had them copied into its shards;
  // the coordinator's own copy is dead weight from now on.
  for (const table of [...result.reference, ...result.distributed]) {
    await client.query("SELECT truncate_local_data_after_distributing_table($1)", [quoteIdent(table)]);
  }
  return result;
}

async function dropRunsHistogramTriggers(client: pg.ClientBase): Promise<void> {
  // A database laid out before that migration has neither (the migration then skips them itself).
  const exists = await client.query("SELECT to_regclass('usage_runs_hist') IS NOT NULL AS yes");
  if (!exists.rows[0].yes) return;
  for (const trigger of ["usage_runs_hist_insert", "usage_runs_hist_update", "usage_runs_hist_delete", "usage_runs_hist_truncate"]) {
    await client.query(`DROP TRIGGER IF EXISTS ${trigger} ON usage_runs`);
  }
  await client.query("TRUNCATE usage_runs_hist");
  // Without the histogram the summary scans runs by start time: the index plain PostgreSQL drops
  // (migration 20261203200000_runs_first_at_index_citus_only) comes back.
  await client.query(
    `CREATE INDEX IF NOT EXISTS "usage_runs_first_at_idx" ON usage_runs (first_at) INCLUDE (workload_id, team_id, cost_nanos, calls, ok_calls, outcome_calls, success_outcomes)`,
  );
}

async function ensureExtension(client: pg.ClientBase): Promise<void> {
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS citus");
  } catch (error) {
    throw new Error(
      `RIGHTSIZE_CITUS=1 but this database cannot load Citus (${(error as Error).message}). Point DATABASE_URL at a Citus coordinator ` +
        `(shared_preload_libraries = 'citus'), or unset RIGHTSIZE_CITUS for plain PostgreSQL.`,
    );
  }
  const workers = await client.query("SELECT 1 FROM pg_dist_node WHERE noderole = 'primary' AND groupid <> 0 AND isactive");
  if (!workers.rowCount) {
    throw new Error("This Citus coordinator has no worker nodes yet: add them with SELECT citus_add_node('host', port) first (README \"Scaling out\").");
  }
}

/** Ordinary tables of the public schema that are neither sharded nor kept local, referenced tables first. */
async function referenceTablesInDependencyOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence = 'p'
     ORDER BY c.relname`,
  );
  const sharded = new Set(DISTRIBUTED_TABLES.map((t) => t.table));
  const names = tables.rows.map((r) => r.name).filter((n) => !sharded.has(n) && !LOCAL_TABLES.includes(n));
  const fks = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
     JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map<string, string[]>();
  for (const fk of fks.rows) {
    const child = unquote(fk.child);
    parents.set(child, [...(parents.get(child) ?? []), unquote(fk.parent)]);
  }
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name) || !names.includes(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent, path);
    ordered.push(name);
  };
  for (const name of names) visit(name, new Set());
  return ordered;
}

/** Citus can only enforce a unique key inside one shard: say which key breaks that before Citus does. */
async function assertUniqueKeysInclude(client: pg.ClientBase, table: string, column: string): Promise<void> {
  const bad = await client.query<{ name: string }>(
    `SELECT i.indexrelid::regclass::text AS name FROM pg_index i
     WHERE i.indrelid = $1::regclass AND i.indisunique
       AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attname = $2 AND a.attnum = ANY (i.indkey))`,
    [quoteIdent(table), column],
  );
  if (bad.rowCount) {
    throw new Error(`Cannot shard ${table} by ${column}: unique index ${bad.rows[0].name} does not include ${column} (Citus enforces uniqueness per shard)`);
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const unquote = (name: string) => (name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name);
