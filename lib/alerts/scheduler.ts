import "server-only";
import { evaluateBudgets } from "./evaluate-budgets";
import { runDueDeliveries } from "./deliver-webhooks";
import { runReportSchedules } from "@/lib/schedules/run-schedules";
import type pg from "pg";
import { pool } from "@/lib/db/pool";
import { ensurePartitionsAhead } from "@/lib/db/event-partitions";
import { retentionMonthsFromEnv, runRetention } from "@/lib/db/retention";

/**
 * The in-process timer behind budget alerts, started once per server process by instrumentation.ts: evaluate
 * budgets and anomalies every minute, and send due webhook deliveries (retries included) every 10 seconds so
 * backoff delays are honoured closely. Runs never overlap; several server processes are safe (alerts are unique
 * per period, deliveries are claimed with SKIP LOCKED). Report schedules are checked every minute too.
 * RIGHTSIZE_ALERTS=off disables it.
 */
export interface SchedulerOptions {
  evaluateEveryMs?: number;
  deliverEveryMs?: number;
  firstRunAfterMs?: number;
}

interface Scheduler {
  stop(): void;
}

const globalForScheduler = globalThis as unknown as { rightsizeAlertScheduler?: Scheduler };

export function startAlertScheduler(opts: SchedulerOptions = {}): Scheduler | null {
  if (process.env.RIGHTSIZE_ALERTS === "off") return null;
  if (globalForScheduler.rightsizeAlertScheduler) return globalForScheduler.rightsizeAlertScheduler;

  const evaluate = exclusive("Budget evaluation", () => evaluateBudgets({ deliver: false }));
  const deliver = exclusive("Webhook delivery", () => runDueDeliveries());
  // Report schedules (lib/schedules) ride on the same timer: queue what is due, send with the same retry rules.
  const reports = exclusive("Report schedules", () => runReportSchedules());
  // usage_events' monthly partitions ahead of need (lib/db/event-partitions.ts), for a server that runs past a
  // month end without a restart (no query while the months are known to exist), and raw-data retention when
  // RIGHTSIZE_RAW_RETENTION_MONTHS is set (lib/db/retention.ts; a month goes at the first tick after it expires).
  const partitions = exclusive("Event partitions", () =>
    withClient(async (client) => {
      await ensurePartitionsAhead(client);
      const keep = retentionMonthsFromEnv();
      if (keep !== null) await runRetention(client, keep);
    }),
  );
  const timers = [
    setTimeout(partitions, opts.firstRunAfterMs ?? 15_000),
    setInterval(partitions, 3_600_000),
    setTimeout(evaluate, opts.firstRunAfterMs ?? 15_000),
    setInterval(evaluate, opts.evaluateEveryMs ?? 60_000),
    setInterval(deliver, opts.deliverEveryMs ?? 10_000),
    setInterval(reports, opts.evaluateEveryMs ?? 60_000),
  ];
  for (const t of timers) t.unref();
  const scheduler = {
    stop() {
      for (const t of timers) clearTimeout(t);
      globalForScheduler.rightsizeAlertScheduler = undefined;
    },
  };
  globalForScheduler.rightsizeAlertScheduler = scheduler;
  return scheduler;
}

async function withClient(job: (client: pg.PoolClient) => Promise<unknown>): Promise<void> {
  const client = await pool().connect();
  try {
    await job(client);
  } finally {
    client.release();
  }
}

/** Skips a run while the previous one is still going; logs a failure once until it changes (no log flood). */
function exclusive(name: string, job: () => Promise<unknown>): () => Promise<void> {
  let running = false;
  let lastError = "";
  return async () => {
    if (running) return;
    running = true;
    try {
      await job();
      lastError = "";
    } catch (error) {
      const message = (error as Error).message;
      if (message !== lastError) console.error(`${name} failed: ${message}`);
      lastError = message;
    } finally {
      running = false;
    }
  };
}
