import type pg from "pg";
import { addMonths, forgetEventPartitions, listEventPartitions, monthOf, PARTITION_LOCK, type EventPartition } from "./event-partitions";

/**
 * Raw-data retention (RIGHTSIZE_RAW_RETENTION_MONTHS = N): the monthly partitions of usage_events whose month
 * ended before the N whole months preceding the current one are dropped (N = 3 in December keeps September,
 * October, November and December). Dropping a partition is instant and leaves no dead rows; the roll-ups
 * (usage_daily, usage_15min, usage_daily_user, usage_shape_daily) are separate tables and keep their sums, so totals,
 * the explorer, reports, budgets, forecasts, anomalies and what-if read the same figures after the drop.
 *
 * The first kept month is recorded as the "retention floor" (app_settings.raw_retention_floor), and ingestion
 * skips events older than it (ingest-session.ts): their raw rows, which idempotency checks a re-sent event
 * against, are gone, so storing them would count a re-sent event twice in the roll-ups.
 */
export const RETENTION_FLOOR_KEY = "raw_retention_floor";

export interface RetentionPlan {
  /** N, or null: keep everything. */
  keepMonths: number | null;
  /** The first month kept (YYYY-MM); null when nothing is to be dropped by this setting. */
  floor: string | null;
  /** Partitions older than the floor, oldest first. */
  drop: EventPartition[];
}

/** The first month kept with `keepMonths` whole months before the current one. */
export function retentionFloor(now: Date, keepMonths: number): string {
  return addMonths(monthOf(now), -keepMonths);
}

export async function planRetention(db: Pick<pg.ClientBase, "query">, keepMonths: number | null, now = new Date()): Promise<RetentionPlan> {
  if (keepMonths === null) return { keepMonths, floor: null, drop: [] };
  const floor = retentionFloor(now, keepMonths);
  const drop = (await listEventPartitions(db)).filter((p) => p.month < floor);
  return { keepMonths, floor, drop };
}

/**
 * Drops the plan's partitions and records the floor, in one transaction. DROP TABLE of a partition locks
 * usage_events briefly (ACCESS EXCLUSIVE: it waits for running queries on it, then takes milliseconds).
 * Partitions are re-listed under the lock, so two runs at once drop each month once.
 */
export async function applyRetention(client: pg.ClientBase, plan: RetentionPlan): Promise<EventPartition[]> {
  if (plan.floor === null) return [];
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [PARTITION_LOCK]);
    const drop = (await listEventPartitions(client)).filter((p) => p.month < plan.floor!);
    for (const p of drop) await client.query(`DROP TABLE "${p.name}"`);
    // The floor only moves forward: a later run with a longer retention cannot bring dropped months back.
    await client.query(
      `INSERT INTO app_settings (key, value, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (key) DO UPDATE SET value = greatest(app_settings.value, EXCLUDED.value), updated_at = now()`,
      [RETENTION_FLOOR_KEY, plan.floor],
    );
    await client.query("COMMIT");
    forgetEventPartitions(client);
    cached = null;
    return drop;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

export interface RetentionRun extends RetentionPlan {
  dryRun: boolean;
  /** What was dropped (what would be, on a dry run). */
  dropped: EventPartition[];
}

/** Plans and (unless dryRun) applies retention: `rightsize retention` and the server's daily tick. */
export async function runRetention(client: pg.ClientBase, keepMonths: number | null, opts: { dryRun?: boolean; now?: Date } = {}): Promise<RetentionRun> {
  const plan = await planRetention(client, keepMonths, opts.now);
  const dropped = opts.dryRun ? plan.drop : await applyRetention(client, plan);
  return { ...plan, dryRun: Boolean(opts.dryRun), dropped };
}

/** The recorded floor (first month whose raw events are kept), or null when retention never dropped anything. */
export async function loadRetentionFloor(db: Pick<pg.ClientBase, "query">): Promise<string | null> {
  const r = await db.query<{ value: string }>("SELECT value FROM app_settings WHERE key = $1", [RETENTION_FLOOR_KEY]);
  return r.rows[0]?.value ?? null;
}

/** RIGHTSIZE_RAW_RETENTION_MONTHS (validated by lib/config/env.ts), or null: keep all raw events. */
export function retentionMonthsFromEnv(env: Record<string, string | undefined> = process.env): number | null {
  const v = env.RIGHTSIZE_RAW_RETENTION_MONTHS;
  return v === undefined || v === "" ? null : Number(v);
}

/**
 * The floor as Unix ms (-Infinity when retention never dropped anything), read at most every 30 seconds per
 * process: an ingest session opens per API request. A retention run inside that window is caught by the batch
 * write instead (write-batch.ts leaves out events of a dropped month).
 */
const FLOOR_TTL_MS = 30_000;
let cached: { at: number; floorMs: number; db: unknown } | null = null;

export async function cachedRetentionFloor(db: Pick<pg.ClientBase, "query">): Promise<number> {
  const now = Date.now();
  if (cached && cached.db === db && now - cached.at < FLOOR_TTL_MS) return cached.floorMs;
  const floor = await loadRetentionFloor(db);
  const floorMs = floor === null ? -Infinity : Date.parse(`${floor}-01T00:00:00Z`);
  cached = { at: now, floorMs, db };
  return floorMs;
}
