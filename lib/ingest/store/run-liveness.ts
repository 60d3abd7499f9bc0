import type pg from "pg";

/**
 * Tells a running import from one whose process died. While a file import runs, its process holds a session-level
 * advisory lock (RUN_LOCK_CLASS, batch id) on a connection of its own. PostgreSQL drops the lock the moment that
 * connection goes away, so when a process is killed (SIGKILL, crash, server restart, lost database) the run's
 * ingest_batches row shows "failed" at once, not "running" forever; a run that finished has finished_at.
 */
export const RUN_LOCK_CLASS = 21075;

/** SQL: true while the run of ingest_batches row `alias.id` is held by a live process. */
export const runIsLive = (alias: string) =>
  `EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.classid = ${RUN_LOCK_CLASS} AND l.objid = ${alias}.id::oid AND l.objsubid = 2 AND l.granted)`;

export interface RunLock {
  release(): Promise<void>;
}

export async function holdRunLock(db: pg.Pool, batchId: number): Promise<RunLock> {
  const client = await db.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1, $2)", [RUN_LOCK_CLASS, batchId]);
  } catch (error) {
    client.release();
    throw error;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      // A broken connection has lost the lock anyway: drop it instead of returning it to the pool.
      const ok = await client.query("SELECT pg_advisory_unlock($1, $2)", [RUN_LOCK_CLASS, batchId]).then(() => true, () => false);
      client.release(!ok);
    },
  };
}
