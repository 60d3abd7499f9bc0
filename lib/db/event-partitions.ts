import type pg from "pg";

/**
 * Monthly partitions of usage_events (migration 20261203010000_partition_usage_events): one per UTC calendar
 * month, named usage_events_YYYY_MM, covering [first instant of the month, first instant of the next).
 *
 * Who creates them:
 * - the migrator, at every start: the current month and the MONTHS_AHEAD after it (ensurePartitionsAhead);
 * - the alert scheduler's daily tick, for a server that runs for months without a restart;
 * - ingestion, before a batch whose events fall in a month without a partition (a backfill of old history, or a
 *   server that has not restarted): ensureEventPartitions, outside the batch's transaction.
 * There is no DEFAULT partition (creating a month would then have to scan it and move rows): a month is created
 * before anything is written into it.
 *
 * A new month is created as a plain table and ATTACHed, which locks usage_events only in SHARE UPDATE EXCLUSIVE
 * mode: reads and ingestion into other months go on meanwhile (CREATE TABLE ... PARTITION OF would wait for, and
 * then block, every reader).
 */
export const MONTHS_AHEAD = 3;
/** Serialises partition creation and retention between processes (the migrator, servers, the CLI). */
export const PARTITION_LOCK = 72657380;

/** "2026-11" -> "usage_events_2026_11". */
export function partitionName(month: string): string {
  return `usage_events_${month.replace("-", "_")}`;
}

/** "usage_events_2026_11" -> "2026-11", or null for a table that is not one of ours. */
export function monthOfPartition(name: string): string | null {
  const m = /^usage_events_(\d{4})_(\d{2})$/.exec(name);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** The UTC month ("YYYY-MM") of an instant. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** `month` shifted by `n` months ("2026-12", 1 -> "2027-01"). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return monthOf(d);
}

const bound = (month: string) => `${month}-01 00:00:00+00`;

// Months known to have a partition, per database (a process may talk to several: tests, the CLI's probes).
const known = new Map<string, Set<string>>();

function databaseKey(client: pg.ClientBase): string {
  const c = client as unknown as { host?: string; port?: number; database?: string };
  return `${c.host}:${c.port}/${c.database}`;
}

function knownMonths(client: pg.ClientBase): Set<string> {
  const key = databaseKey(client);
  let set = known.get(key);
  if (!set) known.set(key, (set = new Set()));
  return set;
}

/** Forget what this process knows about the partitions of the client's database (after retention dropped some). */
export function forgetEventPartitions(client: pg.ClientBase): void {
  known.delete(databaseKey(client));
}

/**
 * Makes sure each month has its partition. Cheap when they are all known to this process (no query); otherwise
 * one short transaction of its own: the caller must not be inside a transaction. A month before the raw-data
 * retention floor (retention.ts) is not created again: then the floor is returned, and the caller leaves out
 * the events before it.
 */
export async function ensureEventPartitions(client: pg.ClientBase, months: Iterable<string>): Promise<{ refusedBefore: string | null }> {
  const have = knownMonths(client);
  const missing = [...new Set(months)].filter((m) => !have.has(m)).sort();
  if (missing.length === 0) return { refusedBefore: null };
  let refusedBefore: string | null = null;
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [PARTITION_LOCK]);
    const existing = await existingMonths(client);
    const floor = await client.query<{ value: string }>("SELECT value FROM app_settings WHERE key = 'raw_retention_floor'");
    const first = floor.rows[0]?.value ?? null;
    for (const month of missing) {
      if (existing.has(month)) continue;
      if (first !== null && month < first) {
        refusedBefore = first;
        continue;
      }
      const name = partitionName(month);
      await client.query(`CREATE TABLE "${name}" (LIKE usage_events INCLUDING DEFAULTS)`);
      await client.query(`ALTER TABLE usage_events ATTACH PARTITION "${name}" FOR VALUES FROM ('${bound(month)}') TO ('${bound(addMonths(month, 1))}')`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  for (const month of missing) if (refusedBefore === null || month >= refusedBefore) have.add(month);
  return { refusedBefore };
}

/** The current UTC month and the MONTHS_AHEAD after it (the migrator and the scheduler call this). */
export async function ensurePartitionsAhead(client: pg.ClientBase, now = new Date(), ahead = MONTHS_AHEAD): Promise<string[]> {
  const months = Array.from({ length: ahead + 1 }, (_, i) => addMonths(monthOf(now), i));
  await ensureEventPartitions(client, months);
  return months;
}

export interface EventPartition {
  name: string;
  month: string;
  /** Table + indexes + TOAST, bytes. */
  bytes: number;
}

/** The partitions of usage_events, oldest month first. */
export async function listEventPartitions(client: Pick<pg.ClientBase, "query">): Promise<EventPartition[]> {
  const rows = await client.query<{ name: string; bytes: string }>(
    `SELECT c.relname AS name, pg_total_relation_size(c.oid)::text AS bytes
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'usage_events'::regclass`,
  );
  return rows.rows
    .map((r) => ({ name: r.name, month: monthOfPartition(r.name), bytes: Number(r.bytes) }))
    .filter((p): p is EventPartition => p.month !== null)
    .sort((a, b) => a.month.localeCompare(b.month));
}

async function existingMonths(client: Pick<pg.ClientBase, "query">): Promise<Set<string>> {
  return new Set((await listEventPartitions(client)).map((p) => p.month));
}

/** Whether usage_events exists and is partitioned (false before the migration, or on a database of other tables). */
export async function eventsArePartitioned(client: pg.ClientBase): Promise<boolean> {
  const r = await client.query(`SELECT 1 FROM pg_partitioned_table WHERE partrelid = to_regclass('public.usage_events')`);
  return (r.rowCount ?? 0) > 0;
}

/** PostgreSQL's "no partition of relation ... found for row" (a month dropped after this process cached it). */
export function isMissingPartition(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "23514" && /no partition of relation/.test(e.message ?? "");
}
