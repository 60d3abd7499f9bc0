import "server-only";
import { evaluateBudgets } from "./evaluate-budgets";
import { runDueDeliveries } from "./deliver-webhooks";
import { runReportSchedules } from "@/lib/schedules/run-schedules";

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
  const timers = [
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
