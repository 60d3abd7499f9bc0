/**
 * Next.js calls register() once when a server process starts. Budget alerts need a clock: the scheduler evaluates
 * budgets and anomalies every minute and sends due webhooks (lib/alerts/scheduler.ts). Node runtime only; set
 * RIGHTSIZE_ALERTS=off to run a server without it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.RIGHTSIZE_ALERTS === "off") return;
  const { startAlertScheduler } = await import("./lib/alerts/scheduler");
  startAlertScheduler();
}
